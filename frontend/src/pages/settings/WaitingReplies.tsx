import type { studio } from '../../lib/backend';
import { waitingRepliesText } from './waitingReplies';
import styles from './SettingsPage.module.css';

/** One line under the outgoing counts when sends are failing and being retried; nothing otherwise. */
export function WaitingReplies({ sending }: { sending: studio.SendTrouble }) {
  const text = waitingRepliesText(sending);
  if (text === '') return null;
  return (
    <span className={styles.warningLine} role="status" data-testid="waiting-replies">
      {text}
    </span>
  );
}
