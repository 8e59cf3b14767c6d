// Package storetest gives tests of any package a fresh database and short
// ways to create and read its rows. It lives apart from store so that the
// product binary never links the testing package.
package storetest

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"chatflow/backend/store"
)

// NewDB opens a fresh, fully migrated database in a temporary folder and
// closes it when the test ends.
func NewDB(tb testing.TB) *store.DB {
	tb.Helper()
	db, err := store.Open(context.Background(), filepath.Join(tb.TempDir(), "chatflow.db"))
	if err != nil {
		tb.Fatalf("open test database: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// Contact creates the contact with WhatsApp id waID (its phone number too),
// or refreshes its name, the way a webhook does, and returns it.
func Contact(tb testing.TB, db *store.DB, waID, name string) store.Contact {
	tb.Helper()
	var c store.Contact
	err := db.Tx(context.Background(), func(tx *sql.Tx) error {
		var err error
		c, err = db.ResolveContactTx(context.Background(), tx, waID, "", name)
		return err
	})
	if err != nil {
		tb.Fatalf("create contact %s: %v", waID, err)
	}
	return c
}

// ContactByWaID reads the contact with WhatsApp id waID; ok is false when
// there is none.
func ContactByWaID(tb testing.TB, db *store.DB, waID string) (c store.Contact, ok bool) {
	tb.Helper()
	var id int64
	err := db.R.QueryRow(`SELECT id FROM contacts WHERE wa_id = ?`, waID).Scan(&id)
	if err == sql.ErrNoRows {
		return store.Contact{}, false
	}
	if err != nil {
		tb.Fatalf("find contact %s: %v", waID, err)
	}
	c, err = db.Contact(context.Background(), id)
	if err != nil {
		tb.Fatalf("load contact %s: %v", waID, err)
	}
	return c, true
}

// Message reads one message by id (the zero Message when there is none).
func Message(tb testing.TB, db *store.DB, id int64) store.Message {
	tb.Helper()
	return first(tb, db, `id = ?`, id)
}

// MessageByWaID reads the message Meta knows as waMessageID (the zero
// Message when there is none).
func MessageByWaID(tb testing.TB, db *store.DB, waMessageID string) store.Message {
	tb.Helper()
	return first(tb, db, `wa_message_id = ?`, waMessageID)
}

// Outgoing reads every outgoing message of the contact with WhatsApp id
// waID, oldest first.
func Outgoing(tb testing.TB, db *store.DB, waID string) []store.Message {
	tb.Helper()
	return all(tb, db, `direction = 'out' AND contact_id = (SELECT id FROM contacts WHERE wa_id = ?)`, waID)
}

func first(tb testing.TB, db *store.DB, where string, args ...any) store.Message {
	tb.Helper()
	if list := all(tb, db, where, args...); len(list) > 0 {
		return list[0]
	}
	return store.Message{}
}

func all(tb testing.TB, db *store.DB, where string, args ...any) []store.Message {
	tb.Helper()
	rows, err := db.R.Query(`SELECT id, contact_id, direction, wa_message_id, type, text, payload, status, error, source,
		kind, input, attempts, next_attempt_at, sending_at, created_at, updated_at FROM messages WHERE `+where+` ORDER BY id`, args...)
	if err != nil {
		tb.Fatalf("load messages: %v", err)
	}
	defer rows.Close()
	var out []store.Message
	for rows.Next() {
		var m store.Message
		var next, sending, created, updated int64
		if err := rows.Scan(&m.ID, &m.ContactID, &m.Direction, &m.WaMessageID, &m.Type, &m.Text, &m.Payload, &m.Status,
			&m.Error, &m.Source, &m.Kind, &m.Input, &m.Attempts, &next, &sending, &created, &updated); err != nil {
			tb.Fatalf("load messages: %v", err)
		}
		m.NextAttemptAt, m.SendingAt = orZero(next), orZero(sending)
		m.CreatedAt, m.UpdatedAt = time.UnixMilli(created), time.UnixMilli(updated)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		tb.Fatalf("load messages: %v", err)
	}
	return out
}

func orZero(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms)
}

// DefinitionsVersion reads the stored version of the definitions (it counts
// every change of a flow, API or attribute, migrations included).
func DefinitionsVersion(tb testing.TB, db *store.DB) int64 {
	tb.Helper()
	var v int64
	if err := db.R.QueryRow(`SELECT version FROM definitions_version WHERE id = 1`).Scan(&v); err != nil {
		tb.Fatalf("read the definitions version: %v", err)
	}
	return v
}
