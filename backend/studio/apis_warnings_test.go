package studio

import (
	"strings"
	"testing"

	"chatflow/backend/apicall"
	"chatflow/backend/flow"
)

// An API saved with a GET body that is not JSON and a placeholder naming no
// attribute is kept, warned about on the APIs page, and the same warnings
// reach the problems of a flow that calls it (finding 6).
func TestAPIWarningsOnSaveAndInTheFlowsThatCallIt(t *testing.T) {
	st, _ := newTestStudio(t, nil)
	def := apicall.Definition{Name: "Orders", Method: "GET", URL: "https://shop.test/orders/{{nope}}",
		BodyType: apicall.BodyJSON, Body: "{\"id\": \n  oops}"}
	saved, err := st.APIs.Save(bg, def)
	if err != nil {
		t.Fatalf("a warned API is still saved: %v", err)
	}
	warnings, err := st.APIs.Warnings(bg, saved)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range warnings {
		got = append(got, w.Field+": "+w.Message)
	}
	joined := strings.Join(got, "\n")
	for _, want := range []string{"body: A GET request has a body", "body: The body is not valid JSON (line 2", "url: {{nope}} is not an attribute"} {
		if !strings.Contains(joined, want) {
			t.Errorf("warnings lack %q:\n%s", want, joined)
		}
	}
	clean, err := st.APIs.Warnings(bg, apicall.Definition{Name: "Fine", Method: "GET", URL: "https://shop.test/orders/{{contact.name}}"})
	if err != nil || len(clean) != 0 {
		t.Fatalf("warnings of a sound API = %v, %v", clean, err)
	}

	f, err := st.Flows.Create(bg, "Calls orders")
	if err != nil {
		t.Fatal(err)
	}
	f.Nodes = append(f.Nodes, flow.Node{ID: "call", Type: flow.TypeAPI, Position: flow.Position{X: 300}, Data: flow.NodeData{API: "Orders"}})
	f.Edges = append(f.Edges, flow.Edge{ID: "e1", Source: f.Nodes[0].ID, SourceHandle: "out", Target: "call"})
	problems, err := st.Flows.Validate(bg, f)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range problems {
		if p.NodeID == "call" && strings.Contains(p.Message, "{{nope}} is not an attribute") {
			found = true
		}
	}
	if !found {
		t.Fatalf("the flow's problems lack the API's warning: %+v", problems)
	}
}
