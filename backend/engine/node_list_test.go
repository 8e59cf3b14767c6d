package engine_test

import (
	"strings"
	"testing"

	"chatflow/backend/engine"
	"chatflow/backend/flow"
)

func TestListNode(t *testing.T) {
	f := build([]flow.Node{
		start(),
		node("list", "list", flow.NodeData{Text: strings.Repeat("x", 1100), Button: "Topics",
			Rows: []flow.Option{{ID: "orders", Title: "Orders", Description: "Where is my order"}, {ID: "returns", Title: "Returns"}}}),
		node("o", "message", flow.NodeData{Text: "orders"}),
		node("r", "message", flow.NodeData{Text: "returns"}),
	}, "start:out>list", "list:orders>o", "list:returns>r")
	tests := []struct {
		in   engine.Inbound
		want []string
	}{
		{engine.Inbound{ReplyID: "returns"}, []string{"returns"}},
		{engine.Inbound{Text: "ORDERS"}, []string{"orders"}},
		{engine.Inbound{Text: "2"}, []string{"returns"}},
		{engine.Inbound{Text: "3"}, nil},
	}
	for _, tt := range tests {
		h := newHarness(t, f)
		turn := h.say("hi")
		r := turn.Replies[0]
		if r.Type != "list" || r.Button != "Topics" || len(r.Rows) != 2 || r.Rows[0].Description != "Where is my order" {
			t.Fatalf("list reply %+v", r)
		}
		if n := len([]rune(r.Text)); n != flow.MaxInteractiveBody {
			t.Fatalf("a long body is cut to %d characters, got %d", flow.MaxInteractiveBody, n)
		}
		turn = h.send(tt.in)
		if tt.want == nil {
			wantState(t, turn, "wait")
			if turn.Replies[0].Type != "list" {
				t.Fatalf("unknown answer re-sends the list: %+v", turn.Replies)
			}
			continue
		}
		wantTexts(t, turn, tt.want...)
	}
}
