package engine_test

import (
	"testing"

	"chatflow/backend/flow"
)

func TestSetAttributeNode(t *testing.T) {
	tests := []struct {
		name  string
		data  flow.NodeData
		attrs map[string]string
		want  string
		err   bool
	}{
		{"template", flow.NodeData{Attribute: "order_status", Value: "{{contact.name}} asked"}, map[string]string{"contact.name": "Ana"}, "Ana asked", false},
		{"empty value clears", flow.NodeData{Attribute: "order_status"}, map[string]string{"order_status": "old"}, "", false},
		{"number expression", flow.NodeData{Attribute: "total", Expression: "total * 2 + 1"}, map[string]string{"total": "20"}, "41", false},
		{"boolean expression", flow.NodeData{Attribute: "vip", Expression: "total > 100"}, map[string]string{"total": "200"}, "true", false},
		{"text expression", flow.NodeData{Attribute: "order_status", Expression: `upper(order_id) + "!"`}, map[string]string{"order_id": "ab"}, "AB!", false},
		{"value that does not fit the type", flow.NodeData{Attribute: "total", Value: "lots"}, map[string]string{"total": "5"}, "5", true},
		{"expression error", flow.NodeData{Attribute: "total", Expression: "nope +"}, map[string]string{"total": "5"}, "5", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := build([]flow.Node{start(), node("set", "setAttribute", tt.data), node("m", "message", flow.NodeData{Text: "[{{" + tt.data.Attribute + "}}]"})},
				"start:out>set", "set:out>m")
			h := newHarness(t, f)
			h.s.Attributes = tt.attrs
			turn := h.say("go")
			wantTexts(t, turn, "["+tt.want+"]")
			if (len(turn.Errors) > 0) != tt.err {
				t.Fatalf("errors %v, want error %v", turn.Errors, tt.err)
			}
		})
	}
}
