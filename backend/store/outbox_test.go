package store_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

func queueReply(t *testing.T, db *store.DB, contactID int64, text string, after time.Time) store.OutboxItem {
	return queueReplyAt(t, db, contactID, text, after, time.Now())
}

func queueReplyAt(t *testing.T, db *store.DB, contactID int64, text string, after, created time.Time) store.OutboxItem {
	t.Helper()
	ctx := context.Background()
	var item store.OutboxItem
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		m, err := store.InsertMessageTx(ctx, tx, store.Message{ContactID: contactID, Direction: store.DirectionOut,
			Type: "text", Text: text, Status: store.MessageQueued, Source: store.SourceBot, CreatedAt: created})
		if err != nil {
			return err
		}
		item, err = store.InsertOutboxTx(ctx, tx, store.OutboxItem{MessageID: m.ID, ContactID: contactID,
			Payload: `{"kind":"text","text":"` + text + `"}`, SendAfter: after})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return item
}

func TestOutboxHeadOfLinePerContact(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	now := time.Now()
	a, _ := queueMessage(t, db, "111", "wamid.in.a", now)
	b, _ := queueMessage(t, db, "222", "wamid.in.b", now)
	a1 := queueReply(t, db, a.ContactID, "a1", now)
	a2 := queueReply(t, db, a.ContactID, "a2", now)
	b1 := queueReply(t, db, b.ContactID, "b1", now.Add(5*time.Second)) // a delay node

	due, err := db.DueOutbox(ctx, now, 10)
	if err != nil || len(due) != 1 || due[0].ID != a1.ID {
		t.Fatalf("due now = %+v, %v; want only a1", due, err)
	}
	if at, ok, _ := db.NextOutboxTime(ctx); !ok || at.After(now) {
		t.Fatalf("next outbox time = %v, %v", at, ok)
	}
	// a1 fails for a while: a2 waits behind it, b1 goes when its delay ends.
	if err := db.RetryOutbox(ctx, a1.ID, now.Add(10*time.Second), "HTTP 500"); err != nil {
		t.Fatal(err)
	}
	due, _ = db.DueOutbox(ctx, now.Add(6*time.Second), 10)
	if len(due) != 1 || due[0].ID != b1.ID {
		t.Fatalf("due at +6s = %+v; want only b1", due)
	}
	due, _ = db.DueOutbox(ctx, now.Add(11*time.Second), 10)
	if len(due) != 2 || due[0].ID != b1.ID || due[1].ID != a1.ID || due[1].Attempts != 1 || due[1].LastError != "HTTP 500" {
		t.Fatalf("due at +11s = %+v", due)
	}
	m, err := markSent(t, db, due[1], "wamid.out.a1", now)
	if err != nil || m.Status != store.MessageSent || m.WaMessageID != "wamid.out.a1" {
		t.Fatalf("sent: %+v, %v", m, err)
	}
	due, _ = db.DueOutbox(ctx, now.Add(11*time.Second), 10)
	if len(due) != 2 || due[0].ID != a2.ID || due[1].ID != b1.ID {
		t.Fatalf("after a1 was sent: %+v; want a2 (due longest) then b1", due)
	}
	m, err = db.FailOutbox(ctx, due[0], "(#131047) Re-engagement message", now)
	if err != nil || m.Status != store.MessageFailed || m.Error != "(#131047) Re-engagement message" {
		t.Fatalf("failed: %+v, %v", m, err)
	}
	counts, err := db.OutboxCounts(ctx)
	if err != nil || counts[store.OutboxSent] != 1 || counts[store.OutboxFailed] != 1 || counts[store.OutboxPending] != 1 {
		t.Fatalf("counts = %v, %v", counts, err)
	}
}

