package flow_test

import (
	"reflect"
	"testing"

	"chatflow/backend/flow"
)

func TestOutputs(t *testing.T) {
	opts := []flow.Option{{ID: "a", Title: "A"}, {ID: "b", Title: "B"}}
	tests := []struct {
		node flow.Node
		want []string
	}{
		{flow.Node{Type: "start"}, []string{"out"}},
		{flow.Node{Type: "message"}, []string{"out"}},
		{flow.Node{Type: "question"}, []string{"out", "invalid"}},
		{flow.Node{Type: "buttons", Data: flow.NodeData{Buttons: opts}}, []string{"a", "b"}},
		{flow.Node{Type: "list", Data: flow.NodeData{Rows: opts}}, []string{"a", "b"}},
		{flow.Node{Type: "condition"}, []string{"true", "false"}},
		{flow.Node{Type: "setAttribute"}, []string{"out"}},
		{flow.Node{Type: "api", Data: flow.NodeData{Routes: []string{"200", "4xx"}}}, []string{"200", "4xx", "others"}},
		{flow.Node{Type: "api"}, []string{"others"}},
		{flow.Node{Type: "delay"}, []string{"out"}},
		{flow.Node{Type: "handoff"}, nil},
		{flow.Node{Type: "end"}, nil},
		{flow.Node{Type: "nope"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.node.Type, func(t *testing.T) {
			if got := flow.Outputs(tt.node); !reflect.DeepEqual(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Fatalf("Outputs = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPlaceholders(t *testing.T) {
	got := flow.Placeholders("Hi {{ contact.name }}, order {{order_id}} is {{order_id}}; {{ not valid! }} {{}}")
	if want := []string{"contact.name", "order_id"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Placeholders = %v, want %v", got, want)
	}
	out := flow.Render("Hi {{ contact.name }}, {{x}} {{ bad one }}", map[string]string{"contact.name": "Ana"})
	if out != "Hi Ana,  {{ bad one }}" {
		t.Fatalf("Render = %q", out)
	}
}

func TestNormalizeKeyword(t *testing.T) {
	for in, want := range map[string]string{"  Hi! ": "hi", "HELLO?": "hello", "¿hola?": "¿hola", "": ""} {
		if got := flow.NormalizeKeyword(in); got != want {
			t.Errorf("NormalizeKeyword(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFlowHelpers(t *testing.T) {
	f := good()
	if s, ok := f.Start(); !ok || s.ID != "start" {
		t.Fatalf("Start = %v %v", s, ok)
	}
	if got := f.Next("ok", "out"); got != "missing" {
		t.Fatalf("Next with empty handle = %q", got)
	}
	if got := f.Next("call", "500"); got != "" {
		t.Fatalf("Next of unconnected output = %q", got)
	}
	if _, ok := f.Node("nope"); ok {
		t.Fatal("Node found a missing id")
	}
}
