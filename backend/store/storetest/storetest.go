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
		c, err = store.ResolveContactTx(context.Background(), tx, waID, "", name)
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

// Message reads one conversation message by id (the zero Message when
// there is none).
func Message(tb testing.TB, db *store.DB, id int64) store.Message {
	tb.Helper()
	var m store.Message
	var created, updated int64
	err := db.R.QueryRow(`SELECT id, contact_id, direction, wa_message_id, type, text, payload, status, error, source,
		created_at, updated_at FROM messages WHERE id = ?`, id).Scan(&m.ID, &m.ContactID, &m.Direction, &m.WaMessageID,
		&m.Type, &m.Text, &m.Payload, &m.Status, &m.Error, &m.Source, &created, &updated)
	if err == sql.ErrNoRows {
		return store.Message{}
	}
	if err != nil {
		tb.Fatalf("load message %d: %v", id, err)
	}
	m.CreatedAt, m.UpdatedAt = time.UnixMilli(created), time.UnixMilli(updated)
	return m
}

// OutboxItem reads one row of the outgoing queue by id (the zero item when
// there is none).
func OutboxItem(tb testing.TB, db *store.DB, id int64) store.OutboxItem {
	tb.Helper()
	var it store.OutboxItem
	var after, next, created, sent int64
	err := db.R.QueryRow(`SELECT id, message_id, contact_id, payload, send_after, next_attempt_at, attempts, state,
		last_error, created_at, sent_at FROM outbox WHERE id = ?`, id).Scan(&it.ID, &it.MessageID, &it.ContactID,
		&it.Payload, &after, &next, &it.Attempts, &it.State, &it.LastError, &created, &sent)
	if err == sql.ErrNoRows {
		return store.OutboxItem{}
	}
	if err != nil {
		tb.Fatalf("load outgoing message %d: %v", id, err)
	}
	it.SendAfter, it.NextAttemptAt, it.CreatedAt = time.UnixMilli(after), time.UnixMilli(next), time.UnixMilli(created)
	it.SentAt = orZero(sent)
	return it
}

// Inbound reads one row of the inbound queue by id (the zero row when there
// is none).
func Inbound(tb testing.TB, db *store.DB, id int64) store.Inbound {
	tb.Helper()
	var in store.Inbound
	var sent, received, next, processed int64
	err := db.R.QueryRow(`SELECT id, wa_message_id, contact_id, message_id, payload, sent_at, received_at, state,
		attempts, next_attempt_at, error, processed_at FROM inbox WHERE id = ?`, id).Scan(&in.ID, &in.WaMessageID,
		&in.ContactID, &in.MessageID, &in.Payload, &sent, &received, &in.State, &in.Attempts, &next, &in.Error, &processed)
	if err == sql.ErrNoRows {
		return store.Inbound{}
	}
	if err != nil {
		tb.Fatalf("load queued message %d: %v", id, err)
	}
	in.SentAt, in.ReceivedAt, in.NextAttemptAt, in.ProcessedAt = orZero(sent), orZero(received), orZero(next), orZero(processed)
	return in
}

func orZero(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms)
}
