import { AlertCircle, Check, Circle } from 'lucide-react';
import { Spinner } from '../../components/ui';
import { cx } from '../../lib/cx';
import { readableNodeRefs } from '../../flow/nodeNames';
import { useEditor } from '../../flow/store';
import styles from './FlowEditorPage.module.css';

/** The editor's save state in words: Saved, Saving…, Unsaved changes, or Not saved with a retry. */
export function SaveStatus({ onRetry }: { onRetry: () => void }) {
  const status = useEditor((s) => s.saveStatus);
  const error = useEditor((s) => readableNodeRefs(s.saveError, s.nodes));
  switch (status) {
    case 'saving':
      return (
        <span className={styles.saveStatus} role="status" data-testid="save-status" data-status={status}>
          <Spinner size={12} /> Saving…
        </span>
      );
    case 'unsaved':
      return (
        <span className={styles.saveStatus} role="status" data-testid="save-status" data-status={status}>
          <Circle size={8} fill="currentColor" className={styles.unsavedDot} /> Unsaved changes
        </span>
      );
    case 'error':
      return (
        <span className={cx(styles.saveStatus, styles.saveError)} role="alert" data-testid="save-status" data-status={status} title={error}>
          <AlertCircle size={13} /> Not saved
          <button type="button" className={styles.retry} onClick={onRetry}>
            Retry
          </button>
        </span>
      );
    default:
      return (
        <span className={styles.saveStatus} role="status" data-testid="save-status" data-status={status}>
          <Check size={13} /> Saved
        </span>
      );
  }
}
