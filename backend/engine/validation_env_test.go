package engine_test

import (
	"strings"
	"testing"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/engine"
	"chatflow/backend/flow"
)

// A flow's problems cover the APIs it calls: each API node shows its API's
// warnings (finding 6 of the walk-through).
func TestFlowProblemsCoverTheAPIsItCalls(t *testing.T) {
	defs := []attribute.Definition{{Name: "order_id", Type: attribute.Text}}
	apis := []apicall.Definition{
		{Name: "Order status", Method: "GET", URL: "https://shop.example/orders/{{order_id}}", Body: `{"x": }`},
		{Name: "Weather", Method: "GET", URL: "https://api.example/{{nope}}"},
		{Name: "Clean", Method: "GET", URL: "https://api.example/{{order_id}}"},
	}
	env := engine.NewValidationEnv(defs, []string{"Order status", "Weather", "Clean"}).WithAPIs(apis)
	f := flow.Flow{Name: "Support", Nodes: []flow.Node{
		{ID: "start", Type: "start"},
		{ID: "a", Type: "api", Data: flow.NodeData{API: "order STATUS", Routes: []string{"200"}}},
		{ID: "b", Type: "api", Data: flow.NodeData{API: "Weather"}},
		{ID: "c", Type: "api", Data: flow.NodeData{API: "Clean"}},
	}, Edges: []flow.Edge{
		{ID: "e1", Source: "start", SourceHandle: "out", Target: "a"},
		{ID: "e2", Source: "a", SourceHandle: "200", Target: "b"},
		{ID: "e3", Source: "b", SourceHandle: "others", Target: "c"},
	}}
	got := map[string][]string{}
	for _, p := range flow.Validate(f, env) {
		if p.Field == "api" {
			if p.Severity != flow.SeverityWarning {
				t.Fatalf("API warning %+v is not a warning", p)
			}
			got[p.NodeID] = append(got[p.NodeID], p.Message)
		}
	}
	if len(got["a"]) != 2 || !strings.Contains(got["a"][0], `The API "order STATUS": A GET request has a body`) ||
		!strings.Contains(got["a"][1], "not valid JSON (line 1") {
		t.Fatalf("node a = %q", got["a"])
	}
	if len(got["b"]) != 1 || !strings.Contains(got["b"][0], "{{nope}} is not an attribute") {
		t.Fatalf("node b = %q", got["b"])
	}
	if len(got["c"]) != 0 {
		t.Fatalf("node c = %q", got["c"])
	}
	// Without WithAPIs nothing about the definitions is known or said.
	for _, p := range flow.Validate(f, engine.NewValidationEnv(defs, []string{"Order status", "Weather", "Clean"})) {
		if p.Field == "api" {
			t.Fatalf("unexpected %+v", p)
		}
	}
}
