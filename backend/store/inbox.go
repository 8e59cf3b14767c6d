package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Inbound queue states.
const (
	InboundPending = "pending"
	InboundDone    = "done"
	InboundStale   = "stale"
	InboundSkipped = "skipped"
	InboundFailed  = "failed"
)

// Inbound is one customer message waiting in (or done with) the inbox queue.
type Inbound struct {
	ID          int64
	WaMessageID string
	ContactID   int64
	MessageID   int64
	// Payload is the normalized message as JSON.
	Payload       string
	SentAt        time.Time
	ReceivedAt    time.Time
	State         string
	Attempts      int
	NextAttemptAt time.Time
	Error         string
	ProcessedAt   time.Time
}

const inboundColumns = `id, wa_message_id, contact_id, message_id, payload, sent_at, received_at, state, attempts, next_attempt_at, error, processed_at`

// ResolveContactTx finds or creates the contact a webhook speaks of. Meta
// keys users by wa_id (the phone number) but may send only the
// business-scoped user id; a known user id finds its contact even when the
// number is missing, and a contact first seen without a number is stored
// under its user id.
func ResolveContactTx(ctx context.Context, q Execer, waID, userID, name string) (Contact, error) {
	if waID == "" && userID == "" {
		return Contact{}, fmt.Errorf("store: save contact: a WhatsApp id or user id is required")
	}
	if waID == "" {
		c, err := scanContact(q.QueryRowContext(ctx, `SELECT `+contactColumns+` FROM contacts
			WHERE user_id = ? OR wa_id = ? ORDER BY id LIMIT 1`, userID, userID))
		switch {
		case err == nil:
			return upsertContactTx(ctx, q, Contact{WaID: c.WaID, UserID: userID, Name: name})
		case !errors.Is(err, sql.ErrNoRows):
			return Contact{}, fmt.Errorf("store: find contact %s: %w", userID, err)
		}
		return upsertContactTx(ctx, q, Contact{WaID: userID, UserID: userID, Name: name})
	}
	return upsertContactTx(ctx, q, Contact{WaID: waID, UserID: userID, Phone: waID, Name: name})
}

// InsertInboundTx queues one customer message. It reports false, and stores
// nothing, when a message with the same WhatsApp id was queued before: Meta
// redelivers webhooks it thinks were lost, and each must run once.
func InsertInboundTx(ctx context.Context, q Execer, in Inbound) (Inbound, bool, error) {
	if in.ReceivedAt.IsZero() {
		in.ReceivedAt = time.Now()
	}
	if in.State == "" {
		in.State = InboundPending
	}
	row := q.QueryRowContext(ctx, `INSERT INTO inbox(wa_message_id, contact_id, message_id, payload, sent_at, received_at, state, error, processed_at)
		VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(wa_message_id) DO NOTHING RETURNING id`,
		in.WaMessageID, in.ContactID, in.MessageID, in.Payload, millis(in.SentAt), in.ReceivedAt.UnixMilli(),
		in.State, in.Error, millis(in.ProcessedAt))
	err := row.Scan(&in.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return Inbound{}, false, nil
	}
	if err != nil {
		return Inbound{}, false, fmt.Errorf("store: queue message %s: %w", in.WaMessageID, err)
	}
	return in, true, nil
}

