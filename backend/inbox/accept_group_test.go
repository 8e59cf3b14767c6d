package inbox_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"chatflow/backend/whatsapp"
	"chatflow/backend/whatsapp/whatsapptest"
)

// TestConcurrentAcceptsAreEachCommittedOnce posts many webhook bodies at
// once (every message twice, as Meta's redeliveries can race the first
// delivery): group commit stores each message once, tells each caller its
// own outcome, and every customer is answered once.
func TestConcurrentAcceptsAreEachCommittedOnce(t *testing.T) {
	h := newHarness(t)
	const contacts = 24
	var queued, dups atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, 2*contacts)
	for i := range 2 * contacts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := i % contacts
			body := whatsapptest.Body(whatsapptest.Inbound{From: fmt.Sprint(1000 + c), Name: "C", ID: fmt.Sprintf("wamid.g%d", c), Text: "hi"})
			n, err := whatsapp.Parse(body)
			if err != nil {
				errs <- err
				return
			}
			res, err := h.svc.Accept(context.Background(), n)
			if err != nil {
				errs <- err
				return
			}
			if res.Queued+res.Duplicates != 1 {
				errs <- fmt.Errorf("body %d: %+v; want one message, queued or duplicate", i, res)
			}
			queued.Add(int64(res.Queued))
			dups.Add(int64(res.Duplicates))
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if queued.Load() != contacts || dups.Load() != contacts {
		t.Fatalf("queued %d, duplicates %d; want %d each", queued.Load(), dups.Load(), contacts)
	}
	for c := range contacts {
		h.received(fmt.Sprint(1000+c), 1)
	}
}
