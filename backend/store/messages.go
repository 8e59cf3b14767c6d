package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Message directions, sources and statuses of the conversation view.
const (
	DirectionIn  = "in"
	DirectionOut = "out"

	SourceCustomer = "customer"
	SourceBot      = "bot"
	SourceAgent    = "agent"

	// Incoming messages are "received"; outgoing ones move from queued on.
	MessageReceived  = "received"
	MessageQueued    = "queued"
	MessageSent      = "sent"
	MessageDelivered = "delivered"
	MessageRead      = "read"
	MessageFailed    = "failed"
)

// Message is one row of a conversation.
type Message struct {
	ID          int64
	ContactID   int64
	Direction   string
	WaMessageID string
	Type        string
	Text        string
	// Payload is the type-specific detail as JSON.
	Payload   string
	Status    string
	Error     string
	Source    string
	CreatedAt time.Time
	UpdatedAt time.Time
}

const messageColumns = `id, contact_id, direction, wa_message_id, type, text, payload, status, error, source, created_at, updated_at`

// InsertMessageTx adds one message to a conversation inside the caller's
// transaction and returns it with its id.
func InsertMessageTx(ctx context.Context, q Execer, m Message) (Message, error) {
	if m.CreatedAt.IsZero() {
		m.CreatedAt = time.Now()
	}
	if m.Payload == "" {
		m.Payload = "{}"
	}
	m.UpdatedAt = m.CreatedAt
	row := q.QueryRowContext(ctx, `INSERT INTO messages(contact_id, direction, wa_message_id, type, text, payload, status, error, source, created_at, updated_at)
		VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		m.ContactID, m.Direction, m.WaMessageID, m.Type, m.Text, m.Payload, m.Status, m.Error, m.Source,
		m.CreatedAt.UnixMilli(), m.UpdatedAt.UnixMilli())
	if err := row.Scan(&m.ID); err != nil {
		if uniqueViolation(err) {
			return Message{}, fmt.Errorf("store: save message %s: %w", m.WaMessageID, ErrConflict)
		}
		return Message{}, fmt.Errorf("store: save message: %w", err)
	}
	return m, nil
}

// Messages returns up to limit messages of one conversation older than
// beforeID (0: the newest), oldest first.
func (db *DB) Messages(ctx context.Context, contactID, beforeID int64, limit int) ([]Message, error) {
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	if beforeID <= 0 {
		beforeID = 1<<63 - 1
	}
	rows, err := db.R.QueryContext(ctx, `SELECT `+messageColumns+` FROM (
		SELECT * FROM messages WHERE contact_id = ? AND id < ? ORDER BY id DESC LIMIT ?) ORDER BY id`,
		contactID, beforeID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: list messages of contact %d: %w", contactID, err)
	}
	defer rows.Close()
	var out []Message
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return nil, fmt.Errorf("store: list messages of contact %d: %w", contactID, err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list messages of contact %d: %w", contactID, err)
	}
	return out, nil
}

// statusRank orders outgoing statuses so a late "sent" webhook never undoes
// "read". Failed ranks below read: Meta reports a failure only for messages
// that were never read.
var statusRank = map[string]int{MessageQueued: 0, MessageSent: 1, MessageDelivered: 2, MessageFailed: 3, MessageRead: 4}

// ApplyStatusTx records a delivery status for the outgoing message Meta
// knows as waMessageID. It reports the updated message and true when the
// status changed something. A status older than the stored one is ignored;
// a status for an id not known yet is kept in a backlog and applied when the
// Graph API's answer for that message is recorded (see MarkOutboxSentBatch).
func ApplyStatusTx(ctx context.Context, q Execer, waMessageID, status, errText string, at time.Time) (Message, bool, error) {
	m, err := scanMessage(q.QueryRowContext(ctx, `SELECT `+messageColumns+` FROM messages
		WHERE wa_message_id = ? AND direction = 'out'`, waMessageID))
	if errors.Is(err, sql.ErrNoRows) {
		return Message{}, false, backlogStatusTx(ctx, q, waMessageID, status, errText, at)
	}
	if err != nil {
		return Message{}, false, fmt.Errorf("store: load message %s: %w", waMessageID, err)
	}
	newRank, known := statusRank[status]
	if !known || newRank <= statusRank[m.Status] {
		return m, false, nil
	}
	m.Status, m.UpdatedAt = status, at
	if status == MessageFailed {
		m.Error = errText
	}
	if _, err := q.ExecContext(ctx, `UPDATE messages SET status = ?, error = ?, updated_at = ? WHERE id = ?`,
		m.Status, m.Error, at.UnixMilli(), m.ID); err != nil {
		return Message{}, false, fmt.Errorf("store: update status of message %s: %w", waMessageID, err)
	}
	return m, true, nil
}

// backlogRetention is how long a status for an unknown message is kept.
const backlogRetention = 7 * 24 * time.Hour

func backlogStatusTx(ctx context.Context, q Execer, waMessageID, status, errText string, at time.Time) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM status_backlog WHERE at < ?`, time.Now().Add(-backlogRetention).UnixMilli()); err != nil {
		return fmt.Errorf("store: prune status backlog: %w", err)
	}
	_, err := q.ExecContext(ctx, `INSERT INTO status_backlog(wa_message_id, status, error, at) VALUES(?, ?, ?, ?)
		ON CONFLICT DO NOTHING`, waMessageID, status, errText, at.UnixMilli())
	if err != nil {
		return fmt.Errorf("store: keep status of message %s: %w", waMessageID, err)
	}
	return nil
}

