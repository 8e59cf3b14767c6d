package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

// BenchmarkOutboxClaim measures the poller's bookkeeping for one reply: find
// the due head of a conversation, mark the attempt, and record it sent (the
// Graph API call itself is left out). A reply a turn hands to the senders
// directly skips the first two. Replies are spread over 200 contacts as in
// the load test, and all are queued up front, so the due query walks a
// large backlog.
func BenchmarkOutboxClaim(b *testing.B) {
	db := storetest.NewDB(b)
	ctx := context.Background()
	const contacts = 200
	ids := make([]int64, contacts)
	for i := range ids {
		ids[i] = storetest.Contact(b, db, fmt.Sprintf("5511%07d", i), "").ID
	}
	past := time.Now().Add(-time.Second)
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		for i := range b.N {
			_, err := store.InsertMessageTx(ctx, tx, store.Message{ContactID: ids[i%contacts], Direction: store.DirectionOut,
				Type: "text", Text: "reply", Payload: `{"kind":"text","to":"5511","text":"reply"}`,
				Status: store.MessageQueued, Source: store.SourceBot, CreatedAt: past})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	started := time.Now()
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		due, err := db.DueOutbound(ctx, time.Now(), started, 1)
		if err != nil || len(due) != 1 {
			b.Fatalf("due = %v, %v at %d", due, err, i)
		}
		if err := db.ClaimSends(ctx, []int64{due[0].ID}, time.Now()); err != nil {
			b.Fatal(err)
		}
		sent := []store.Sent{{ID: due[0].ID, WaMessageID: fmt.Sprintf("wamid.out.%d", i), At: time.Now()}}
		if _, err := db.MarkSentBatch(ctx, sent); err != nil {
			b.Fatal(err)
		}
	}
}
