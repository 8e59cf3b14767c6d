package store_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

func queueReply(t *testing.T, db *store.DB, contactID int64, text string, after time.Time) store.Message {
	return queueReplyAt(t, db, contactID, text, after, time.Now())
}

func queueReplyAt(t *testing.T, db *store.DB, contactID int64, text string, after, created time.Time) store.Message {
	t.Helper()
	ctx := context.Background()
	var m store.Message
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		m, err = store.InsertMessageTx(ctx, tx, store.Message{ContactID: contactID, Direction: store.DirectionOut,
			Type: "text", Text: text, Payload: `{"kind":"text","text":"` + text + `"}`, Status: store.MessageQueued,
			Source: store.SourceBot, NextAttemptAt: after, CreatedAt: created})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestOutboundHeadOfLinePerContact(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	now := time.Now()
	a, _ := queueMessage(t, db, "111", "wamid.in.a", now)
	b, _ := queueMessage(t, db, "222", "wamid.in.b", now)
	a1 := queueReply(t, db, a.ContactID, "a1", now)
	a2 := queueReply(t, db, a.ContactID, "a2", now)
	b1 := queueReply(t, db, b.ContactID, "b1", now.Add(5*time.Second)) // a delay node

	due, err := db.DueOutbound(ctx, now, now, 10)
	if err != nil || len(due) != 1 || due[0].ID != a1.ID {
		t.Fatalf("due now = %+v, %v; want only a1", due, err)
	}
	if at, ok, _ := db.NextOutboundTime(ctx, now); !ok || at.After(now) {
		t.Fatalf("next outbound time = %v, %v", at, ok)
	}
	if pending, err := db.PendingOutbound(ctx); err != nil || pending[a.ContactID] != 2 || pending[b.ContactID] != 1 {
		t.Fatalf("pending = %v, %v", pending, err)
	}
	// A row being sent is nobody else's to take, and holds its contact.
	if err := db.ClaimSends(ctx, []int64{a1.ID}, now); err != nil {
		t.Fatal(err)
	}
	if due, _ := db.DueOutbound(ctx, now.Add(6*time.Second), now, 10); len(due) != 1 || due[0].ID != b1.ID {
		t.Fatalf("due with a1 being sent = %+v; want only b1", due)
	}
	// a1 fails for a while: a2 waits behind it, b1 goes when its delay ends.
	if err := db.RetryOutbound(ctx, a1.ID, now.Add(10*time.Second), "HTTP 500"); err != nil {
		t.Fatal(err)
	}
	due, _ = db.DueOutbound(ctx, now.Add(6*time.Second), now, 10)
	if len(due) != 1 || due[0].ID != b1.ID {
		t.Fatalf("due at +6s = %+v; want only b1", due)
	}
	due, _ = db.DueOutbound(ctx, now.Add(11*time.Second), now, 10)
	if len(due) != 2 || due[0].ID != b1.ID || due[1].ID != a1.ID || due[1].Attempts != 1 || due[1].Error != "HTTP 500" ||
		due[1].Status != store.MessageQueued {
		t.Fatalf("due at +11s = %+v", due)
	}
	m, err := markSent(t, db, a1.ID, "wamid.out.a1", now)
	if err != nil || m.Status != store.MessageSent || m.WaMessageID != "wamid.out.a1" || m.Error != "" {
		t.Fatalf("sent: %+v, %v", m, err)
	}
	due, _ = db.DueOutbound(ctx, now.Add(11*time.Second), now, 10)
	if len(due) != 2 || due[0].ID != a2.ID || due[1].ID != b1.ID {
		t.Fatalf("after a1 was sent: %+v; want a2 (due longest) then b1", due)
	}
	m, err = db.FailOutbound(ctx, due[0].ID, "(#131047) Re-engagement message", now)
	if err != nil || m.Status != store.MessageFailed || m.Error != "(#131047) Re-engagement message" {
		t.Fatalf("failed: %+v, %v", m, err)
	}
	counts, err := db.OutboxCounts(ctx)
	if err != nil || counts[store.OutboxSent] != 1 || counts[store.OutboxFailed] != 1 || counts[store.OutboxPending] != 1 {
		t.Fatalf("counts = %v, %v", counts, err)
	}
	c, _ := db.Contact(ctx, a.ContactID)
	if !c.LastMessageAt.Equal(time.UnixMilli(a2.CreatedAt.UnixMilli())) {
		t.Fatalf("last activity %v, want the newest reply's %v", c.LastMessageAt, a2.CreatedAt)
	}
}

// A send round is one statement to claim and one to record, whatever its
// size, and a Meta id already on another row is left off instead of
// failing the round.
func TestSendRoundsAreOneStatementEach(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	now := time.Now()
	var ids []int64
	for _, wa := range []string{"1", "2", "3", "4"} {
		in, _ := queueMessage(t, db, wa, "wamid.in."+wa, now)
		ids = append(ids, queueReply(t, db, in.ContactID, "r"+wa, now).ID)
	}
	before := db.Stats()
	if err := db.ClaimSends(ctx, ids, now); err != nil {
		t.Fatal(err)
	}
	if due, _ := db.DueOutbound(ctx, now, now, 10); len(due) != 0 {
		t.Fatalf("claimed rows are due: %+v", due)
	}
	sent := []store.Sent{{ID: ids[0], WaMessageID: "wamid.o1", At: now}, {ID: ids[1], WaMessageID: "wamid.o2", At: now},
		{ID: ids[2], WaMessageID: "", At: now}}
	ms, err := db.MarkSentBatch(ctx, sent)
	if err != nil || len(ms) != 3 {
		t.Fatalf("marked %+v, %v", ms, err)
	}
	if got := db.Stats().Sub(before); got.Statements > 4 { // a claim, a record, the backlog seen empty once
		t.Errorf("claim and record of 3 took %d statements", got.Statements)
	}
	for _, m := range ms {
		if m.Status != store.MessageSent || m.SendingAt != (time.Time{}) {
			t.Errorf("after the round: %+v", m)
		}
	}
	// Meta answers a retry with the id of an earlier attempt.
	if _, err := markSent(t, db, ids[3], "wamid.o1", now); err != nil {
		t.Fatal(err)
	}
	if m := storetest.Message(t, db, ids[3]); m.Status != store.MessageSent || m.WaMessageID != "" {
		t.Fatalf("a row with a taken Meta id = %+v", m)
	}
	if err := db.ClearSends(ctx, ids); err != nil {
		t.Fatal(err)
	}
}

func TestStatusesMoveForwardAndWaitForUnknownIDs(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	now := time.Now()
	in, _ := queueMessage(t, db, "111", "wamid.in", now)
	item := queueReply(t, db, in.ContactID, "hello", now)
	apply := func(wamid, status, errText string) bool {
		var changed bool
		err := db.Tx(ctx, func(tx *sql.Tx) error {
			var err error
			_, changed, err = db.ApplyStatusTx(ctx, tx, wamid, status, errText, now)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return changed
	}
	// Meta's "delivered" outruns the Graph API's answer: it waits in the backlog.
	if changed := apply("wamid.out", store.MessageDelivered, ""); changed {
		t.Fatal("a status for an unknown id changed something")
	}
	m, err := markSent(t, db, item.ID, "wamid.out", now)
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
		changed := apply("wamid.out", s.status, "")
		if m := storetest.MessageByWaID(t, db, "wamid.out"); changed != s.changed || m.Status != s.want {
			t.Errorf("apply %s: changed %v status %s; want %v %s", s.status, changed, m.Status, s.changed, s.want)
		}
	}
	// A failure reported by a status webhook keeps Meta's reason.
	item2 := queueReply(t, db, in.ContactID, "second", now)
	if _, err := markSent(t, db, item2.ID, "wamid.out2", now); err != nil {
		t.Fatal(err)
	}
	var changed bool
	err = db.Tx(ctx, func(tx *sql.Tx) error {
		m, changed, err = db.ApplyStatusTx(ctx, tx, "wamid.out2", store.MessageFailed, "Re-engagement message (code 131047)", now)
		return err
	})
	if err != nil || !changed || m.Status != store.MessageFailed || m.Error != "Re-engagement message (code 131047)" {
		t.Fatalf("failed status: %+v %v %v", m, changed, err)
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
	if err := db.ClaimSends(ctx, []int64{a.ID}, now); err != nil {
		t.Fatal(err)
	}
	restarted := now.Add(time.Millisecond)
	n, err := db.ParkInterruptedSends(ctx, now.Add(30*time.Second))
	if err != nil || n != 1 {
		t.Fatalf("parked %d, %v; want 1", n, err)
	}
	if due, _ := db.DueOutbound(ctx, now.Add(time.Second), restarted, 10); len(due) != 0 {
		t.Fatalf("a parked row (or one behind it) is due: %+v", due)
	}
	if due, _ := db.DueOutbound(ctx, now.Add(31*time.Second), restarted, 10); len(due) != 1 || due[0].ID != a.ID {
		t.Fatalf("after the grace: %+v; want a, sent again", due)
	}
	// Meta's status names the row: it is settled as sent, never resent.
	settle := func(id int64, wamid string) (store.Message, bool) {
		var m store.Message
		var ok bool
		err := db.Tx(ctx, func(tx *sql.Tx) error {
			var err error
			m, ok, err = db.SettleSentTx(ctx, tx, id, wamid, now)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return m, ok
	}
	if m, ok := settle(a.ID, "wamid.out.a"); !ok || m.Status != store.MessageSent || m.WaMessageID != "wamid.out.a" {
		t.Fatalf("settle = %+v, %v", m, ok)
	}
	due, _ := db.DueOutbound(ctx, now.Add(time.Second), restarted, 10)
	if len(due) != 1 || due[0].ID != b.ID {
		t.Fatalf("after settling a: %+v; want b", due)
	}
	// Settling again, or an unknown row, changes nothing.
	for _, id := range []int64{a.ID, 999} {
		if _, ok := settle(id, "wamid.x"); ok {
			t.Errorf("settle %d succeeded", id)
		}
	}
	// The late answer of the interrupted attempt does not undo a later status.
	err = db.Tx(ctx, func(tx *sql.Tx) error {
		_, _, err := db.ApplyStatusTx(ctx, tx, "wamid.out.a", store.MessageRead, "", now)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if m, err := markSent(t, db, a.ID, "wamid.out.a", now); err != nil || m.Status != store.MessageRead {
		t.Fatalf("late markSent: %+v, %v", m, err)
	}
}

// markSent records one accepted send the way the sender does.
func markSent(t *testing.T, db *store.DB, id int64, waMessageID string, at time.Time) (store.Message, error) {
	t.Helper()
	ms, err := db.MarkSentBatch(context.Background(), []store.Sent{{ID: id, WaMessageID: waMessageID, At: at}})
	if err != nil {
		return store.Message{}, err
	}
	return ms[0], nil
}

// Meta's statuses can outrun the sender's own record of a send: a status
// naming the row settles it, a failure follows, and the late record keeps
// the failure and its reason.
func TestALateSendRecordKeepsAFailureReported(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	now := time.Now()
	in, _ := queueMessage(t, db, "111", "wamid.in", now)
	r := queueReply(t, db, in.ContactID, "hello", now)
	if err := db.ClaimSends(ctx, []int64{r.ID}, now); err != nil {
		t.Fatal(err)
	}
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		if _, _, err := db.SettleSentTx(ctx, tx, r.ID, "wamid.r", now); err != nil {
			return err
		}
		_, _, err := db.ApplyStatusTx(ctx, tx, "wamid.r", store.MessageFailed, "Re-engagement message (code 131047)", now)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	m, err := markSent(t, db, r.ID, "wamid.r", now)
	if err != nil || m.Status != store.MessageFailed || m.Error != "Re-engagement message (code 131047)" {
		t.Fatalf("after the late record: %+v, %v", m, err)
	}
}
