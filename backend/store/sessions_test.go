package store_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"chatflow/backend/engine"
	"chatflow/backend/store"
)

func TestSessions(t *testing.T) {
	db := store.NewTestDB(t)
	ctx := context.Background()
	c, err := db.UpsertContact(ctx, store.Contact{WaID: "15550001", Name: "Ana"})
	if err != nil {
		t.Fatal(err)
	}
	if s, err := db.Session(ctx, c.ID); !errors.Is(err, store.ErrNotFound) || s.ContactID != c.ID {
		t.Fatalf("no session yet: %+v %v", s, err)
	}
	want := engine.Session{ContactID: c.ID, FlowID: 3, FlowVersion: 7, NodeID: "ask", RetriesLeft: 2,
		Attributes: map[string]string{"order_id": "A1", "contact.name": "Ana"}, LastActivity: time.UnixMilli(1767000000000).UTC()}
	if err := db.SaveSession(ctx, want); err != nil {
		t.Fatal(err)
	}
	want.NodeID, want.Paused = "", true
	if err := db.SaveSession(ctx, want); err != nil {
		t.Fatal(err)
	}
	got, err := db.Session(ctx, c.ID)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("session %+v %v, want %+v", got, err, want)
	}
	if err := db.SaveSession(ctx, engine.Session{ContactID: 999}); err == nil {
		t.Fatal("a session needs an existing contact")
	}
	if err := db.DeleteSession(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Session(ctx, c.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("after delete: %v", err)
	}
	db.SaveSession(ctx, want)
	if _, err := db.W.ExecContext(ctx, `DELETE FROM contacts WHERE id = ?`, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Session(ctx, c.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("deleting the contact deletes its session: %v", err)
	}
}
