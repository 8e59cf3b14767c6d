package engine_test

import (
	"strings"
	"testing"

	"chatflow/backend/flow"
)

func TestConditionNode(t *testing.T) {
	tests := []struct {
		expr  string
		attrs map[string]string
		want  string
		err   bool
	}{
		{"total > 100", map[string]string{"total": "150"}, "yes", false},
		{"total > 100", map[string]string{"total": "99.5"}, "no", false},
		{"total > 100", nil, "no", false}, // a missing number is 0
		{"vip && total >= 10", map[string]string{"vip": "true", "total": "10"}, "yes", false},
		{`contact.name == "Ana"`, map[string]string{"contact.name": "Ana"}, "yes", false},
		{"api.status == 200", map[string]string{"api.status": "200"}, "yes", false},
		{`order_status in ["shipped", "delivered"]`, map[string]string{"order_status": "shipped"}, "yes", false},
		{`when == "2026-01-02"`, map[string]string{"when": "2026-01-02"}, "yes", false},
		{"total > ", nil, "no", true},         // does not compile: false and reported
		{"contact.nme == 1", nil, "no", true}, // misspelt member
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			f := build([]flow.Node{
				start(),
				node("c", "condition", flow.NodeData{Expression: tt.expr}),
				node("yes", "message", flow.NodeData{Text: "yes"}),
				node("no", "message", flow.NodeData{Text: "no"}),
			}, "start:out>c", "c:true>yes", "c:false>no")
			h := newHarness(t, f)
			h.s.Attributes = tt.attrs
			turn := h.say("go")
			wantTexts(t, turn, tt.want)
			if gotErr := len(turn.Errors) > 0; gotErr != tt.err {
				t.Fatalf("errors %v, want error %v", turn.Errors, tt.err)
			}
			if tt.err && !strings.Contains(turn.Errors[0], "node c") {
				t.Fatalf("the error names the node: %v", turn.Errors)
			}
		})
	}
}
