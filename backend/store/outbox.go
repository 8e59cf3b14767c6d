package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Outbox states.
const (
	OutboxPending = "pending"
	OutboxSent    = "sent"
	OutboxFailed  = "failed"
)

// OutboxItem is one WhatsApp message waiting to be sent (or done).
type OutboxItem struct {
	ID        int64
	MessageID int64
	ContactID int64
	// Payload is the message to send (whatsapp.Outgoing) as JSON.
	Payload       string
	SendAfter     time.Time
	NextAttemptAt time.Time
	Attempts      int
	State         string
	LastError     string
	CreatedAt     time.Time
	SentAt        time.Time
}

const outboxColumns = `id, message_id, contact_id, payload, send_after, next_attempt_at, attempts, state, last_error, created_at, sent_at`

// InsertOutboxTx queues one message to send, not before item.SendAfter.
func InsertOutboxTx(ctx context.Context, q Execer, item OutboxItem) (OutboxItem, error) {
	if item.CreatedAt.IsZero() {
		item.CreatedAt = time.Now()
	}
	if item.SendAfter.IsZero() {
		item.SendAfter = item.CreatedAt
	}
	item.NextAttemptAt, item.State = item.SendAfter, OutboxPending
	err := q.QueryRowContext(ctx, `INSERT INTO outbox(message_id, contact_id, payload, send_after, next_attempt_at, created_at)
		VALUES(?, ?, ?, ?, ?, ?) RETURNING id`, item.MessageID, item.ContactID, item.Payload,
		item.SendAfter.UnixMilli(), item.NextAttemptAt.UnixMilli(), item.CreatedAt.UnixMilli()).Scan(&item.ID)
	if err != nil {
		return OutboxItem{}, fmt.Errorf("store: queue outgoing message: %w", err)
	}
	return item, nil
}

// DueOutbox returns up to limit messages that may be sent at now: for each
// contact only its oldest pending message (so a conversation is never sent
// out of order, even while one message waits for a retry), and only when its
// time has come. Oldest first.
func (db *DB) DueOutbox(ctx context.Context, now time.Time, limit int) ([]OutboxItem, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT `+outboxColumns+` FROM outbox WHERE id IN (
			SELECT MIN(id) FROM outbox WHERE state = 'pending' GROUP BY contact_id)
		AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`, now.UnixMilli(), limit)
	if err != nil {
		return nil, fmt.Errorf("store: list due messages: %w", err)
	}
	defer rows.Close()
	var out []OutboxItem
	for rows.Next() {
		item, err := scanOutbox(rows)
		if err != nil {
			return nil, fmt.Errorf("store: list due messages: %w", err)
		}
		out = append(out, item)
	}
	return out, rows.Err()
}

// NextOutboxTime returns when the earliest pending message at the head of a
// conversation becomes due, and false when nothing is pending.
func (db *DB) NextOutboxTime(ctx context.Context) (time.Time, bool, error) {
	var at sql.NullInt64
	err := db.R.QueryRowContext(ctx, `SELECT MIN(next_attempt_at) FROM outbox WHERE id IN (
		SELECT MIN(id) FROM outbox WHERE state = 'pending' GROUP BY contact_id)`).Scan(&at)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("store: next outgoing message: %w", err)
	}
	if !at.Valid {
		return time.Time{}, false, nil
	}
	return time.UnixMilli(at.Int64), true, nil
}

// OutboxItem loads one queued message by id.
func (db *DB) OutboxItem(ctx context.Context, id int64) (OutboxItem, error) {
	item, err := scanOutbox(db.R.QueryRowContext(ctx, `SELECT `+outboxColumns+` FROM outbox WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return OutboxItem{}, fmt.Errorf("store: outgoing message %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return OutboxItem{}, fmt.Errorf("store: load outgoing message %d: %w", id, err)
	}
	return item, nil
}

// MarkOutboxSent records that the Graph API accepted the message and gave it
// waMessageID, on both the queue row and the conversation message.
func (db *DB) MarkOutboxSent(ctx context.Context, item OutboxItem, waMessageID string, at time.Time) (Message, error) {
	var m Message
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = ?, last_error = ''
			WHERE id = ?`, at.UnixMilli(), item.ID); err != nil {
			return fmt.Errorf("store: mark message %d sent: %w", item.ID, err)
		}
		if err := SetMessageStatusTx(ctx, tx, item.MessageID, MessageSent, "", waMessageID, at); err != nil {
			// A status webhook may have raced ahead and a retry may have
			// produced a second id; keep the row sent without the id.
			if !errors.Is(err, ErrConflict) {
				return err
			}
			if err := SetMessageStatusTx(ctx, tx, item.MessageID, MessageSent, "", "", at); err != nil {
				return err
			}
		} else if waMessageID != "" {
			if err := applyBacklogTx(ctx, tx, waMessageID); err != nil {
				return err
			}
		}
		var err error
		m, err = scanMessage(tx.QueryRowContext(ctx, `SELECT `+messageColumns+` FROM messages WHERE id = ?`, item.MessageID))
		return err
	})
	return m, err
}

// RetryOutbox keeps a message pending after a temporary failure, to be tried
// again at next.
func (db *DB) RetryOutbox(ctx context.Context, id int64, next time.Time, errText string) error {
	_, err := db.W.ExecContext(ctx, `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
		WHERE id = ? AND state = 'pending'`, next.UnixMilli(), errText, id)
	if err != nil {
		return fmt.Errorf("store: retry message %d: %w", id, err)
	}
	return nil
}

// FailOutbox gives up on a message: the queue row and the conversation
// message are marked failed with the reason the inbox shows.
func (db *DB) FailOutbox(ctx context.Context, item OutboxItem, reason string, at time.Time) (Message, error) {
	var m Message
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ?
			WHERE id = ?`, reason, item.ID); err != nil {
			return fmt.Errorf("store: mark message %d failed: %w", item.ID, err)
		}
		if err := SetMessageStatusTx(ctx, tx, item.MessageID, MessageFailed, reason, "", at); err != nil {
			return err
		}
		var err error
		m, err = scanMessage(tx.QueryRowContext(ctx, `SELECT `+messageColumns+` FROM messages WHERE id = ?`, item.MessageID))
		return err
	})
	return m, err
}

// OutboxCounts reports how many messages are pending, sent and failed.
func (db *DB) OutboxCounts(ctx context.Context) (map[string]int, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT state, COUNT(*) FROM outbox GROUP BY state`)
	if err != nil {
		return nil, fmt.Errorf("store: count outgoing messages: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var state string
		var n int
		if err := rows.Scan(&state, &n); err != nil {
			return nil, fmt.Errorf("store: count outgoing messages: %w", err)
		}
		out[state] = n
	}
	return out, rows.Err()
}

func scanOutbox(r rowScanner) (OutboxItem, error) {
	var it OutboxItem
	var after, next, created, sent int64
	err := r.Scan(&it.ID, &it.MessageID, &it.ContactID, &it.Payload, &after, &next, &it.Attempts, &it.State,
		&it.LastError, &created, &sent)
	if err != nil {
		return OutboxItem{}, err
	}
	it.SendAfter, it.NextAttemptAt = time.UnixMilli(after), time.UnixMilli(next)
	it.CreatedAt, it.SentAt = time.UnixMilli(created), fromMillis(sent)
	return it, nil
}
