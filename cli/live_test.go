package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"chatflow/app"
	"chatflow/backend/apperr"
	"chatflow/backend/flow"
	"chatflow/backend/inbox"
	"chatflow/backend/store"
	"chatflow/backend/whatsapp"
	"chatflow/backend/whatsapp/whatsapptest"
)

// liveApp is the whole process wiring (startCore) over a fresh database,
// with WhatsApp settings from the environment pointing at a fake Graph API,
// a published flow and a running inbox.
type liveApp struct {
	core   *core
	app    *app.App
	graph  *whatsapptest.Graph
	events *recordedEvents
}

func newLiveApp(t *testing.T) *liveApp {
	t.Helper()
	graph := whatsapptest.NewGraph()
	t.Cleanup(graph.Close)
	vars := map[string]string{"WHATSAPP_GRAPH_URL": graph.URL, "WHATSAPP_TOKEN": whatsapptest.Token,
		"WHATSAPP_PHONE_NUMBER_ID": whatsapptest.PhoneNumberID, "WHATSAPP_APP_SECRET": "s3cret", "WHATSAPP_VERIFY_TOKEN": "v"}
	env := testEnv(io.Discard, io.Discard)
	env.Getenv = func(k string) string { return vars[k] }
	ctx := context.Background()
	c, err := startCore(ctx, env, filepath.Join(t.TempDir(), "live.db"), "browser")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.close)
	ev := &recordedEvents{}
	c.events.Attach(ev)
	f, err := c.db.CreateFlow(ctx, flow.Flow{Name: "Desk", Nodes: []flow.Node{
		{ID: "s", Type: flow.TypeStart},
		{ID: "m", Type: flow.TypeButtons, Data: flow.NodeData{Text: "Hello! Pick one.", Buttons: []flow.Option{{ID: "human", Title: "A person"}, {ID: "bye", Title: "Nothing"}}}},
		{ID: "h", Type: flow.TypeHandoff, Data: flow.NodeData{Text: "Someone will write soon."}},
		{ID: "e", Type: flow.TypeEnd, Data: flow.NodeData{Text: "Bye!"}},
	}, Edges: []flow.Edge{{ID: "1", Source: "s", Target: "m"}, {ID: "2", Source: "m", SourceHandle: "human", Target: "h"},
		{ID: "3", Source: "m", SourceHandle: "bye", Target: "e"}}}, store.FlowCheck{Valid: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.db.PublishFlow(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	return &liveApp{core: c, app: c.app, graph: graph, events: ev}
}

// recordedEvents is an events sink that remembers event names.
type recordedEvents struct {
	mu    sync.Mutex
	names []string
}

func (r *recordedEvents) Emit(name string, _ any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.names = append(r.names, name)
}

func (r *recordedEvents) count(name string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, x := range r.names {
		if x == name {
			n++
		}
	}
	return n
}

// post sends a signed webhook body through the real handler.
func (l *liveApp) post(t *testing.T, body []byte) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/webhook/whatsapp", bytes.NewReader(body))
	req.Header.Set(whatsapp.SignatureHeader, whatsapp.Sign(body, "s3cret"))
	rec := httptest.NewRecorder()
	l.core.live.webhook.Receive(rec, req)
	if rec.Code != 200 {
		t.Fatalf("webhook answered %d", rec.Code)
	}
}

func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestConversationsService(t *testing.T) {
	l := newLiveApp(t)
	c := l.app.Conversations
	l.post(t, whatsapptest.Body(whatsapptest.Inbound{From: "5511999990001", Name: "Ana Souza", ID: "wamid.a1", Text: "oi"}))
	l.post(t, whatsapptest.Body(whatsapptest.Inbound{From: "4477000111", Name: "Bo", ID: "wamid.b1", Text: "hello", At: time.Now().Add(-30 * time.Hour)}))
	eventually(t, "the greeting", func() bool { return len(l.graph.AcceptedTo("5511999990001")) == 1 })

	list, err := c.List("")
	if err != nil || len(list) != 2 {
		t.Fatalf("List = %+v, %v", list, err)
	}
	ana := list[0]
	if ana.Name != "Ana Souza" || ana.Unread != 1 || !ana.WindowOpen || ana.Last.Direction != "out" || ana.Last.Text != "Hello! Pick one." {
		t.Fatalf("first row = %+v", ana)
	}
	if list[1].WindowOpen {
		t.Fatalf("a 30-hour-old conversation shows an open window: %+v", list[1])
	}
	for search, want := range map[string]int{"souza": 1, "5511": 1, "+44 77": 1, "zzz": 0} {
		if got, _ := c.List(search); len(got) != want {
			t.Errorf("search %q found %d, want %d", search, len(got), want)
		}
	}

	eventually(t, "the greeting to be sent", func() bool {
		msgs, _ := c.Messages(ana.ID, 0)
		return len(msgs) == 2 && msgs[1].Status == store.MessageSent
	})
	msgs, _ := c.Messages(ana.ID, 0)
	if msgs[0].Direction != "in" || msgs[0].Text != "oi" || msgs[1].Source != "bot" || msgs[1].WaMessageID == "" {
		t.Fatalf("messages = %+v", msgs)
	}

	// A person replies by hand; outside the window it is refused.
	v, err := c.Reply(ana.ID, "Hi Ana, this is Carla.")
	if err != nil || v.Source != "agent" {
		t.Fatalf("Reply = %+v, %v", v, err)
	}
	eventually(t, "the manual reply", func() bool { return len(l.graph.AcceptedTo("5511999990001")) == 2 })
	if _, err := c.Reply(list[1].ID, "Hi Bo"); err == nil || !strings.Contains(err.Error(), "24 hours") || apperr.ErrorCode(err) != apperr.EUNAVAILABLE {
		t.Fatalf("reply outside the window: %v", err)
	}
	if _, err := c.Reply(ana.ID, " "); err == nil || err.Error() != "Write a message first." || apperr.ErrorField(err) != "text" {
		t.Fatalf("empty reply: %v", err)
	}

	// Tapping "A person" hands off; the header shows the bot paused.
	l.post(t, whatsapptest.Body(whatsapptest.Inbound{From: "5511999990001", Name: "Ana Souza", ID: "wamid.a2", Text: "A person", ReplyID: "human"}))
	eventually(t, "the handoff", func() bool { d, _ := c.Contact(ana.ID); return d.Contact.BotPaused })
	d, err := c.SetBotPaused(ana.ID, false)
	if err != nil || d.Contact.BotPaused {
		t.Fatalf("resume = %+v, %v", d, err)
	}
	if d, err = c.SetBotPaused(ana.ID, true); err != nil || !d.Contact.BotPaused {
		t.Fatalf("pause = %+v, %v", d, err)
	}
	if d, err = c.RestartSession(ana.ID); err != nil || d.Contact.BotPaused || d.NodeID != "" {
		t.Fatalf("restart = %+v, %v", d, err)
	}
	if err := c.MarkRead(ana.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ = c.List("souza"); list[0].Unread != 0 {
		t.Fatalf("unread after MarkRead = %d", list[0].Unread)
	}
	if _, err := c.Contact(424242); err == nil || err.Error() != "This contact no longer exists." || apperr.ErrorCode(err) != apperr.ENOTFOUND {
		t.Fatalf("missing contact: %v", err)
	}
	if l.events.count(inbox.EventMessage) < 4 || l.events.count(inbox.EventStatus) < 3 {
		t.Fatalf("live events: %d messages, %d statuses", l.events.count(inbox.EventMessage), l.events.count(inbox.EventStatus))
	}
}
