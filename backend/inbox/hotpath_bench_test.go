package inbox_test

import (
	"context"
	"fmt"
	"testing"

	"chatflow/backend/inbox"
	"chatflow/backend/store/storetest"
	"chatflow/backend/whatsapp"
	"chatflow/backend/whatsapp/whatsapptest"
)

// BenchmarkAccept measures the durable insert the webhook waits for before it
// answers 200: one customer message (contact, conversation row, queue row,
// window) committed in one transaction. The workers are not started, so the
// figure is the insert alone. Messages come from 200 contacts.
func BenchmarkAccept(b *testing.B) {
	db := storetest.NewDB(b)
	svc := inbox.New(db, inbox.Options{Runtime: func(context.Context) (inbox.Runtime, error) { return inbox.Runtime{}, nil }})
	ctx := context.Background()
	notes := make([]whatsapp.Notification, b.N)
	for i := range notes {
		body := whatsapptest.Body(whatsapptest.Inbound{From: fmt.Sprintf("5511%07d", i%200), Name: "Customer",
			ID: fmt.Sprintf("wamid.bench.%d", i), Text: "where is my order A1042?"})
		n, err := whatsapp.Parse(body)
		if err != nil {
			b.Fatal(err)
		}
		notes[i] = n
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		res, err := svc.Accept(ctx, notes[i])
		if err != nil || res.Queued != 1 {
			b.Fatalf("accept: %+v, %v", res, err)
		}
	}
}
