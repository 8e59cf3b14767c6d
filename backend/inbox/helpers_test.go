package inbox_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"chatflow/backend/attribute"
	"chatflow/backend/engine"
	"chatflow/backend/flow"
	"chatflow/backend/inbox"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
	"chatflow/backend/whatsapp"
	"chatflow/backend/whatsapp/whatsapptest"
)

// supportFlow greets with two buttons: "track" answers and ends, "agent"
// hands the conversation to a person.
func supportFlow() flow.Flow {
	n := func(id, typ string, d flow.NodeData) flow.Node { return flow.Node{ID: id, Type: typ, Data: d} }
	e := func(src, handle, dst string) flow.Edge {
		return flow.Edge{ID: src + handle, Source: src, SourceHandle: handle, Target: dst}
	}
	return flow.Flow{Name: "Support", Nodes: []flow.Node{
		n("start", flow.TypeStart, flow.NodeData{}),
		n("menu", flow.TypeButtons, flow.NodeData{Text: "Hi {{contact.name}}, how can we help?", Attribute: "choice",
			Buttons: []flow.Option{{ID: "track", Title: "Track order"}, {ID: "agent", Title: "Talk to a person"}}}),
		n("track", flow.TypeMessage, flow.NodeData{Text: "Your order is on its way."}),
		n("bye", flow.TypeEnd, flow.NodeData{Text: "Anything else? Just write."}),
		n("agent", flow.TypeHandoff, flow.NodeData{Text: "A person will answer you soon."}),
	}, Edges: []flow.Edge{e("start", "out", "menu"), e("menu", "track", "track"), e("track", "out", "bye"), e("menu", "agent", "agent")}}
}

// events records what the inbox emits.
type events struct {
	mu    sync.Mutex
	list  []string
	views []inbox.MessageView
}

func (e *events) Emit(name string, data any) {
	v, _ := data.(inbox.MessageView)
	e.mu.Lock()
	defer e.mu.Unlock()
	e.list = append(e.list, name+" "+v.Direction+" "+v.Status)
	e.views = append(e.views, v)
}

// retrying returns the views announcing a reply waiting after a failed send.
func (e *events) retrying() []inbox.MessageView {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []inbox.MessageView
	for _, v := range e.views {
		if v.Status == store.MessageQueued && v.Attempts > 0 {
			out = append(out, v)
		}
	}
	return out
}

func (e *events) count(entry string) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	n := 0
	for _, s := range e.list {
		if s == entry {
			n++
		}
	}
	return n
}

type harness struct {
	t      *testing.T
	db     *store.DB
	graph  *whatsapptest.Graph
	svc    *inbox.Service
	events *events
	cancel context.CancelFunc
	stale  time.Duration
}

// newHarness starts an inbox over a fresh database, the support flow, the
// real engine and a fake Graph API. mod may change the options.
func newHarness(t *testing.T, mod ...func(*inbox.Options)) *harness {
	t.Helper()
	h := &harness{t: t, db: storetest.NewDB(t), graph: whatsapptest.NewGraph(), events: &events{}}
	t.Cleanup(h.graph.Close)
	ctx := context.Background()
	f, err := h.db.CreateFlow(ctx, supportFlow(), store.FlowCheck{Valid: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := h.db.CreateAttribute(ctx, attribute.Definition{Name: "choice", Type: attribute.Text}); err != nil {
		t.Fatal(err)
	}
	if err := h.db.PublishFlow(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	eng := engine.New(engine.Deps{Flows: inbox.LiveFlows(h.db), Attributes: h.db.Attributes})
	h.start(eng, mod...)
	return h
}

func (h *harness) options(eng inbox.Engine, mod ...func(*inbox.Options)) inbox.Options {
	opt := inbox.Options{
		Engine: eng,
		Runtime: func(context.Context) (inbox.Runtime, error) {
			return inbox.Runtime{Graph: h.graph.Config(), StaleAge: h.stale, RatePerSecond: 1000}, nil
		},
		Events:    h.events,
		RetryBase: 5 * time.Millisecond, RetryMax: 50 * time.Millisecond,
		Poll: 50 * time.Millisecond,
	}
	for _, m := range mod {
		m(&opt)
	}
	return opt
}

func (h *harness) start(eng inbox.Engine, mod ...func(*inbox.Options)) {
	ctx, cancel := context.WithCancel(context.Background())
	h.svc = inbox.New(h.db, h.options(eng, mod...))
	h.svc.Start(ctx)
	h.cancel = cancel
	h.t.Cleanup(func() { cancel(); h.svc.Wait() })
}

// stop stops the service and waits for its loops, like a shutdown.
func (h *harness) stop() {
	h.cancel()
	h.svc.Wait()
}

// post feeds a webhook body to the inbox as the webhook handler does.
func (h *harness) post(body []byte) inbox.Accepted {
	h.t.Helper()
	n, err := whatsapp.Parse(body)
	if err != nil {
		h.t.Fatal(err)
	}
	res, err := h.svc.Accept(context.Background(), n)
	if err != nil {
		h.t.Fatal(err)
	}
	return res
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// received waits until the fake Graph API accepted n messages for to.
func (h *harness) received(to string, n int) []whatsapptest.Request {
	h.t.Helper()
	waitFor(h.t, fmt.Sprintf("%d messages to %s", n, to), func() bool { return len(h.graph.AcceptedTo(to)) >= n })
	return h.graph.AcceptedTo(to)
}

// inboxStates returns the status of every customer message, by WhatsApp id.
func (h *harness) inboxStates() map[string]string {
	rows, err := h.db.R.Query(`SELECT wa_message_id, status FROM messages WHERE direction = 'in'`)
	if err != nil {
		h.t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, state string
		if err := rows.Scan(&id, &state); err != nil {
			h.t.Fatal(err)
		}
		out[id] = state
	}
	return out
}

// funcEngine is an Engine whose turns come from a function.
type funcEngine func(ctx context.Context, s engine.Session, in engine.Inbound) (engine.Turn, error)

func (f funcEngine) Handle(ctx context.Context, s engine.Session, in engine.Inbound) (engine.Turn, error) {
	return f(ctx, s, in)
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
