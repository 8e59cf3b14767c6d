package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"chatflow/backend/attribute"
)

// The inbound queue is the incoming rows of messages that still have status
// "received": the webhook stores a customer message once (its WhatsApp id
// is unique, so a redelivery stores nothing), and the row moves to a final
// status when the worker is done with it. Rows of one contact are worked in
// id order. Kind says what a row asks of the worker, so another kind of
// work for a contact (a notification, say) joins the same queue and runs in
// order with the contact's messages.

// Kinds of incoming rows.
const (
	// KindMessage is a customer message: the worker runs the flow on it.
	KindMessage = "message"
)

// Final statuses of an incoming row (it waits as MessageReceived).
const (
	InboundDone    = "done"    // the flow ran
	InboundStale   = "stale"   // too old when its turn came
	InboundSkipped = "skipped" // not for the bot: paused, a reaction...
	InboundFailed  = "failed"  // given up after errors
)

// ResolveContactTx finds or creates the contact a webhook speaks of. Meta
// keys users by wa_id (the phone number) but may send only the
// business-scoped user id; a known user id finds its contact even when the
// number is missing, and a contact first seen without a number is stored
// under its user id. A contact seen before with the same name and ids is
// answered from memory, without a statement. The contact's own fields are
// filled; Unread, LastMessageAt and WindowExpiresAt are not.
func (db *DB) ResolveContactTx(ctx context.Context, q Execer, waID, userID, name string) (Contact, error) {
	if waID == "" && userID == "" {
		return Contact{}, fmt.Errorf("store: save contact: a WhatsApp id or user id is required")
	}
	if c, ok := db.contacts.get(waID, userID, name); ok {
		return c, nil
	}
	c, err := resolveContactTx(ctx, q, waID, userID, name)
	if err == nil {
		db.contacts.put(c)
	}
	return c, err
}

