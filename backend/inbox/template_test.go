package inbox_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"chatflow/backend/inbox"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
	"chatflow/backend/watemplates"
	"chatflow/backend/whatsapp"
	"chatflow/backend/whatsapp/whatsapptest"
)

// syncTemplates stores the fake's templates as a sync would.
func (h *harness) syncTemplates(entries ...string) {
	h.t.Helper()
	h.graph.SetTemplates(entries...)
	if _, err := watemplates.New(h.db).Sync(context.Background(), whatsapp.Client{}, h.graph.Config(), time.Now()); err != nil {
		h.t.Fatal(err)
	}
}

// hookToInbox makes the fake Graph API post its status webhooks to the
// inbox, as Meta does through the webhook listener.
func (h *harness) hookToInbox() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		n, err := whatsapp.Parse(body)
		if err == nil {
			_, err = h.svc.Accept(r.Context(), n)
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	}))
	h.t.Cleanup(srv.Close)
	h.graph.Hook(srv.URL, "secret")
}

func (h *harness) conversation(waID string) []store.Message {
	h.t.Helper()
	c, ok := storetest.ContactByWaID(h.t, h.db, waID)
	if !ok {
		return nil
	}
	msgs, err := h.db.Messages(context.Background(), c.ID, 0, 50)
	if err != nil {
		h.t.Fatal(err)
	}
	return msgs
}

const shippedTemplate = `{"name":"order_shipped","language":"en_US","status":"APPROVED","category":"UTILITY",
	"components":[{"type":"BODY","text":"Hi {{1}}, order {{2}} has shipped."},
	{"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Track it"}]}]}`

func TestOutsideTheWindowOnlyATemplateGoesOut(t *testing.T) {
	h := newHarness(t)
	h.stale = 48 * time.Hour // old messages still run the flow, so the bot answers outside the window
	h.syncTemplates(shippedTemplate, `{"name":"paused_one","language":"en_US","status":"PAUSED","components":[{"type":"BODY","text":"x"}]}`)
	ctx := context.Background()
	const ana = "5511999990001"

	// Ana wrote 25 hours ago: the bot's answer would leave after her window
	// closed, so it is recorded failed with Meta's code and the hint, and
	// never sent.
	h.post(whatsapptest.Body(whatsapptest.Inbound{From: ana, Name: "Ana", ID: "wamid.old", Text: "hi", At: time.Now().Add(-25 * time.Hour)}))
	waitFor(t, "the bot's refused answer", func() bool { return len(h.conversation(ana)) == 2 })
	reply := h.conversation(ana)[1]
	if reply.Status != store.MessageFailed || !strings.Contains(reply.Error, "(code 131047)") || !strings.HasSuffix(reply.Error, whatsapp.ReEngagementHint) {
		t.Fatalf("bot reply outside the window: %s %q", reply.Status, reply.Error)
	}
	c, _ := storetest.ContactByWaID(t, h.db, ana)
	if _, err := h.svc.SendManual(ctx, c.ID, "hello?"); !errors.Is(err, inbox.ErrWindowClosed) {
		t.Fatalf("manual text outside the window: %v", err)
	}

	// A template goes out, with its values.
	v, err := h.svc.SendTemplate(ctx, c.ID, "order_shipped", "en_US", []string{"Ana", "A1001"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if v.Type != "template" || v.Text != "Hi Ana, order A1001 has shipped." || v.Source != store.SourceAgent || !strings.Contains(v.Details, `"buttons":["Track it"]`) {
		t.Fatalf("template view = %+v", v)
	}
	got := h.received(ana, 1)
	if got[0].Type != "template" || got[0].Template != "order_shipped" || got[0].Language != "en_US" ||
		strings.Join(got[0].Params, "|") != "Ana|A1001" || strings.Join(got[0].Options, "|") != "Track it" {
		t.Fatalf("template sent = %+v", got[0])
	}
	if len(h.graph.All()) != 1 {
		t.Fatalf("the refused bot answer reached the Graph API: %v", h.graph.All())
	}

	for _, tt := range []struct {
		name, lang string
		values     []string
		want       string
	}{
		{"order_shipped", "pt_BR", []string{"a", "b"}, inbox.ErrTemplateNotSynced.Error()},
		{"paused_one", "en_US", nil, "The template paused_one (en_US) is paused, and WhatsApp only sends approved templates."},
		{"order_shipped", "en_US", []string{"a"}, "The template order_shipped takes 2 values, not 1."},
		{"order_shipped", "en_US", []string{"a", "  "}, "Body {{2}} of the template order_shipped has no value."},
	} {
		if _, err := h.svc.SendTemplate(ctx, c.ID, tt.name, tt.lang, tt.values, ""); err == nil || err.Error() != tt.want {
			t.Errorf("SendTemplate(%s, %s, %q) = %v, want %q", tt.name, tt.lang, tt.values, err, tt.want)
		}
	}
}

// TestMetasReEngagementRefusalIsShown covers what the product cannot see:
// its record says the window is open, but Meta refuses the message with a
// failed status carrying 131047 (the fake does what Meta does).
func TestMetasReEngagementRefusalIsShown(t *testing.T) {
	h := newHarness(t)
	h.hookToInbox()
	const ana = "5511999990001"
	h.graph.CloseWindow(ana)
	h.post(whatsapptest.Body(whatsapptest.Inbound{From: ana, Name: "Ana", ID: "wamid.1", Text: "hi"}))
	waitFor(t, "the failed status", func() bool {
		msgs := h.conversation(ana)
		return len(msgs) == 2 && msgs[1].Status == store.MessageFailed
	})
	reply := h.conversation(ana)[1]
	if !strings.HasPrefix(reply.Error, "Re-engagement message: Message failed to send because more than 24 hours") ||
		!strings.HasSuffix(reply.Error, "(code 131047). "+whatsapp.ReEngagementHint) {
		t.Fatalf("reason shown = %q", reply.Error)
	}
	if len(h.graph.AcceptedTo(ana)) != 0 {
		t.Fatal("the fake counted a message outside the window as received")
	}
}
