package store_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

// queueMessage stores one customer message the way the webhook does.
func queueMessage(t *testing.T, db *store.DB, waID, wamid string, sent time.Time) (store.Inbound, bool) {
	t.Helper()
	ctx := context.Background()
	var in store.Inbound
	var fresh bool
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		c, err := store.ResolveContactTx(ctx, tx, waID, "", "Ana")
		if err != nil {
			return err
		}
		seen, err := store.InboundSeenTx(ctx, tx, wamid)
		if err != nil || seen {
			return err
		}
		m, err := store.InsertMessageTx(ctx, tx, store.Message{ContactID: c.ID, Direction: store.DirectionIn, WaMessageID: wamid,
			Type: "text", Text: "hi", Status: store.MessageReceived, Source: store.SourceCustomer, CreatedAt: sent})
		if err != nil {
			return err
		}
		in, fresh, err = store.InsertInboundTx(ctx, tx, store.Inbound{WaMessageID: wamid, ContactID: c.ID, MessageID: m.ID,
			Payload: `{}`, SentAt: sent})
		if err != nil {
			return err
		}
		return store.NoteInboundTx(ctx, tx, c.ID, sent, 24*time.Hour)
	})
	if err != nil {
		t.Fatal(err)
	}
	return in, fresh
}

func TestInboundQueueOrderAndDedupe(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	now := time.Now()
	a1, ok1 := queueMessage(t, db, "111", "wamid.a1", now)
	_, dup := queueMessage(t, db, "111", "wamid.a1", now)
	b1, _ := queueMessage(t, db, "222", "wamid.b1", now)
	a2, _ := queueMessage(t, db, "111", "wamid.a2", now)
	if !ok1 || dup {
		t.Fatalf("first insert %v, duplicate insert %v; want true, false", ok1, dup)
	}
	contacts, err := db.PendingInboundContacts(ctx, now)
	if err != nil || len(contacts) != 2 || contacts[0] != a1.ContactID || contacts[1] != b1.ContactID {
		t.Fatalf("pending contacts = %v, %v", contacts, err)
	}
	c, err := db.Contact(ctx, a1.ContactID)
	if err != nil || c.Unread != 2 || !c.WindowExpiresAt.Equal(time.UnixMilli(now.Add(24*time.Hour).UnixMilli())) {
		t.Fatalf("contact after two messages: %+v, %v", c, err)
	}

	due, err := db.DueInbound(ctx, a1.ContactID, now, 10)
	if err != nil || len(due) != 2 || due[0].ID != a1.ID || due[1].ID != a2.ID {
		t.Fatalf("due = %+v, %v; want both messages of the contact, in order", due, err)
	}
	if due, _ := db.DueInbound(ctx, a1.ContactID, now, 1); len(due) != 1 || due[0].ID != a1.ID {
		t.Fatalf("due with limit 1 = %+v; want the first message", due)
	}
	// A retry scheduled in the future holds the whole conversation back.
	if err := db.RetryInbound(ctx, a1.ID, now.Add(time.Minute), "flows unreadable"); err != nil {
		t.Fatal(err)
	}
	if due, _ := db.DueInbound(ctx, a1.ContactID, now, 10); len(due) != 0 {
		t.Fatalf("a message behind a pending retry was offered: %+v", due)
	}
	if at, ok, _ := db.NextInboundRetry(ctx); !ok || at.Before(now) {
		t.Fatalf("next retry = %v, %v", at, ok)
	}
	due, _ = db.DueInbound(ctx, a1.ContactID, now.Add(2*time.Minute), 10)
	if len(due) != 2 || due[0].ID != a1.ID || due[0].Attempts != 1 || due[0].Error != "flows unreadable" {
		t.Fatalf("after the retry time: %+v", due)
	}
	if err := db.Tx(ctx, func(tx *sql.Tx) error { return store.FinishInboundTx(ctx, tx, a1.ID, store.InboundDone, "", now) }); err != nil {
		t.Fatal(err)
	}
	err = db.Tx(ctx, func(tx *sql.Tx) error { return store.FinishInboundTx(ctx, tx, a1.ID, store.InboundDone, "", now) })
	if !errors.Is(err, store.ErrConflict) {
		t.Fatalf("finishing twice: %v, want ErrConflict", err)
	}
	due, _ = db.DueInbound(ctx, a1.ContactID, now, 10)
	if len(due) != 1 || due[0].ID != a2.ID {
		t.Fatalf("after the first is done: %+v; want the second", due)
	}
}

func TestResolveContact(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	tests := []struct {
		name         string
		waID, userID string
		wantWaID     string
		sameAs       int // index of an earlier step that must be the same contact, -1 for new
	}{
		{"by number", "5511", "", "5511", -1},
		{"number with user id", "5511", "BR.1", "5511", 0},
		{"user id alone finds the number", "", "BR.1", "5511", 0},
		{"unknown user id alone", "", "US.9", "US.9", -1},
		{"same user id again", "", "US.9", "US.9", 3},
	}
	var ids []int64
	for _, tt := range tests {
		var c store.Contact
		err := db.Tx(ctx, func(tx *sql.Tx) error {
			var err error
			c, err = store.ResolveContactTx(ctx, tx, tt.waID, tt.userID, "Name")
			return err
		})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if c.WaID != tt.wantWaID {
			t.Errorf("%s: wa_id %q, want %q", tt.name, c.WaID, tt.wantWaID)
		}
		if tt.sameAs >= 0 && c.ID != ids[tt.sameAs] {
			t.Errorf("%s: contact %d, want %d", tt.name, c.ID, ids[tt.sameAs])
		}
		ids = append(ids, c.ID)
	}
	err := db.Tx(ctx, func(tx *sql.Tx) error { _, err := store.ResolveContactTx(ctx, tx, "", "", ""); return err })
	if err == nil {
		t.Fatal("a contact without any id was accepted")
	}
}
