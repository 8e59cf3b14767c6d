package store_test

import (
	"context"
	"testing"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

// TestOutboxSendRoundGroupCommit covers a send round written as two
// transactions: the marks of every row, then the sent rows together. A row
// marked but never attempted is cleared, and a row left marked (the process
// died before the round was recorded) is parked at startup.
func TestOutboxSendRoundGroupCommit(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	now := time.Now()
	a, _ := queueMessage(t, db, "111", "wamid.in.a", now)
	b, _ := queueMessage(t, db, "222", "wamid.in.b", now)
	c, _ := queueMessage(t, db, "333", "wamid.in.c", now)
	a1 := queueReply(t, db, a.ContactID, "a1", now)
	a2 := queueReply(t, db, a.ContactID, "a2", now)
	b1 := queueReply(t, db, b.ContactID, "b1", now)
	c1 := queueReply(t, db, c.ContactID, "c1", now)

	due, err := db.DueOutbox(ctx, now, 10)
	if err != nil || len(due) != 3 {
		t.Fatalf("due = %+v, %v; want the heads a1, b1, c1", due, err)
	}
	if err := db.BeginSends(ctx, []int64{a1.ID, b1.ID, c1.ID}, now); err != nil {
		t.Fatal(err)
	}
	// c1 was never attempted (shutdown): its mark goes.
	if err := db.ClearSends(ctx, []int64{c1.ID}); err != nil {
		t.Fatal(err)
	}
	ms, err := db.MarkOutboxSentBatch(ctx, []store.SentOutbox{
		{Item: a1, WaMessageID: "wamid.out.a1", At: now},
		{Item: b1, WaMessageID: "wamid.out.b1", At: now},
	})
	if err != nil || len(ms) != 2 {
		t.Fatalf("batch = %+v, %v", ms, err)
	}
	for i, want := range []string{"wamid.out.a1", "wamid.out.b1"} {
		if ms[i].Status != store.MessageSent || ms[i].WaMessageID != want {
			t.Errorf("message %d = %+v; want sent as %s", i, ms[i], want)
		}
	}
	if n, err := db.ParkInterruptedSends(ctx, now.Add(time.Minute)); err != nil || n != 0 {
		t.Fatalf("parked %d, %v; want none (every mark cleared)", n, err)
	}
	due, _ = db.DueOutbox(ctx, now, 10)
	if len(due) != 2 || due[0].ID != a2.ID || due[1].ID != c1.ID {
		t.Fatalf("due after the round = %+v; want a2, c1", due)
	}

	// A round marked and never recorded: both rows are parked at startup.
	if err := db.BeginSends(ctx, []int64{a2.ID, c1.ID}, now); err != nil {
		t.Fatal(err)
	}
	if n, err := db.ParkInterruptedSends(ctx, now.Add(time.Minute)); err != nil || n != 2 {
		t.Fatalf("parked %d, %v; want 2", n, err)
	}
	if ms, err := db.MarkOutboxSentBatch(ctx, nil); err != nil || ms != nil {
		t.Fatalf("empty batch = %+v, %v", ms, err)
	}
}
