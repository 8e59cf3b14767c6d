package store_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

func TestSessions(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	c := storetest.Contact(t, db, "15550001", "Ana")
	load := func() ([]byte, error) { return store.SessionTx(ctx, db.R, c.ID) }
	save := func(contactID int64, state string) error {
		return db.Tx(ctx, func(tx *sql.Tx) error { return store.SaveSessionTx(ctx, tx, contactID, []byte(state)) })
	}
	if s, err := load(); !errors.Is(err, store.ErrNotFound) || s != nil {
		t.Fatalf("no session yet: %q %v", s, err)
	}
	if err := save(c.ID, `{"nodeId":"ask"}`); err != nil {
		t.Fatal(err)
	}
	if err := save(c.ID, `{"paused":true}`); err != nil {
		t.Fatal(err)
	}
	if got, err := load(); err != nil || string(got) != `{"paused":true}` {
		t.Fatalf("session %q %v, want the last one saved", got, err)
	}
	if err := save(999, `{}`); err == nil {
		t.Fatal("a session needs an existing contact")
	}
	if err := db.Tx(ctx, func(tx *sql.Tx) error { return store.DeleteSessionTx(ctx, tx, c.ID) }); err != nil {
		t.Fatal(err)
	}
	if _, err := load(); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("after delete: %v", err)
	}
	save(c.ID, `{}`)
	if _, err := db.W.ExecContext(ctx, `DELETE FROM contacts WHERE id = ?`, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := load(); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("deleting the contact deletes its session: %v", err)
	}
}
