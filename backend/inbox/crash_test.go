package inbox_test

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"chatflow/backend/engine"
	"chatflow/backend/inbox"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
	"chatflow/backend/whatsapp"
	"chatflow/backend/whatsapp/whatsapptest"
)

// dyingSender sends through the real client, then behaves like a process
// killed before it could record the answer: it never returns a result.
type dyingSender struct {
	mu       sync.Mutex
	callback string
}

func (d *dyingSender) Send(ctx context.Context, cfg whatsapp.Config, m whatsapp.Outgoing) (string, error) {
	if _, err := (whatsapp.Client{HTTP: &http.Client{Timeout: 5 * time.Second}}).Send(context.Background(), cfg, m); err != nil {
		return "", err
	}
	d.mu.Lock()
	d.callback = m.Callback
	d.mu.Unlock()
	<-ctx.Done()
	return "", ctx.Err()
}

func TestASendInterruptedByACrashIsNotRepeated(t *testing.T) {
	tests := []struct {
		name       string
		statusCame bool
		wantSends  int
		wantStatus string
	}{
		{"Meta's status names the message: settled, not resent", true, 1, store.MessageDelivered},
		{"no status within the grace period: sent again", false, 2, store.MessageSent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dying := &dyingSender{}
			reply := echo(engine.Reply{Type: "text", Text: "only once"})
			h := newHarness(t, func(o *inbox.Options) { o.Engine, o.Sender = reply, dying })
			h.post(whatsapptest.Body(whatsapptest.Inbound{From: "501", ID: "wamid.crash", Text: "x"}))
			waitFor(t, "the send to reach the Graph API", func() bool { return len(h.graph.Accepted()) == 1 })
			h.stop() // the "crash": the answer was never recorded

			grace := 300 * time.Millisecond
			h.start(reply, func(o *inbox.Options) {
				o.Runtime = func(context.Context) (inbox.Runtime, error) {
					return inbox.Runtime{Graph: h.graph.Config(), RatePerSecond: 1000, ResendGrace: grace}, nil
				}
			})
			if tt.statusCame {
				dying.mu.Lock()
				cb := dying.callback
				dying.mu.Unlock()
				id := h.graph.Accepted()[0].ID
				n, err := whatsapp.Parse(statusWithCallback(id, cb))
				if err != nil {
					t.Fatal(err)
				}
				if _, err := h.svc.Accept(context.Background(), n); err != nil {
					t.Fatal(err)
				}
			}
			time.Sleep(3 * grace)
			waitFor(t, "the reply to settle", func() bool {
				out := storetest.Outgoing(t, h.db, "501")
				return len(out) == 1 && out[0].Status != store.MessageQueued
			})
			if got := len(h.graph.Accepted()); got != tt.wantSends {
				t.Fatalf("the Graph API accepted %d copies, want %d", got, tt.wantSends)
			}
			if m := storetest.Outgoing(t, h.db, "501")[0]; m.Status != tt.wantStatus {
				t.Fatalf("message status %s, want %s", m.Status, tt.wantStatus)
			}
		})
	}
}

// statusWithCallback is Meta's "delivered" webhook for a message sent with
// biz_opaque_callback_data.
func statusWithCallback(wamid, callback string) []byte {
	return []byte(`{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
		"messaging_product":"whatsapp","statuses":[{"id":"` + wamid + `","status":"delivered","timestamp":"` +
		strconv.FormatInt(time.Now().Unix(), 10) + `","recipient_id":"501","biz_opaque_callback_data":"` + callback + `"}]}}]}]}`)
}