func TestStatusesMoveForwardAndWaitForUnknownIDs(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	now := time.Now()
	in, _ := queueMessage(t, db, "111", "wamid.in", now)
	item := queueReply(t, db, in.ContactID, "hello", now)
	apply := func(wamid, status, errText string) (store.Message, bool) {
		var m store.Message
		var changed bool
		err := db.Tx(ctx, func(tx *sql.Tx) error {
			var err error
			m, changed, err = store.ApplyStatusTx(ctx, tx, wamid, status, errText, now)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return m, changed
	}
	// Meta's "delivered" outruns the Graph API's answer: it waits in the backlog.
	if _, changed := apply("wamid.out", store.MessageDelivered, ""); changed {
		t.Fatal("a status for an unknown id changed something")
	}
	m, err := markSent(t, db, item, "wamid.out", now)
	if err != nil || m.Status != store.MessageDelivered {
		t.Fatalf("after the answer was recorded: %+v, %v; want delivered from the backlog", m, err)
	}
	steps := []struct {
		status  string
		changed bool
		want    string
	}{
		{store.MessageSent, false, store.MessageDelivered},
		{store.MessageRead, true, store.MessageRead},
		{store.MessageDelivered, false, store.MessageRead},
		{store.MessageFailed, false, store.MessageRead},
		{"bogus", false, store.MessageRead},
	}
	for _, s := range steps {
		m, changed := apply("wamid.out", s.status, "")
		if changed != s.changed || m.Status != s.want {
			t.Errorf("apply %s: changed %v status %s; want %v %s", s.status, changed, m.Status, s.changed, s.want)
		}
	}
	// A failure reported by a status webhook keeps Meta's reason.
	item2 := queueReply(t, db, in.ContactID, "second", now)
	if _, err := markSent(t, db, item2, "wamid.out2", now); err != nil {
		t.Fatal(err)
	}
	m, changed := apply("wamid.out2", store.MessageFailed, "Re-engagement message (code 131047)")
	if !changed || m.Status != store.MessageFailed || m.Error != "Re-engagement message (code 131047)" {
		t.Fatalf("failed status: %+v %v", m, changed)
	}
}

func TestInterruptedSendsWaitForTheirStatus(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	now := time.Now()
	in, _ := queueMessage(t, db, "111", "wamid.in", now)
	a := queueReply(t, db, in.ContactID, "a", now)
	b := queueReply(t, db, in.ContactID, "b", now)
	// The process dies while sending a: the mark stays.
	if err := db.BeginSends(ctx, []int64{a.ID}, now); err != nil {
		t.Fatal(err)
	}
	n, err := db.ParkInterruptedSends(ctx, now.Add(30*time.Second))
	if err != nil || n != 1 {
		t.Fatalf("parked %d, %v; want 1", n, err)
	}
	if due, _ := db.DueOutbox(ctx, now.Add(time.Second), 10); len(due) != 0 {
		t.Fatalf("a parked row (or one behind it) is due: %+v", due)
	}
	// Meta's status names the row: it is settled as sent, never resent.
	var settled bool
	err = db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		settled, err = store.SettleOutboxTx(ctx, tx, a.ID, "wamid.out.a", now)
		return err
	})
	if err != nil || !settled {
		t.Fatalf("settle = %v, %v", settled, err)
	}
	due, _ := db.DueOutbox(ctx, now.Add(time.Second), 10)
	if len(due) != 1 || due[0].ID != b.ID {
		t.Fatalf("after settling a: %+v; want b", due)
	}
	m := storetest.Message(t, db, a.MessageID)
	if m.Status != store.MessageSent || m.WaMessageID != "wamid.out.a" {
		t.Fatalf("settled message = %+v", m)
	}
	// Settling again, or an unknown row, changes nothing.
	err = db.Tx(ctx, func(tx *sql.Tx) error {
		for _, id := range []int64{a.ID, 999} {
			if ok, err := store.SettleOutboxTx(ctx, tx, id, "wamid.x", now); ok || err != nil {
				t.Errorf("settle %d = %v, %v", id, ok, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The late answer of the interrupted attempt does not undo a later status.
	err = db.Tx(ctx, func(tx *sql.Tx) error {
		_, _, err := store.ApplyStatusTx(ctx, tx, "wamid.out.a", store.MessageRead, "", now)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if m, err = markSent(t, db, a, "wamid.out.a", now); err != nil || m.Status != store.MessageRead {
		t.Fatalf("late markSent: %+v, %v", m, err)
	}
}

// markSent records one accepted send the way a send round does.
func markSent(t *testing.T, db *store.DB, item store.OutboxItem, waMessageID string, at time.Time) (store.Message, error) {
	t.Helper()
	ms, err := db.MarkOutboxSentBatch(context.Background(), []store.SentOutbox{{Item: item, WaMessageID: waMessageID, At: at}})
	if err != nil {
		return store.Message{}, err
	}
	return ms[0], nil
}
