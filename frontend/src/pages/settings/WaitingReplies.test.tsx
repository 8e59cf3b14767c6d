import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { messageTime } from '../conversations/model';
import { WaitingReplies } from './WaitingReplies';
import { waitingRepliesText } from './waitingReplies';

const none = { waiting: 0, retrying: 0, reason: '', nextAttempt: 0, retryAt: '' };

describe('WaitingReplies', () => {
  it('says how many replies wait, why and when the next try is', () => {
    const s = { waiting: 3, retrying: 1, reason: 'Could not reach WhatsApp: connection refused.', nextAttempt: 4, retryAt: '2026-01-02T12:03:00Z' };
    expect(waitingRepliesText(s)).toBe(
      `3 replies waiting: Could not reach WhatsApp: connection refused (retry 4 at ${messageTime('2026-01-02T12:03:00Z')})`,
    );
    expect(waitingRepliesText({ ...s, waiting: 1, retryAt: '' })).toBe('1 reply waiting: Could not reach WhatsApp: connection refused (retry 4)');
    render(<WaitingReplies sending={s} />);
    expect(screen.getByTestId('waiting-replies').textContent).toContain('3 replies waiting');
  });

  it('shows nothing while no send has failed', () => {
    expect(waitingRepliesText({ ...none, waiting: 5 })).toBe('');
    const { container } = render(<WaitingReplies sending={{ ...none, waiting: 5 }} />);
    expect(container.textContent).toBe('');
  });
});
