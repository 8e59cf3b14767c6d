package engine_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"chatflow/backend/attribute"
	"chatflow/backend/engine"
	"chatflow/backend/flow"
)

// askFlow asks a question after "hi" and answers with what was saved.
func askFlow() flow.Flow {
	return build([]flow.Node{
		start("hi"),
		node("q", "question", flow.NodeData{Text: "Order number?", Attribute: "order_id"}),
		node("done", "end", flow.NodeData{Text: "Looking up {{order_id}}"}),
	}, "start:out>q", "q:out>done")
}

func TestSessionResumesAtTheWaitingNode(t *testing.T) {
	h := newHarness(t, askFlow())
	turn := h.say("hi")
	wantState(t, turn, "wait")
	if turn.Session.NodeID != "q" || turn.Session.FlowID != 1 || turn.Session.FlowVersion != 1 || !turn.Session.LastActivity.Equal(h.now) {
		t.Fatalf("session %+v", turn.Session)
	}
	h.now = h.now.Add(time.Hour)
	turn = h.say("A-9")
	wantTexts(t, turn, "Looking up A-9")
	wantState(t, turn, "end")
}

func TestInactivityTimeoutEndsTheRun(t *testing.T) {
	h := newHarness(t, askFlow())
	h.say("hi")
	h.now = h.now.Add(24*time.Hour + time.Second)
	turn := h.say("A-9") // not an answer any more, and not a start keyword
	wantState(t, turn, "idle")
	if turn.Session.NodeID != "" {
		t.Fatalf("session still waits: %+v", turn.Session)
	}
	wantTexts(t, h.say("hi"), "Order number?")

	short := newHarness(t, askFlow(), func(d *engine.Deps) { d.InactivityTimeout = time.Minute })
	short.say("hi")
	short.now = short.now.Add(59 * time.Second)
	wantTexts(t, short.say("A-1"), "Looking up A-1")
}

func TestRestartKeyword(t *testing.T) {
	h := newHarness(t, askFlow())
	h.say("hi")
	turn := h.say("Restart!")
	wantTexts(t, turn, "Order number?")
	wantState(t, turn, "wait")
	if turn.Visited[0] != "start" {
		t.Fatalf("restart runs from the start, visited %v", turn.Visited)
	}

	custom := newHarness(t, askFlow(), func(d *engine.Deps) { d.RestartKeyword = "menu" })
	custom.say("hi")
	wantTexts(t, custom.say("menu"), "Order number?")
	wantTexts(t, custom.say("restart"), "Looking up restart")
}

func TestStepBudgetStopsALoop(t *testing.T) {
	f := build([]flow.Node{
		start(),
		node("a", "setAttribute", flow.NodeData{Attribute: "total", Expression: "total + 1"}),
		node("b", "condition", flow.NodeData{Expression: "total > -1"}),
	}, "start:out>a", "a:out>b", "b:true>a", "b:false>a")
	h := newHarness(t, f, func(d *engine.Deps) { d.StepBudget = 25 })
	turn := h.say("go")
	wantState(t, turn, "end")
	if len(turn.Visited) != 25 || len(turn.Errors) != 1 || !strings.Contains(turn.Errors[0], "25 steps") || !strings.Contains(turn.Errors[0], "loop") {
		t.Fatalf("visited %d, errors %v", len(turn.Visited), turn.Errors)
	}
	if turn.Session.NodeID != "" {
		t.Fatal("a stopped run leaves no waiting node")
	}
	if got := turn.Session.Attributes["total"]; got != "12" {
		t.Fatalf("total = %s, want 12 (12 passes through a)", got)
	}
}

func TestDeletedOrChangedFlowEndsTheRun(t *testing.T) {
	h := newHarness(t, askFlow())
	h.say("hi")
	h.flows.list = nil
	wantState(t, h.say("A-1"), "idle")

	h = newHarness(t, askFlow())
	h.say("hi")
	changed := askFlow()
	changed.Version = 2
	changed.Nodes[1].ID = "q2"
	changed.Edges = []flow.Edge{{Source: "start", Target: "q2"}, {Source: "q2", Target: "done"}}
	h.flows.list = []flow.Flow{changed}
	turn := h.say("hi")
	wantTexts(t, turn, "Order number?")
	if turn.Session.FlowVersion != 2 || turn.Session.NodeID != "q2" {
		t.Fatalf("session %+v", turn.Session)
	}
}

func TestEditedFlowKeepsWaitingNode(t *testing.T) {
	h := newHarness(t, askFlow())
	h.say("hi")
	edited := askFlow()
	edited.Version = 5
	edited.Nodes[2].Data.Text = "Checking {{order_id}}"
	h.flows.list = []flow.Flow{edited}
	turn := h.say("B-2")
	wantTexts(t, turn, "Checking B-2")
	if turn.Session.FlowVersion != 5 {
		t.Fatalf("version %d", turn.Session.FlowVersion)
	}
}

func TestNoPublishedFlowIsIdle(t *testing.T) {
	f := askFlow()
	f.Published = false
	turn := newHarness(t, f).say("hi")
	wantState(t, turn, "idle")
	if turn.Session.Attributes["message.text"] != "hi" {
		t.Fatal("the message is still recorded")
	}
}

func TestFlowSourceErrorsAreReturned(t *testing.T) {
	h := newHarness(t, askFlow())
	h.flows.err = errBoom
	if _, err := h.eng.Handle(context.Background(), engine.Session{}, engine.Inbound{Text: "hi"}); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("err = %v", err)
	}
	h.flows.err = nil
	h.say("hi")
	h.flows.err = errBoom
	if _, err := h.eng.Handle(context.Background(), h.s, engine.Inbound{Text: "x"}); err == nil {
		t.Fatal("a waiting run whose flow cannot be read returns the error")
	}
}

func TestAttributeErrorsAreReturned(t *testing.T) {
	h := newHarness(t, askFlow(), func(d *engine.Deps) {
		d.Attributes = func(context.Context) ([]attribute.Definition, error) { return nil, errBoom }
	})
	if _, err := h.eng.Handle(context.Background(), engine.Session{}, engine.Inbound{Text: "hi"}); err == nil {
		t.Fatal("want error")
	}
}

func TestHandleDoesNotChangeTheCallersSession(t *testing.T) {
	h := newHarness(t, askFlow())
	in := engine.Session{Attributes: map[string]string{"order_id": "keep"}}
	if _, err := h.eng.Handle(context.Background(), in, engine.Inbound{Text: "hi"}); err != nil {
		t.Fatal(err)
	}
	if len(in.Attributes) != 1 || in.Attributes["order_id"] != "keep" {
		t.Fatalf("caller's map changed: %v", in.Attributes)
	}
}

func TestCancelledContextStopsTheRun(t *testing.T) {
	h := newHarness(t, askFlow())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := h.eng.Handle(ctx, engine.Session{}, engine.Inbound{Text: "hi"}); err == nil {
		t.Fatal("want an error from a cancelled context")
	}
}

func TestMissingFlowSourceIsAnError(t *testing.T) {
	if _, err := engine.New(engine.Deps{}).Handle(context.Background(), engine.Session{}, engine.Inbound{Text: "hi"}); err == nil {
		t.Fatal("want an error without a flow source")
	}
}
