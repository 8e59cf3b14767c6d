package engine_test

import (
	"testing"

	"chatflow/backend/flow"
)

func TestEndNode(t *testing.T) {
	f := build([]flow.Node{
		start("hi"),
		node("end", "end", flow.NodeData{Text: "Bye {{contact.name}}"}),
	}, "start:out>end")
	h := newHarness(t, f)
	h.s.Attributes = map[string]string{"contact.name": "Bo", "order_id": "9"}
	turn := h.say("hi")
	wantTexts(t, turn, "Bye Bo")
	wantState(t, turn, "end")
	if turn.Session.NodeID != "" || turn.Session.Attributes["order_id"] != "9" {
		t.Fatalf("an ended run keeps attributes and has no node: %+v", turn.Session)
	}
	wantState(t, h.say("thanks"), "idle")
	wantTexts(t, h.say("hi"), "Bye Bo")
}

func TestEndWithoutTextAndUnconnectedOutputEnd(t *testing.T) {
	f := build([]flow.Node{start(), node("m", "message", flow.NodeData{Text: "only"}), node("end", "end", flow.NodeData{})}, "start:out>m")
	turn := newHarness(t, f).say("x")
	wantTexts(t, turn, "only")
	wantState(t, turn, "end")
}
