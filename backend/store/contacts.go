package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// CustomerWindow is WhatsApp's customer-service window: free-form messages
// may be sent up to 24 hours after the customer's last message.
const CustomerWindow = 24 * time.Hour

// Contact is one WhatsApp user the bot has talked to. LastMessageAt, Unread
// and WindowExpiresAt are read from the contact's messages (the newest
// message, the customer messages after ReadThrough, the newest customer
// message plus CustomerWindow), so storing a message writes nothing here.
type Contact struct {
	ID              int64
	WaID            string
	UserID          string
	Phone           string
	Name            string
	CreatedAt       time.Time
	LastMessageAt   time.Time
	Unread          int
	BotPaused       bool
	WindowExpiresAt time.Time
}

// contactBaseColumns are the contact's own columns, for a table aliased c.
const contactBaseColumns = `c.id, c.wa_id, c.user_id, c.phone, c.name, c.created_at, c.bot_paused`

// lastCustomerMessageSQL is the time of the contact's newest customer
// message (NULL when it never wrote), for a table aliased c.
const lastCustomerMessageSQL = `(SELECT created_at FROM messages
	WHERE contact_id = c.id AND direction = 'in' AND kind = 'message' ORDER BY id DESC LIMIT 1)`

// contactColumns are every field of Contact, for a table aliased c.
const contactColumns = contactBaseColumns + `,
	(SELECT created_at FROM messages WHERE contact_id = c.id ORDER BY id DESC LIMIT 1),
	(SELECT COUNT(*) FROM messages WHERE contact_id = c.id AND direction = 'in' AND kind = 'message' AND id > c.read_through),
	` + lastCustomerMessageSQL

// contactWorkColumns are what a turn needs of its contact.
const contactWorkColumns = contactBaseColumns + `, ` + lastCustomerMessageSQL

// contactDest receives contact columns.
type contactDest struct {
	c            Contact
	created      int64
	last, window *int64
	unread       int
}

func (d *contactDest) baseDest() []any {
	c := &d.c
	return []any{&c.ID, &c.WaID, &c.UserID, &c.Phone, &c.Name, &d.created, &c.BotPaused}
}

func (d *contactDest) dest() []any     { return append(d.baseDest(), &d.last, &d.unread, &d.window) }
func (d *contactDest) workDest() []any { return append(d.baseDest(), &d.window) }

func (d *contactDest) contact() Contact {
	c := d.c
	c.CreatedAt, c.Unread = time.UnixMilli(d.created), d.unread
	if d.last != nil {
		c.LastMessageAt = fromMillis(*d.last)
	}
	if d.window != nil {
		c.WindowExpiresAt = time.UnixMilli(*d.window).Add(CustomerWindow)
	}
	return c
}

// Execer is what both *sql.DB and *sql.Tx offer, so entity functions can run
// alone or inside a caller's transaction.
type Execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// upsertContactTx creates the contact keyed by c.WaID, or refreshes the
// profile fields Meta sent (a non-empty name, phone or user id) on the
// existing one. It returns the contact's own fields.
func upsertContactTx(ctx context.Context, q Execer, c Contact) (Contact, error) {
	if c.WaID == "" {
		return Contact{}, fmt.Errorf("store: save contact: a WhatsApp id is required")
	}
	now := time.Now().UnixMilli()
	row := q.QueryRowContext(ctx, `INSERT INTO contacts AS c (wa_id, user_id, phone, name, created_at) VALUES(?, ?, ?, ?, ?)
		ON CONFLICT(wa_id) DO UPDATE SET
			user_id = CASE WHEN excluded.user_id <> '' THEN excluded.user_id ELSE c.user_id END,
			phone   = CASE WHEN excluded.phone   <> '' THEN excluded.phone   ELSE c.phone END,
			name    = CASE WHEN excluded.name    <> '' THEN excluded.name    ELSE c.name END
		RETURNING id, wa_id, user_id, phone, name, created_at, bot_paused`, c.WaID, c.UserID, c.Phone, c.Name, now)
	out, err := scanContactBase(row)
	if err != nil {
		return Contact{}, fmt.Errorf("store: save contact: %w", err)
	}
	return out, nil
}

// Contact loads one contact by id.
func (db *DB) Contact(ctx context.Context, id int64) (Contact, error) {
	c, err := scanContact(db.R.QueryRowContext(ctx, `SELECT `+contactColumns+` FROM contacts c WHERE c.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Contact{}, fmt.Errorf("store: contact %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Contact{}, fmt.Errorf("store: load contact %d: %w", id, err)
	}
	return c, nil
}

// SetBotPausedTx pauses or resumes the bot for one contact inside the
// caller's transaction (the inbox also clears the session's handoff mark).
func SetBotPausedTx(ctx context.Context, q Execer, id int64, paused bool) error {
	res, err := q.ExecContext(ctx, `UPDATE contacts SET bot_paused = ? WHERE id = ?`, paused, id)
	if err != nil {
		return fmt.Errorf("store: pause bot for contact %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: contact %d: %w", id, ErrNotFound)
	}
	return nil
}

type rowScanner interface{ Scan(dest ...any) error }

// scanContact reads the columns of contactColumns.
func scanContact(r rowScanner) (Contact, error) {
	var d contactDest
	if err := r.Scan(d.dest()...); err != nil {
		return Contact{}, err
	}
	return d.contact(), nil
}

// scanContactBase reads the columns of contactBaseColumns.
func scanContactBase(r rowScanner) (Contact, error) {
	var d contactDest
	if err := r.Scan(d.baseDest()...); err != nil {
		return Contact{}, err
	}
	return d.contact(), nil
}

// fromMillis turns a stored Unix-milliseconds value into a time, keeping 0 as
// the zero time so "never" stays distinguishable.
func fromMillis(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms)
}

// millis is the stored form of t: Unix milliseconds, 0 for the zero time.
func millis(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}
