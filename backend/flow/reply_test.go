package flow_test

import (
	"testing"

	"chatflow/backend/flow"
)

func TestSendsAReply(t *testing.T) {
	start := flow.Node{ID: "s", Type: "start"}
	edge := func(from, to string) flow.Edge {
		return flow.Edge{ID: from + to, Source: from, SourceHandle: "out", Target: to}
	}
	tests := []struct {
		name  string
		nodes []flow.Node
		edges []flow.Edge
		want  bool
	}{
		{"only a start node", []flow.Node{start}, nil, false},
		{"start to a message", []flow.Node{start, {ID: "m", Type: "message", Data: flow.NodeData{Text: "Hi"}}}, []flow.Edge{edge("s", "m")}, true},
		{"a message nothing leads to", []flow.Node{start, {ID: "m", Type: "message"}}, nil, false},
		{"an API call, a condition and a silent end", []flow.Node{start, {ID: "a", Type: "api"}, {ID: "c", Type: "condition"}, {ID: "e", Type: "end"}},
			[]flow.Edge{edge("s", "a"), edge("a", "c"), edge("c", "e")}, false},
		{"an end with a text", []flow.Node{start, {ID: "e", Type: "end", Data: flow.NodeData{Text: "Bye"}}}, []flow.Edge{edge("s", "e")}, true},
		{"a question behind a delay", []flow.Node{start, {ID: "d", Type: "delay"}, {ID: "q", Type: "question"}}, []flow.Edge{edge("s", "d"), edge("d", "q")}, true},
		{"a template", []flow.Node{start, {ID: "t", Type: "template"}}, []flow.Edge{edge("s", "t")}, true},
		{"a cycle without a message", []flow.Node{start, {ID: "a", Type: "setAttribute"}, {ID: "b", Type: "condition"}},
			[]flow.Edge{edge("s", "a"), edge("a", "b"), edge("b", "a")}, false},
		{"no start node", []flow.Node{{ID: "m", Type: "message"}}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := flow.SendsAReply(flow.Flow{Nodes: tt.nodes, Edges: tt.edges}); got != tt.want {
				t.Fatalf("SendsAReply = %v, want %v", got, tt.want)
			}
		})
	}
}