// InboundSeenTx reports whether a message with this WhatsApp id is queued.
func InboundSeenTx(ctx context.Context, q Execer, waMessageID string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM inbox WHERE wa_message_id = ?`, waMessageID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: look up message %s: %w", waMessageID, err)
	}
	return n > 0, nil
}

// PendingInboundContacts returns the contacts with a message due now, in the
// order their oldest due message arrived.
func (db *DB) PendingInboundContacts(ctx context.Context, now time.Time) ([]int64, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT contact_id FROM inbox WHERE state = 'pending'
		GROUP BY contact_id HAVING MIN(next_attempt_at) <= ? ORDER BY MIN(id)`, now.UnixMilli())
	if err != nil {
		return nil, fmt.Errorf("store: list pending messages: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: list pending messages: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// DueInbound returns up to limit of a contact's pending messages, oldest
// first, stopping at the first one that waits for a retry time after now
// (later messages wait behind it, so the conversation keeps its order).
// An empty result means nothing is due.
func (db *DB) DueInbound(ctx context.Context, contactID int64, now time.Time, limit int) ([]Inbound, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT `+inboundColumns+` FROM inbox
		WHERE contact_id = ? AND state = 'pending' ORDER BY id LIMIT ?`, contactID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: due messages of contact %d: %w", contactID, err)
	}
	defer rows.Close()
	var out []Inbound
	for rows.Next() {
		in, err := scanInbound(rows)
		if err != nil {
			return nil, fmt.Errorf("store: due messages of contact %d: %w", contactID, err)
		}
		if in.NextAttemptAt.After(now) {
			break
		}
		out = append(out, in)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: due messages of contact %d: %w", contactID, err)
	}
	return out, nil
}

// NextInboundRetry returns the earliest retry time of a pending message, and
// false when none waits for one.
func (db *DB) NextInboundRetry(ctx context.Context) (time.Time, bool, error) {
	return db.earliest(ctx, "next retry",
		`SELECT MIN(next_attempt_at) FROM inbox WHERE state = 'pending' AND next_attempt_at > 0`)
}

// earliest runs a query whose one column is a MIN() over stored Unix
// milliseconds, and reports false when it found no row to take it over.
func (db *DB) earliest(ctx context.Context, what, query string) (time.Time, bool, error) {
	var at sql.NullInt64
	if err := db.R.QueryRowContext(ctx, query).Scan(&at); err != nil {
		return time.Time{}, false, fmt.Errorf("store: %s: %w", what, err)
	}
	if !at.Valid {
		return time.Time{}, false, nil
	}
	return time.UnixMilli(at.Int64), true, nil
}

// FinishInboundTx closes a queued message with its final state.
func FinishInboundTx(ctx context.Context, q Execer, id int64, state, errText string, at time.Time) error {
	res, err := q.ExecContext(ctx, `UPDATE inbox SET state = ?, error = ?, processed_at = ?, attempts = attempts + 1
		WHERE id = ? AND state = 'pending'`, state, errText, at.UnixMilli(), id)
	if err != nil {
		return fmt.Errorf("store: finish queued message %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: queued message %d is not pending: %w", id, ErrConflict)
	}
	return nil
}

// RetryInbound keeps a message pending after a failed attempt, to be tried
// again at next.
func (db *DB) RetryInbound(ctx context.Context, id int64, next time.Time, errText string) error {
	_, err := db.W.ExecContext(ctx, `UPDATE inbox SET attempts = attempts + 1, next_attempt_at = ?, error = ?
		WHERE id = ? AND state = 'pending'`, next.UnixMilli(), errText, id)
	if err != nil {
		return fmt.Errorf("store: retry queued message %d: %w", id, err)
	}
	return nil
}

func scanInbound(r rowScanner) (Inbound, error) {
	var in Inbound
	var sent, received, next, processed int64
	err := r.Scan(&in.ID, &in.WaMessageID, &in.ContactID, &in.MessageID, &in.Payload, &sent, &received,
		&in.State, &in.Attempts, &next, &in.Error, &processed)
	if err != nil {
		return Inbound{}, err
	}
	in.SentAt, in.ReceivedAt = fromMillis(sent), time.UnixMilli(received)
	in.NextAttemptAt, in.ProcessedAt = fromMillis(next), fromMillis(processed)
	return in, nil
}

// Settings keys the webhook keeps up to date for the Settings page.
const (
	SettingWebhookLastEvent    = "whatsapp.last_event_at"
	SettingWebhookLastVerified = "whatsapp.last_verified_at"
)

// NoteWebhookEventTx records when the latest webhook event arrived.
func NoteWebhookEventTx(ctx context.Context, q Execer, at time.Time) error {
	_, err := q.ExecContext(ctx, `INSERT INTO settings(key, value, updated_at) VALUES(?, ?, ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
		SettingWebhookLastEvent, at.UTC().Format(time.RFC3339Nano), at.UnixMilli())
	if err != nil {
		return fmt.Errorf("store: note webhook event: %w", err)
	}
	return nil
}
