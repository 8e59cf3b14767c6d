package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
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

// Message is one row of a conversation. It is also the message's row in
// the live bot's queues (docs/performance.md): an incoming row waits with
// status "received" until its turn has run, an outgoing one with status
// "queued" until the Graph API accepts it.
type Message struct {
	ID          int64
	ContactID   int64
	Direction   string
	WaMessageID string
	Type        string
	Text        string
	// Payload is the type-specific detail as JSON (for an outgoing row,
	// the message to send).
	Payload string
	// Status is where the message stands; Error is why it failed, or, while
	// it waits, why its last attempt failed.
	Status string
	Error  string
	Source string
	// Kind says what an incoming row asks of the worker (KindMessage: a
	// customer message); Input is what the worker needs to run it (the
	// normalized message as JSON).
	Kind  string
	Input string
	// Attempts counts the failed attempts so far; NextAttemptAt is when the
	// row is due (an outgoing row waits for its send_after first);
	// SendingAt is when an attempt to send it began (zero: none in
	// flight).
	Attempts      int
	NextAttemptAt time.Time
	SendingAt     time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

const messageColumns = `id, contact_id, direction, wa_message_id, type, text, payload, status, error, source,
	kind, input, attempts, next_attempt_at, sending_at, created_at, updated_at`

// InsertMessageTx adds one message to a conversation inside the caller's
// transaction and returns it with its id. An outgoing row with status
// "queued" joins the send queue: it is due at NextAttemptAt (its creation
// when zero), and a SendingAt marks it as being sent already (the sender
// takes it from the turn that queued it, without another statement).
func InsertMessageTx(ctx context.Context, q Execer, m Message) (Message, error) {
	m = messageDefaults(m)
	row := q.QueryRowContext(ctx, `INSERT INTO messages(contact_id, direction, wa_message_id, type, text, payload, status,
			error, source, kind, input, attempts, next_attempt_at, sending_at, created_at, updated_at)
		VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		m.ContactID, m.Direction, m.WaMessageID, m.Type, m.Text, m.Payload, m.Status, m.Error, m.Source,
		m.Kind, m.Input, m.Attempts, millis(m.NextAttemptAt), millis(m.SendingAt), m.CreatedAt.UnixMilli(), m.UpdatedAt.UnixMilli())
	if err := row.Scan(&m.ID); err != nil {
		if uniqueViolation(err) {
			return Message{}, fmt.Errorf("store: save message %s: %w", m.WaMessageID, ErrConflict)
		}
		return Message{}, fmt.Errorf("store: save message: %w", err)
	}
	return m, nil
}

// messageDefaults fills what a new row leaves out.
func messageDefaults(m Message) Message {
	if m.CreatedAt.IsZero() {
		m.CreatedAt = time.Now()
	}
	if m.Payload == "" {
		m.Payload = "{}"
	}
	if m.Kind == "" {
		m.Kind = KindMessage
	}
	if m.NextAttemptAt.IsZero() {
		m.NextAttemptAt = m.CreatedAt
	}
	m.UpdatedAt = m.CreatedAt
	return m
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
	return scanMessages(rows, fmt.Sprintf("list messages of contact %d", contactID))
}

// statusRank orders outgoing statuses so a late "sent" webhook never undoes
// "read". Failed ranks below read: Meta reports a failure only for messages
// that were never read.
var statusRank = map[string]int{MessageQueued: 0, MessageSent: 1, MessageDelivered: 2, MessageFailed: 3, MessageRead: 4}

// statusRankSQL is statusRank in SQL, for the row's current status.
const statusRankSQL = `CASE status WHEN 'queued' THEN 0 WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2
	WHEN 'failed' THEN 3 WHEN 'read' THEN 4 ELSE 5 END`

// ApplyStatusTx records a delivery status for the outgoing message Meta
// knows as waMessageID. It reports the updated message and true when the
// status changed something. A status older than the stored one is ignored;
// a status for an id not known yet is kept in a backlog and applied when the
// Graph API's answer for that message is recorded (MarkSentBatch). A status
// that moves a message forward costs one statement.
func (db *DB) ApplyStatusTx(ctx context.Context, q Execer, waMessageID, status, errText string, at time.Time) (Message, bool, error) {
	rank, known := statusRank[status]
	if !known {
		return Message{}, false, nil
	}
	m, err := scanMessage(q.QueryRowContext(ctx, `UPDATE messages SET status = ?,
			error = CASE WHEN ? = 'failed' THEN ? ELSE error END, updated_at = ?
		WHERE wa_message_id = ? AND wa_message_id <> '' AND direction = 'out' AND `+statusRankSQL+` < ? RETURNING `+messageColumns,
		status, status, errText, at.UnixMilli(), waMessageID, rank))
	if err == nil {
		return m, true, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return Message{}, false, fmt.Errorf("store: update status of message %s: %w", waMessageID, err)
	}
	var n int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM messages WHERE wa_message_id = ? AND wa_message_id <> '' AND direction = 'out'`,
		waMessageID).Scan(&n); err != nil {
		return Message{}, false, fmt.Errorf("store: load message %s: %w", waMessageID, err)
	}
	if n > 0 {
		return Message{}, false, nil // already as far or further
	}
	db.backlogged.Store(true)
	return Message{}, false, backlogStatusTx(ctx, q, waMessageID, status, errText, at)
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
func (db *DB) applyBacklogTx(ctx context.Context, q Execer, waMessageID string) error {
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
		if _, _, err := db.ApplyStatusTx(ctx, q, waMessageID, p.status, p.errText, time.UnixMilli(p.at)); err != nil {
			return err
		}
	}
	if _, err := q.ExecContext(ctx, `DELETE FROM status_backlog WHERE wa_message_id = ?`, waMessageID); err != nil {
		return fmt.Errorf("store: clear status backlog: %w", err)
	}
	return nil
}

func scanMessage(r rowScanner) (Message, error) {
	var d messageDest
	if err := r.Scan(d.dest()...); err != nil {
		return Message{}, err
	}
	return d.message(), nil
}

// messageDest receives the columns of messageColumns, so a query may scan
// them together with columns of its own.
type messageDest struct {
	m                               Message
	next, sending, created, updated int64
}

func (d *messageDest) dest() []any {
	m := &d.m
	return []any{&m.ID, &m.ContactID, &m.Direction, &m.WaMessageID, &m.Type, &m.Text, &m.Payload,
		&m.Status, &m.Error, &m.Source, &m.Kind, &m.Input, &m.Attempts, &d.next, &d.sending, &d.created, &d.updated}
}

func (d *messageDest) message() Message {
	m := d.m
	m.NextAttemptAt, m.SendingAt = fromMillis(d.next), fromMillis(d.sending)
	m.CreatedAt, m.UpdatedAt = time.UnixMilli(d.created), time.UnixMilli(d.updated)
	return m
}

// scanMessages reads every row of a message query.
func scanMessages(rows *sql.Rows, what string) ([]Message, error) {
	defer rows.Close()
	var out []Message
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return nil, fmt.Errorf("store: %s: %w", what, err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: %s: %w", what, err)
	}
	return out, nil
}

// uniqueViolation reports whether err is SQLite's unique-constraint failure
// (a UNIQUE column or index, or a PRIMARY KEY), by its extended result code.
func uniqueViolation(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	return se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
}
