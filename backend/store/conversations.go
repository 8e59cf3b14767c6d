package store

import (
	"context"
	"fmt"
	"strings"
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
	rows, err := db.R.QueryContext(ctx, `SELECT `+contactBaseColumns+`, m.created_at,
			(SELECT COUNT(*) FROM messages WHERE contact_id = c.id AND direction = 'in' AND kind = 'message' AND id > c.read_through),
			`+lastCustomerMessageSQL+`,
			COALESCE(m.id, 0), COALESCE(m.direction, ''), COALESCE(m.type, ''), COALESCE(m.text, ''),
			COALESCE(m.status, ''), COALESCE(m.error, ''), COALESCE(m.source, '')
		FROM contacts c
		LEFT JOIN messages m ON m.id = (SELECT MAX(id) FROM messages WHERE contact_id = c.id)
		WHERE ? = '%%' OR lower(c.name) LIKE ? ESCAPE '\' OR c.phone LIKE ? ESCAPE '\' OR c.wa_id LIKE ? ESCAPE '\'
		ORDER BY COALESCE(m.created_at, 0) DESC, c.id DESC
		LIMIT ?`, pattern, pattern, digits, digits, limit)
	if err != nil {
		return nil, fmt.Errorf("store: list conversations: %w", err)
	}
	defer rows.Close()
	var out []Conversation
	for rows.Next() {
		var cv Conversation
		var d contactDest
		m := &cv.Last
		if err := rows.Scan(append(d.dest(), &m.ID, &m.Direction, &m.Type, &m.Text, &m.Status, &m.Error, &m.Source)...); err != nil {
			return nil, fmt.Errorf("store: list conversations: %w", err)
		}
		cv.Contact = d.contact()
		m.ContactID, m.CreatedAt = cv.Contact.ID, cv.Contact.LastMessageAt
		out = append(out, cv)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list conversations: %w", err)
	}
	return out, nil
}

// MarkRead marks every message of a contact as seen (its unread count is
// then 0).
func (db *DB) MarkRead(ctx context.Context, contactID int64) error {
	res, err := db.W.ExecContext(ctx, `UPDATE contacts SET read_through =
		(SELECT COALESCE(MAX(id), 0) FROM messages WHERE contact_id = ?) WHERE id = ?`, contactID, contactID)
	if err != nil {
		return fmt.Errorf("store: mark contact %d read: %w", contactID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: contact %d: %w", contactID, ErrNotFound)
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