// applyBacklogTx applies the statuses that arrived for waMessageID before
// its id was known, in their natural order.
func applyBacklogTx(ctx context.Context, q Execer, waMessageID string) error {
	rows, err := q.QueryContext(ctx, `SELECT status, error, at FROM status_backlog WHERE wa_message_id = ?`, waMessageID)
	if err != nil {
		return fmt.Errorf("store: read status backlog: %w", err)
	}
	type pending struct {
		status, errText string
		at              int64
	}
	var list []pending
	for rows.Next() {
		var p pending
		if err := rows.Scan(&p.status, &p.errText, &p.at); err != nil {
			rows.Close()
			return fmt.Errorf("store: read status backlog: %w", err)
		}
		list = append(list, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: read status backlog: %w", err)
	}
	sort.Slice(list, func(i, j int) bool { return statusRank[list[i].status] < statusRank[list[j].status] })
	for _, p := range list {
		if _, _, err := ApplyStatusTx(ctx, q, waMessageID, p.status, p.errText, time.UnixMilli(p.at)); err != nil {
			return err
		}
	}
	if _, err := q.ExecContext(ctx, `DELETE FROM status_backlog WHERE wa_message_id = ?`, waMessageID); err != nil {
		return fmt.Errorf("store: clear status backlog: %w", err)
	}
	return nil
}

// setMessageStatusTx sets the status (and error, and Meta's id when known)
// of one message by id.
func setMessageStatusTx(ctx context.Context, q Execer, id int64, status, errText, waMessageID string, at time.Time) error {
	_, err := q.ExecContext(ctx, setMessageStatusSQL, status, errText, waMessageID, waMessageID, at.UnixMilli(), id)
	return setMessageStatusErr(id, waMessageID, err)
}

// SetMessageStatusReturningTx is setMessageStatusTx that also returns the
// updated message, in one statement instead of an update and a read.
func SetMessageStatusReturningTx(ctx context.Context, q Execer, id int64, status, errText, waMessageID string, at time.Time) (Message, error) {
	m, err := scanMessage(q.QueryRowContext(ctx, setMessageStatusSQL+` RETURNING `+messageColumns,
		status, errText, waMessageID, waMessageID, at.UnixMilli(), id))
	if errors.Is(err, sql.ErrNoRows) {
		return Message{}, fmt.Errorf("store: message %d: %w", id, ErrNotFound)
	}
	return m, setMessageStatusErr(id, waMessageID, err)
}

const setMessageStatusSQL = `UPDATE messages SET status = ?, error = ?,
		wa_message_id = CASE WHEN ? <> '' THEN ? ELSE wa_message_id END, updated_at = ? WHERE id = ?`

func setMessageStatusErr(id int64, waMessageID string, err error) error {
	switch {
	case err == nil:
		return nil
	case uniqueViolation(err):
		return fmt.Errorf("store: update message %d: %s: %w", id, waMessageID, ErrConflict)
	default:
		return fmt.Errorf("store: update message %d: %w", id, err)
	}
}

func scanMessage(r rowScanner) (Message, error) {
	var m Message
	var created, updated int64
	err := r.Scan(&m.ID, &m.ContactID, &m.Direction, &m.WaMessageID, &m.Type, &m.Text, &m.Payload,
		&m.Status, &m.Error, &m.Source, &created, &updated)
	if err != nil {
		return Message{}, err
	}
	m.CreatedAt, m.UpdatedAt = time.UnixMilli(created), time.UnixMilli(updated)
	return m, nil
}

// uniqueViolation reports whether err is SQLite's unique-constraint failure.
func uniqueViolation(err error) bool {
	return err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed")
}
