package store_test

import (
	"context"
	"testing"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

func TestConversationsAndMessages(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	now := time.Now()
	ana, _ := queueMessage(t, db, "5511999990001", "wamid.ana", now.Add(-time.Hour))
	bo, _ := queueMessage(t, db, "4477000", "wamid.bo", now)
	storetest.Contact(t, db, "4477000", "Bo Li")
	queueReplyAt(t, db, ana.ContactID, "reply to ana", now.Add(-time.Hour), now.Add(-time.Hour))

	tests := []struct {
		search string
		want   []int64
	}{
		{"", []int64{bo.ContactID, ana.ContactID}},
		{"bo l", []int64{bo.ContactID}},
		{"BO", []int64{bo.ContactID}},
		{"+55 11 9999", []int64{ana.ContactID}},
		{"4477", []int64{bo.ContactID}},
		{"nobody", nil},
		{"%", nil},
	}
	for _, tt := range tests {
		got, err := db.Conversations(ctx, tt.search, 50)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, c := range got {
			ids = append(ids, c.Contact.ID)
		}
		if len(ids) != len(tt.want) || (len(ids) > 0 && ids[0] != tt.want[0]) {
			t.Errorf("search %q = %v, want %v", tt.search, ids, tt.want)
		}
	}
	all, _ := db.Conversations(ctx, "", 50)
	last := all[1].Last
	if last.Text != "reply to ana" || last.Direction != store.DirectionOut || last.Status != store.MessageQueued {
		t.Errorf("last message of ana = %+v", last)
	}
	if all[0].Contact.Unread != 1 {
		t.Errorf("unread of bo = %d", all[0].Contact.Unread)
	}
	if err := db.MarkRead(ctx, bo.ContactID); err != nil {
		t.Fatal(err)
	}
	if c, _ := db.Contact(ctx, bo.ContactID); c.Unread != 0 {
		t.Errorf("unread after MarkRead = %d", c.Unread)
	}
	if err := db.MarkRead(ctx, 9999); err == nil {
		t.Error("MarkRead of a missing contact succeeded")
	}

	msgs, err := db.Messages(ctx, ana.ContactID, 0, 10)
	if err != nil || len(msgs) != 2 || msgs[0].Direction != store.DirectionIn || msgs[1].Direction != store.DirectionOut {
		t.Fatalf("messages of ana = %+v, %v", msgs, err)
	}
	older, _ := db.Messages(ctx, ana.ContactID, msgs[1].ID, 10)
	if len(older) != 1 || older[0].ID != msgs[0].ID {
		t.Fatalf("messages before %d = %+v", msgs[1].ID, older)
	}
	if one := msgs[0]; one.WaMessageID != "wamid.ana" || one.Source != store.SourceCustomer {
		t.Fatalf("message = %+v", one)
	}
}
