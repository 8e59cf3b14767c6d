import type { studio } from '../../lib/backend';
import { messageTime } from '../conversations/model';

/**
 * The sentence that says why replies are not leaving, for example
 * "3 replies waiting: Could not reach WhatsApp: … (retry 4 at 12:03)".
 * Empty when no waiting reply has failed.
 */
export function waitingRepliesText(s: studio.SendTrouble): string {
  if (s.retrying === 0) return '';
  const replies = s.waiting === 1 ? '1 reply waiting' : `${s.waiting} replies waiting`;
  const next = s.retryAt === '' ? `retry ${s.nextAttempt}` : `retry ${s.nextAttempt} at ${messageTime(s.retryAt)}`;
  return `${replies}: ${s.reason.replace(/\.$/, '')} (${next})`;
}
