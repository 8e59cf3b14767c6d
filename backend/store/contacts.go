package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Contact is one WhatsApp user the bot has talked to.
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

const contactColumns = `id, wa_id, user_id, phone, name, created_at, last_message_at, unread, bot_paused, window_expires_at`

// Execer is what both *sql.DB and *sql.Tx offer, so entity functions can run
// alone or inside a caller's transaction.
type Execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// upsertContactTx creates the contact keyed by c.WaID, or refreshes the
// profile fields Meta sent (a non-empty name, phone or user id) on the
// existing one.
func upsertContactTx(ctx context.Context, q Execer, c Contact) (Contact, error) {
	if c.WaID == "" {
		return Contact{}, fmt.Errorf("store: save contact: a WhatsApp id is required")
	}
	now := time.Now().UnixMilli()
	row := q.QueryRowContext(ctx, `INSERT INTO contacts(wa_id, user_id, phone, name, created_at) VALUES(?, ?, ?, ?, ?)
		ON CONFLICT(wa_id) DO UPDATE SET
			user_id = CASE WHEN excluded.user_id <> '' THEN excluded.user_id ELSE contacts.user_id END,
			phone   = CASE WHEN excluded.phone   <> '' THEN excluded.phone   ELSE contacts.phone END,
			name    = CASE WHEN excluded.name    <> '' THEN excluded.name    ELSE contacts.name END
		RETURNING `+contactColumns, c.WaID, c.UserID, c.Phone, c.Name, now)
	out, err := scanContact(row)
	if err != nil {
		return Contact{}, fmt.Errorf("store: save contact: %w", err)
	}
	return out, nil
}

// Contact loads one contact by id.
func (db *DB) Contact(ctx context.Context, id int64) (Contact, error) {
	c, err := scanContact(db.R.QueryRowContext(ctx, `SELECT `+contactColumns+` FROM contacts WHERE id = ?`, id))
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

func scanContact(r rowScanner) (Contact, error) {
	var c Contact
	var created, last, window int64
	err := r.Scan(&c.ID, &c.WaID, &c.UserID, &c.Phone, &c.Name, &created, &last, &c.Unread, &c.BotPaused, &window)
	if err != nil {
		return Contact{}, err
	}
	c.CreatedAt = time.UnixMilli(created)
	c.LastMessageAt = fromMillis(last)
	c.WindowExpiresAt = fromMillis(window)
	return c, nil
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
