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
	return db.earliest(ctx, "next outgoing message", `SELECT MIN(next_attempt_at) FROM outbox WHERE id IN (
		SELECT MIN(id) FROM outbox WHERE state = 'pending' GROUP BY contact_id)`)
}

// markOutboxSentTx records inside the caller's transaction that the Graph
// API accepted the message and gave it waMessageID, on both the queue row
// and the conversation message.
func markOutboxSentTx(ctx context.Context, q Execer, item OutboxItem, waMessageID string, at time.Time) (Message, error) {
	if _, err := q.ExecContext(ctx, `UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = ?, last_error = '',
		sending_at = 0 WHERE id = ?`, at.UnixMilli(), item.ID); err != nil {
		return Message{}, fmt.Errorf("store: mark message %d sent: %w", item.ID, err)
	}
	if err := markMessageSentTx(ctx, q, item.MessageID, waMessageID, at); err != nil {
		return Message{}, err
	}
	m, err := scanMessage(q.QueryRowContext(ctx, `SELECT `+messageColumns+` FROM messages WHERE id = ?`, item.MessageID))
	if err != nil {
		return Message{}, fmt.Errorf("store: load message %d: %w", item.MessageID, err)
	}
	return m, nil
}

// markMessageSentTx gives a conversation message Meta's id and moves it
// from queued to sent (a status webhook may already have moved it further),
// then applies statuses that arrived before the id was known.
func markMessageSentTx(ctx context.Context, q Execer, messageID int64, waMessageID string, at time.Time) error {
	_, err := q.ExecContext(ctx, `UPDATE messages SET
		status = CASE WHEN status = 'queued' THEN 'sent' ELSE status END,
		wa_message_id = CASE WHEN ? <> '' THEN ? ELSE wa_message_id END, updated_at = ? WHERE id = ?`,
		waMessageID, waMessageID, at.UnixMilli(), messageID)
	if uniqueViolation(err) {
		// The id is already on another row (Meta answered a retry with the
		// id of an earlier attempt): keep this row sent without it.
		_, err = q.ExecContext(ctx, `UPDATE messages SET status = CASE WHEN status = 'queued' THEN 'sent' ELSE status END,
			updated_at = ? WHERE id = ?`, at.UnixMilli(), messageID)
	}
	if err != nil {
		return fmt.Errorf("store: mark message %d sent: %w", messageID, err)
	}
	if waMessageID == "" {
		return nil
	}
	return applyBacklogTx(ctx, q, waMessageID)
}

// ParkInterruptedSends holds back, until until, every pending row whose last
// attempt was cut short by a crash: the Graph API may have accepted it, and
// Meta's status webhook (carrying the row's callback data) settles it
// without sending it twice. It returns how many rows were parked.
func (db *DB) ParkInterruptedSends(ctx context.Context, until time.Time) (int, error) {
	res, err := db.W.ExecContext(ctx, `UPDATE outbox SET next_attempt_at = MAX(next_attempt_at, ?)
		WHERE state = 'pending' AND sending_at > 0`, until.UnixMilli())
	if err != nil {
		return 0, fmt.Errorf("store: park interrupted sends: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// SettleOutboxTx marks a pending row sent because Meta reported a status for
// it (named by its callback data) under waMessageID. It reports false when
// the row is unknown or no longer pending.
func SettleOutboxTx(ctx context.Context, q Execer, id int64, waMessageID string, at time.Time) (bool, error) {
	var messageID int64
	err := q.QueryRowContext(ctx, `UPDATE outbox SET state = 'sent', sent_at = ?, sending_at = 0, last_error = ''
		WHERE id = ? AND state = 'pending' RETURNING message_id`, at.UnixMilli(), id).Scan(&messageID)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: settle message %d: %w", id, err)
	}
	return true, markMessageSentTx(ctx, q, messageID, waMessageID, at)
}

// RetryOutbox keeps a message pending after a temporary failure, to be tried
// again at next.
func (db *DB) RetryOutbox(ctx context.Context, id int64, next time.Time, errText string) error {
	_, err := db.W.ExecContext(ctx, `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
		sending_at = 0 WHERE id = ? AND state = 'pending'`, next.UnixMilli(), errText, id)
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
		if _, err := tx.ExecContext(ctx, `UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ?,
			sending_at = 0 WHERE id = ?`, reason, item.ID); err != nil {
			return fmt.Errorf("store: mark message %d failed: %w", item.ID, err)
		}
		if err := setMessageStatusTx(ctx, tx, item.MessageID, MessageFailed, reason, "", at); err != nil {
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
