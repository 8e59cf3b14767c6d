package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// SentOutbox is one message of a send round that the Graph API accepted.
type SentOutbox struct {
	Item        OutboxItem
	WaMessageID string
	At          time.Time
}

// BeginSends records that an attempt to send each row of a round starts
// now, in one transaction (one commit instead of one per message). Every
// outcome (sent, retry, failed) clears the mark, so a mark found at startup
// means the process died during the attempt. A row marked here and never
// attempted must be cleared with ClearSends, or a restart holds it back as
// interrupted.
func (db *DB) BeginSends(ctx context.Context, ids []int64, at time.Time) error {
	if len(ids) == 0 {
		return nil
	}
	return db.GroupTx(ctx, func(tx *sql.Tx) error {
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, `UPDATE outbox SET sending_at = ? WHERE id = ?`, at.UnixMilli(), id); err != nil {
				return fmt.Errorf("store: start sending message %d: %w", id, err)
			}
		}
		return nil
	})
}

// ClearSends removes the attempt mark of pending rows that were marked by
// BeginSends but not attempted (the round ended early at shutdown).
func (db *DB) ClearSends(ctx context.Context, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	return db.Tx(ctx, func(tx *sql.Tx) error {
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, `UPDATE outbox SET sending_at = 0 WHERE id = ? AND state = 'pending'`, id); err != nil {
				return fmt.Errorf("store: clear send mark of message %d: %w", id, err)
			}
		}
		return nil
	})
}

// MarkOutboxSentBatch records every message a send round got out (the
// Graph API accepted it and gave it an id), in one transaction (group commit). It returns the conversation
// messages in the order of sent. Until it commits, the rows keep their
// attempt mark, so a crash in between is settled like any interrupted send.
func (db *DB) MarkOutboxSentBatch(ctx context.Context, sent []SentOutbox) ([]Message, error) {
	if len(sent) == 0 {
		return nil, nil
	}
	out := make([]Message, 0, len(sent))
	err := db.GroupTx(ctx, func(tx *sql.Tx) error {
		out = out[:0]
		for _, s := range sent {
			m, err := markOutboxSentTx(ctx, tx, s.Item, s.WaMessageID, s.At)
			if err != nil {
				return err
			}
			out = append(out, m)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
