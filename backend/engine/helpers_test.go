package engine_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/engine"
	"chatflow/backend/flow"
)

// flows is a FlowSource over an in-memory list; the first published flow is live.
type flows struct {
	mu   sync.Mutex
	list []flow.Flow
	err  error
}

func (s *flows) Published(context.Context) (flow.Flow, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return flow.Flow{}, false, s.err
	}
	for _, f := range s.list {
		if f.Published {
			return f, true, nil
		}
	}
	return flow.Flow{}, false, nil
}

func (s *flows) ByID(_ context.Context, id int64) (flow.Flow, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return flow.Flow{}, s.err
	}
	for _, f := range s.list {
		if f.ID == id {
			return f, nil
		}
	}
	return flow.Flow{}, fmt.Errorf("test: flow %d: %w", id, engine.ErrFlowNotFound)
}

// apis is an APIRunner whose answers come from a function; it records calls.
type apis struct {
	mu    sync.Mutex
	run   func(c apicall.Call) apicall.Outcome
	calls []apicall.Call
}

func (a *apis) RunAPI(_ context.Context, c apicall.Call) apicall.Outcome {
	a.mu.Lock()
	a.calls = append(a.calls, c)
	a.mu.Unlock()
	return a.run(c)
}

var testDefs = []attribute.Definition{
	{Name: "order_id", Type: attribute.Text},
	{Name: "order_status", Type: attribute.Text},
	{Name: "total", Type: attribute.Number},
	{Name: "vip", Type: attribute.Boolean},
	{Name: "when", Type: attribute.Date},
	{Name: "choice", Type: attribute.Text},
	{Name: "email", Type: attribute.Text},
	{Name: "orders", Type: attribute.List},
	{Name: "slots", Type: attribute.List},
	{Name: "chosen", Type: attribute.Text},
}

// build makes a published flow (id 1) from nodes and edges written as
// "source:handle>target".
func build(nodes []flow.Node, edges ...string) flow.Flow {
	f := flow.Flow{ID: 1, Name: "Test", Published: true, Version: 1, Nodes: nodes}
	for i, e := range edges {
		src, target, _ := strings.Cut(e, ">")
		node, handle, _ := strings.Cut(src, ":")
		f.Edges = append(f.Edges, flow.Edge{ID: fmt.Sprint("e", i), Source: node, SourceHandle: handle, Target: target})
	}
	return f
}

func start(keywords ...string) flow.Node {
	return flow.Node{ID: "start", Type: "start", Data: flow.NodeData{Keywords: keywords}}
}

func node(id, typ string, d flow.NodeData) flow.Node {
	return flow.Node{ID: id, Type: typ, Data: d}
}

// harness runs conversations against one flow with a fixed clock.
type harness struct {
	t     *testing.T
	eng   *engine.Engine
	flows *flows
	apis  *apis
	now   time.Time
	s     engine.Session
}

func newHarness(t *testing.T, f flow.Flow, mod ...func(*engine.Deps)) *harness {
	t.Helper()
	h := &harness{t: t, flows: &flows{list: []flow.Flow{f}}, now: time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC),
		apis: &apis{run: func(apicall.Call) apicall.Outcome { return apicall.Outcome{Route: "others", Error: "no fake"} }}}
	d := engine.Deps{
		Flows:      h.flows,
		APIs:       h.apis,
		Attributes: func(context.Context) ([]attribute.Definition, error) { return testDefs, nil },
		Now:        func() time.Time { return h.now },
	}
	for _, m := range mod {
		m(&d)
	}
	h.eng = engine.New(d)
	h.s = engine.Session{ContactID: 7}
	return h
}

// say sends one message, keeps the new session (through a JSON round trip,
// as the store does) and returns the turn.
func (h *harness) say(text string) engine.Turn {
	h.t.Helper()
	return h.send(engine.Inbound{Text: text})
}

func (h *harness) send(in engine.Inbound) engine.Turn {
	h.t.Helper()
	turn, err := h.eng.Handle(context.Background(), h.s, in)
	if err != nil {
		h.t.Fatalf("Handle(%q): %v", in.Text, err)
	}
	raw, err := json.Marshal(turn.Session)
	if err != nil {
		h.t.Fatal(err)
	}
	var s engine.Session
	if err := json.Unmarshal(raw, &s); err != nil {
		h.t.Fatal(err)
	}
	h.s = s
	return turn
}

// texts returns the text of each reply.
func texts(t engine.Turn) []string {
	out := []string{}
	for _, r := range t.Replies {
		out = append(out, r.Text)
	}
	return out
}

func wantTexts(t *testing.T, turn engine.Turn, want ...string) {
	t.Helper()
	got := texts(turn)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("replies = %q, want %q (errors %v)", got, want, turn.Errors)
	}
}

func wantState(t *testing.T, turn engine.Turn, state string) {
	t.Helper()
	if turn.State != state {
		t.Fatalf("state = %q, want %q (visited %v, errors %v)", turn.State, state, turn.Visited, turn.Errors)
	}
}

var errBoom = errors.New("boom")
