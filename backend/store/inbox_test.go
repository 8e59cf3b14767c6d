package store_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"chatflow/backend/attribute"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

// queueMessage stores one customer message the way the webhook does.
func queueMessage(t *testing.T, db *store.DB, waID, wamid string, sent time.Time) (store.Message, bool) {
	t.Helper()
	ctx := context.Background()
	var in store.Message
	var fresh bool
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		c, err := db.ResolveContactTx(ctx, tx, waID, "", "Ana")
		if err != nil {
			return err
		}
		in, fresh, err = store.QueueInboundTx(ctx, tx, store.Message{ContactID: c.ID, WaMessageID: wamid, Type: "text",
			Text: "hi", Source: store.SourceCustomer, Kind: store.KindMessage, Input: `{"text":"hi"}`, CreatedAt: sent})
		return err
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
	before := db.Stats()
	_, dup := queueMessage(t, db, "111", "wamid.a1", now)
	if got := db.Stats().Sub(before).Statements; got != 1 {
		t.Errorf("a redelivery from a known contact took %d statements, want 1", got)
	}
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
	if err != nil || c.Unread != 2 || !c.WindowExpiresAt.Equal(time.UnixMilli(now.Add(24*time.Hour).UnixMilli())) ||
		!c.LastMessageAt.Equal(time.UnixMilli(now.UnixMilli())) {
		t.Fatalf("contact after two messages: %+v, %v", c, err)
	}

	w, err := db.DueWork(ctx, a1.ContactID, now, 10)
	if err != nil || len(w.Items) != 2 || w.Items[0].ID != a1.ID || w.Items[1].ID != a2.ID || w.Items[0].Input != `{"text":"hi"}` {
		t.Fatalf("due = %+v, %v; want both messages of the contact, in order", w.Items, err)
	}
	if w.Contact.ID != a1.ContactID || w.Contact.Name != "Ana" || w.Session != nil || len(w.Attributes) != 0 || w.DefinitionsVersion != storetest.DefinitionsVersion(t, db) ||
		!w.Contact.WindowExpiresAt.Equal(c.WindowExpiresAt) {
		t.Fatalf("work of a new contact = %+v", w)
	}
	if w, _ := db.DueWork(ctx, a1.ContactID, now, 1); len(w.Items) != 1 || w.Items[0].ID != a1.ID {
		t.Fatalf("due with limit 1 = %+v; want the first message", w.Items)
	}
	// A retry scheduled in the future holds the whole conversation back.
	if err := db.RetryInbound(ctx, a1.ID, now.Add(time.Minute), "flows unreadable"); err != nil {
		t.Fatal(err)
	}
	if w, _ := db.DueWork(ctx, a1.ContactID, now, 10); len(w.Items) != 0 {
		t.Fatalf("a message behind a pending retry was offered: %+v", w.Items)
	}
	if at, ok, _ := db.NextInboundRetry(ctx); !ok || at.Before(now) {
		t.Fatalf("next retry = %v, %v", at, ok)
	}
	w, _ = db.DueWork(ctx, a1.ContactID, now.Add(2*time.Minute), 10)
	if len(w.Items) != 2 || w.Items[0].ID != a1.ID || w.Items[0].Attempts != 1 || w.Items[0].Error != "flows unreadable" {
		t.Fatalf("after the retry time: %+v", w.Items)
	}
	if err := db.Tx(ctx, func(tx *sql.Tx) error { return store.FinishInboundTx(ctx, tx, a1.ID, store.InboundDone, "", now) }); err != nil {
		t.Fatal(err)
	}
	err = db.Tx(ctx, func(tx *sql.Tx) error { return store.FinishInboundTx(ctx, tx, a1.ID, store.InboundDone, "", now) })
	if !errors.Is(err, store.ErrConflict) {
		t.Fatalf("finishing twice: %v, want ErrConflict", err)
	}
	w, _ = db.DueWork(ctx, a1.ContactID, now, 10)
	if len(w.Items) != 1 || w.Items[0].ID != a2.ID {
		t.Fatalf("after the first is done: %+v; want the second", w.Items)
	}
	if m := storetest.Message(t, db, a1.ID); m.Status != store.InboundDone || m.Text != "hi" {
		t.Fatalf("the finished row = %+v", m)
	}
}

// A turn's work carries the contact's session, attribute values and the
// definitions version, read in one statement.
func TestDueWorkCarriesWhatTheTurnNeeds(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	in, _ := queueMessage(t, db, "333", "wamid.w", time.Now())
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		if err := store.SaveSessionTx(ctx, tx, in.ContactID, []byte(`{"nodeId":"ask"}`)); err != nil {
			return err
		}
		return store.SetContactAttributesTx(ctx, tx, in.ContactID, attribute.Values{"order_id": "A1", "vip": "true"})
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.CreateAttribute(ctx, attribute.Definition{Name: "order_id", Type: attribute.Text}); err != nil {
		t.Fatal(err)
	}
	before := db.Stats()
	w, err := db.DueWork(ctx, in.ContactID, time.Now(), 16)
	if err != nil || len(w.Items) != 1 || string(w.Session) != `{"nodeId":"ask"}` ||
		w.Attributes["order_id"] != "A1" || w.Attributes["vip"] != "true" || w.DefinitionsVersion < 1 {
		t.Fatalf("work = %+v, %v", w, err)
	}
	if n := db.Stats().Sub(before).Statements; n != 1 {
		t.Errorf("DueWork took %d statements, want 1", n)
	}
	// The live reads of a turn use the version it carries: no statement.
	vctx := store.WithDefinitionsVersion(ctx, w.DefinitionsVersion)
	if _, err := db.LiveAttributes(vctx); err != nil {
		t.Fatal(err)
	}
	before = db.Stats()
	if defs, err := db.LiveAttributes(vctx); err != nil || len(defs) != 1 {
		t.Fatalf("live attributes = %v, %v", defs, err)
	}
	if n := db.Stats().Sub(before).Statements; n != 0 {
		t.Errorf("a cached live read with the turn's version took %d statements", n)
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
			c, err = db.ResolveContactTx(ctx, tx, tt.waID, tt.userID, "Name")
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
	err := db.Tx(ctx, func(tx *sql.Tx) error { _, err := db.ResolveContactTx(ctx, tx, "", "", ""); return err })
	if err == nil {
		t.Fatal("a contact without any id was accepted")
	}
}