func resolveContactTx(ctx context.Context, q Execer, waID, userID, name string) (Contact, error) {
	if waID == "" {
		c, err := scanContact(q.QueryRowContext(ctx, `SELECT `+contactBaseColumns+` FROM contacts c
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

// QueueInboundTx stores one incoming row (its Kind, Input and the
// conversation fields; the status is "received") unless a row with the same
// WhatsApp id exists: Meta redelivers webhooks it thinks were lost, and each
// must run once. It reports false, and stores nothing, for a redelivery. One
// statement.
func QueueInboundTx(ctx context.Context, q Execer, m Message) (Message, bool, error) {
	m.Direction, m.Status = DirectionIn, MessageReceived
	m = messageDefaults(m)
	err := q.QueryRowContext(ctx, `INSERT INTO messages(contact_id, direction, wa_message_id, type, text, payload, status,
			error, source, kind, input, attempts, next_attempt_at, sending_at, created_at, updated_at)
		VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
		m.ContactID, m.Direction, m.WaMessageID, m.Type, m.Text, m.Payload, m.Status, m.Error, m.Source,
		m.Kind, m.Input, m.CreatedAt.UnixMilli(), m.UpdatedAt.UnixMilli()).Scan(&m.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return Message{}, false, nil
	}
	if err != nil {
		return Message{}, false, fmt.Errorf("store: queue message %s: %w", m.WaMessageID, err)
	}
	m.NextAttemptAt = time.Time{}
	return m, true, nil
}

// Work is what a contact's turn needs, read in one statement: the contact,
// its stored session and attribute values, the definitions version the
// turn's reads of the live definitions use (WithDefinitionsVersion), and the
// contact's due incoming rows, oldest first.
type Work struct {
	// Contact has its own fields and WindowExpiresAt (not Unread or
	// LastMessageAt).
	Contact Contact
	// Session is the stored session (opaque JSON), nil when there is none.
	Session            []byte
	Attributes         attribute.Values
	DefinitionsVersion int64
	Items              []Message
}

// DueWork reads up to limit of a contact's incoming rows, oldest first,
// stopping at the first that waits for a retry after now (later ones wait
// behind it, so the conversation keeps its order), together with what their
// turn needs. No items means nothing is due.
func (db *DB) DueWork(ctx context.Context, contactID int64, now time.Time, limit int) (Work, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT `+qualified("m", messageColumns)+`, `+contactWorkColumns+`, s.state,
			(SELECT json_group_object(name, value) FROM contact_attributes WHERE contact_id = m.contact_id),
			(SELECT version FROM definitions_version WHERE id = 1)
		FROM messages m JOIN contacts c ON c.id = m.contact_id LEFT JOIN sessions s ON s.contact_id = m.contact_id
		WHERE m.contact_id = ? AND m.direction = 'in' AND m.status = 'received' ORDER BY m.id LIMIT ?`, contactID, limit)
	if err != nil {
		return Work{}, fmt.Errorf("store: due messages of contact %d: %w", contactID, err)
	}
	defer rows.Close()
	var w Work
	for rows.Next() {
		var (
			md      messageDest
			cd      contactDest
			session []byte
			attrs   *string
			version int64
		)
		if err := rows.Scan(append(append(md.dest(), cd.workDest()...), &session, &attrs, &version)...); err != nil {
			return Work{}, fmt.Errorf("store: due messages of contact %d: %w", contactID, err)
		}
		m := md.message()
		if m.NextAttemptAt.After(now) {
			break
		}
		if len(w.Items) == 0 {
			w.Contact, w.Session, w.DefinitionsVersion = cd.contact(), session, version
			w.Attributes = attribute.Values{}
			if attrs != nil {
				if err := json.Unmarshal([]byte(*attrs), &w.Attributes); err != nil {
					return Work{}, fmt.Errorf("store: attributes of contact %d: %w", contactID, err)
				}
			}
		}
		w.Items = append(w.Items, m)
	}
	if err := rows.Err(); err != nil {
		return Work{}, fmt.Errorf("store: due messages of contact %d: %w", contactID, err)
	}
	return w, nil
}

// FinishInboundTx gives an incoming row its final status (InboundDone,
// ...) and reason. It fails with ErrConflict when the row is not waiting.
func FinishInboundTx(ctx context.Context, q Execer, id int64, status, reason string, at time.Time) error {
	res, err := q.ExecContext(ctx, `UPDATE messages SET status = ?, error = ?, attempts = attempts + 1, updated_at = ?
		WHERE id = ? AND direction = 'in' AND status = 'received'`, status, reason, at.UnixMilli(), id)
	if err != nil {
		return fmt.Errorf("store: finish message %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: message %d is not waiting: %w", id, ErrConflict)
	}
	return nil
}

// RetryInbound keeps an incoming row waiting after a failed attempt, to be
// tried again at next, with the reason of the failure.
func (db *DB) RetryInbound(ctx context.Context, id int64, next time.Time, reason string) error {
	_, err := db.W.ExecContext(ctx, `UPDATE messages SET attempts = attempts + 1, next_attempt_at = ?, error = ?
		WHERE id = ? AND direction = 'in' AND status = 'received'`, next.UnixMilli(), reason, id)
	if err != nil {
		return fmt.Errorf("store: retry message %d: %w", id, err)
	}
	return nil
}

// PendingInboundContacts returns the contacts with an incoming row due now,
// in the order their oldest waiting row arrived.
func (db *DB) PendingInboundContacts(ctx context.Context, now time.Time) ([]int64, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT contact_id FROM messages WHERE direction = 'in' AND status = 'received'
		GROUP BY contact_id HAVING MIN(next_attempt_at) <= ? ORDER BY MIN(id)`, now.UnixMilli())
	if err != nil {
		return nil, fmt.Errorf("store: list waiting messages: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: list waiting messages: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// NextInboundRetry returns the earliest retry time of a waiting incoming
// row, and false when none waits for one.
func (db *DB) NextInboundRetry(ctx context.Context) (time.Time, bool, error) {
	return db.earliest(ctx, "next retry", `SELECT MIN(next_attempt_at) FROM messages
		WHERE direction = 'in' AND status = 'received' AND next_attempt_at > 0`)
}

// earliest runs a query whose one column is a MIN() over stored Unix
// milliseconds, and reports false when it found no row to take it over.
func (db *DB) earliest(ctx context.Context, what, query string, args ...any) (time.Time, bool, error) {
	var at *int64
	if err := db.R.QueryRowContext(ctx, query, args...).Scan(&at); err != nil {
		return time.Time{}, false, fmt.Errorf("store: %s: %w", what, err)
	}
	if at == nil {
		return time.Time{}, false, nil
	}
	return time.UnixMilli(*at), true, nil
}

// qualified prefixes each of a column list's names with table alias t.
func qualified(t, columns string) string {
	var b strings.Builder
	for i, c := range strings.Split(columns, ",") {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(t + "." + strings.TrimSpace(c))
	}
	return b.String()
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
