package engine_test

import (
	"testing"

	"chatflow/backend/flow"
)

func TestDelayAddsToTheNextReply(t *testing.T) {
	f := build([]flow.Node{
		start(),
		node("d1", "delay", flow.NodeData{Seconds: 2}),
		node("d2", "delay", flow.NodeData{Seconds: 3}),
		node("a", "message", flow.NodeData{Text: "after five"}),
		node("b", "message", flow.NodeData{Text: "right after"}),
		node("d3", "delay", flow.NodeData{Seconds: 1}),
	}, "start:out>d1", "d1:out>d2", "d2:out>a", "a:out>b", "b:out>d3")
	turn := newHarness(t, f).say("hi")
	wantTexts(t, turn, "after five", "right after")
	if turn.Replies[0].DelayMs != 5000 || turn.Replies[1].DelayMs != 0 {
		t.Fatalf("delays %d, %d", turn.Replies[0].DelayMs, turn.Replies[1].DelayMs)
	}
	wantState(t, turn, "end")
}
