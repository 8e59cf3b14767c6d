package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Conversation is one contact as the inbox lists it: the contact and its
// latest message.
type Conversation struct {
	Contact Contact
	// Last is the newest message; its ID is 0 when there is none yet.
	Last Message
}

// Conversations lists contacts with their latest message, most recent first.
// search, when not empty, keeps contacts whose name, phone number or
// WhatsApp id contains it (case-insensitive).
func (db *DB) Conversations(ctx context.Context, search string, limit int) ([]Conversation, error) {
	if limit <= 0 || limit > 1000 {
		limit = 200
	}
	pattern := "%" + escapeLike(strings.ToLower(strings.TrimSpace(search))) + "%"
	digits := "%" + escapeLike(onlyDigits(search)) + "%"
	if onlyDigits(search) == "" {
		digits = pattern
	}
	rows, err := db.R.QueryContext(ctx, `SELECT c.id, c.wa_id, c.user_id, c.phone, c.name, c.created_at, c.last_message_at,
			c.unread, c.bot_paused, c.window_expires_at,
			COALESCE(m.id, 0), COALESCE(m.direction, ''), COALESCE(m.type, ''), COALESCE(m.text, ''),
			COALESCE(m.status, ''), COALESCE(m.error, ''), COALESCE(m.source, ''), COALESCE(m.created_at, 0)
		FROM contacts c
		LEFT JOIN messages m ON m.id = (SELECT MAX(id) FROM messages WHERE contact_id = c.id)
		WHERE ? = '%%' OR lower(c.name) LIKE ? ESCAPE '\' OR c.phone LIKE ? ESCAPE '\' OR c.wa_id LIKE ? ESCAPE '\'
		ORDER BY MAX(c.last_message_at, COALESCE(m.created_at, 0)) DESC, c.id DESC
		LIMIT ?`, pattern, pattern, digits, digits, limit)
	if err != nil {
		return nil, fmt.Errorf("store: list conversations: %w", err)
	}
	defer rows.Close()
	var out []Conversation
	for rows.Next() {
		var cv Conversation
		c, m := &cv.Contact, &cv.Last
		var created, last, window, msgAt int64
		if err := rows.Scan(&c.ID, &c.WaID, &c.UserID, &c.Phone, &c.Name, &created, &last, &c.Unread, &c.BotPaused, &window,
			&m.ID, &m.Direction, &m.Type, &m.Text, &m.Status, &m.Error, &m.Source, &msgAt); err != nil {
			return nil, fmt.Errorf("store: list conversations: %w", err)
		}
		c.CreatedAt, c.LastMessageAt, c.WindowExpiresAt = time.UnixMilli(created), fromMillis(last), fromMillis(window)
		m.ContactID, m.CreatedAt = c.ID, fromMillis(msgAt)
		out = append(out, cv)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list conversations: %w", err)
	}
	return out, nil
}

// MarkRead clears a contact's unread count.
func (db *DB) MarkRead(ctx context.Context, contactID int64) error {
	res, err := db.W.ExecContext(ctx, `UPDATE contacts SET unread = 0 WHERE id = ?`, contactID)
	if err != nil {
		return fmt.Errorf("store: mark contact %d read: %w", contactID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: contact %d: %w", contactID, ErrNotFound)
	}
	return nil
}

// NoteInboundTx records on the contact that a customer message arrived at
// sentAt: one more unread message, a newer last-message time, and the
// 24-hour customer-service window measured from the customer's message.
func NoteInboundTx(ctx context.Context, q Execer, contactID int64, sentAt time.Time, window time.Duration) error {
	_, err := q.ExecContext(ctx, `UPDATE contacts SET unread = unread + 1,
		last_message_at = MAX(last_message_at, ?), window_expires_at = MAX(window_expires_at, ?) WHERE id = ?`,
		sentAt.UnixMilli(), sentAt.Add(window).UnixMilli(), contactID)
	if err != nil {
		return fmt.Errorf("store: note message of contact %d: %w", contactID, err)
	}
	return nil
}

// TouchContactTx moves a contact's last-message time forward (an outgoing
// message counts as activity in the inbox list).
func TouchContactTx(ctx context.Context, q Execer, contactID int64, at time.Time) error {
	_, err := q.ExecContext(ctx, `UPDATE contacts SET last_message_at = MAX(last_message_at, ?) WHERE id = ?`,
		at.UnixMilli(), contactID)
	if err != nil {
		return fmt.Errorf("store: touch contact %d: %w", contactID, err)
	}
	return nil
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func onlyDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
