package studio

import (
	"testing"

	"chatflow/backend/flow"
)

func TestNodeNameQuotesWhatTheNodeSays(t *testing.T) {
	long := "Hi there! Thanks for writing to the   cake shop.\nWhat can we bake for you today?"
	cases := []struct {
		node flow.Node
		want string
	}{
		{flow.Node{ID: "buttons_ueym", Type: "buttons", Data: flow.NodeData{Text: long}}, "Buttons “Hi there! Thanks for writing to the…”"},
		{flow.Node{ID: "ask", Type: "question", Data: flow.NodeData{Text: "Order?", Attribute: "order_id"}}, "Question “Order?”"},
		{flow.Node{ID: "c", Type: "condition", Data: flow.NodeData{Expression: "total > 10"}}, "Condition “total > 10”"},
		{flow.Node{ID: "s", Type: "setAttribute", Data: flow.NodeData{Attribute: "vip", Value: "yes"}}, "Set attribute “vip”"},
		{flow.Node{ID: "wait", Type: "delay", Data: flow.NodeData{Seconds: 3}}, "Delay “3 s”"},
		{flow.Node{ID: "go", Type: "start", Data: flow.NodeData{Keywords: []string{"hi", "menu"}}}, "Start “hi, menu”"},
		{flow.Node{ID: "t1", Type: "template", Data: flow.NodeData{Template: "order_update"}}, "Template “order_update”"},
		{flow.Node{ID: "m1", Type: "message", Data: flow.NodeData{Text: "  "}}, "Message (m1)"},
		{flow.Node{ID: "t", Type: "teleport"}, "teleport (t)"},
		{flow.Node{ID: "é", Type: "message", Data: flow.NodeData{Text: "ééééééééééééééééééééééééééééééééééééééééé"}}, "Message “" + "ééééééééééééééééééééééééééééééééééé" + "…”"},
	}
	for _, c := range cases {
		if got := nodeName(c.node); got != c.want {
			t.Errorf("nodeName(%s) = %q, want %q", c.node.ID, got, c.want)
		}
	}
	if got := nodeNamed(nil, "gone"); got != "node gone" {
		t.Errorf("nodeNamed of a missing node = %q", got)
	}
}
