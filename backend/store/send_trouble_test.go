package store_test

import (
	"context"
	"testing"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

// The summary of waiting replies names the failure of the reply retried
// next, its attempt count and time, and forgets it once it went out.
func TestSendTroubleSumsUpWaitingReplies(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	if got, err := db.SendTrouble(ctx); err != nil || got != (store.SendTrouble{}) {
		t.Fatalf("nothing waiting: %+v, %v", got, err)
	}
	now := time.Now()
	ana := storetest.Contact(t, db, "111", "Ana").ID
	bo := storetest.Contact(t, db, "222", "Bo").ID
	first := queueReply(t, db, ana, "one", now)
	queueReply(t, db, ana, "two", now)
	late := queueReply(t, db, bo, "three", now)
	soon, later := now.Add(time.Minute), now.Add(time.Hour)
	for range 3 {
		if err := db.RetryOutbound(ctx, first.ID, soon, "Could not reach WhatsApp: connection refused"); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.RetryOutbound(ctx, late.ID, later, "Service temporarily unavailable"); err != nil {
		t.Fatal(err)
	}
	got, err := db.SendTrouble(ctx)
	want := store.SendTrouble{Waiting: 3, Retrying: 2, Reason: "Could not reach WhatsApp: connection refused", Attempts: 3,
		NextAttemptAt: time.UnixMilli(soon.UnixMilli())}
	if err != nil || got != want {
		t.Fatalf("summary = %+v, %v; want %+v", got, err, want)
	}
	if _, err := markSent(t, db, first.ID, "wamid.sent1", now); err != nil {
		t.Fatal(err)
	}
	got, _ = db.SendTrouble(ctx)
	if got.Waiting != 2 || got.Retrying != 1 || got.Reason != "Service temporarily unavailable" || got.Attempts != 1 {
		t.Fatalf("after the first went out: %+v", got)
	}
}
