package studio

import (
	"strings"
	"testing"

	"chatflow/backend/apperr"
	"chatflow/backend/flow"
)

// greeting makes f answer "Hello" after its start node.
func greeting(t *testing.T, st *Studio, f flow.Flow) flow.Flow {
	t.Helper()
	start := f.Nodes[0]
	f.Nodes = append(f.Nodes, flow.Node{ID: "hello", Type: flow.TypeMessage, Position: flow.Position{X: 300}, Data: flow.NodeData{Text: "Hello"}})
	f.Edges = append(f.Edges, flow.Edge{ID: "e1", Source: start.ID, SourceHandle: "out", Target: "hello"})
	if _, err := st.Flows.Save(bg, f); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestPublishingAFlowThatSendsNothingIsRefused(t *testing.T) {
	st, _ := newTestStudio(t, nil)
	f, err := st.Flows.Create(bg, "Silent")
	if err != nil {
		t.Fatal(err)
	}
	err = st.Flows.Publish(bg, f.ID)
	if !apperr.Is(err, apperr.EINVALID) || !strings.Contains(err.Error(), `"Silent" sends nothing yet: connect a Message`) {
		t.Fatalf("Publish of a start-only flow = %v", err)
	}
	p, err := st.Flows.PublishPreview(bg, f.ID)
	if err != nil || !strings.Contains(p.Blocker, "sends nothing yet") {
		t.Fatalf("preview = %+v, %v", p, err)
	}
	greeting(t, st, f)
	if err := st.Flows.Publish(bg, f.ID); err != nil {
		t.Fatalf("Publish after adding a message: %v", err)
	}
}

func TestPublishPreviewNamesTheFlowItTakesOffline(t *testing.T) {
	st, _ := newTestStudio(t, nil)
	a, _ := st.Flows.Create(bg, "Support")
	b, _ := st.Flows.Create(bg, "Sales")
	greeting(t, st, a)
	greeting(t, st, b)
	p, err := st.Flows.PublishPreview(bg, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.FlowName != "Sales" || p.Replaces != "" || p.Blocker != "" {
		t.Fatalf("nothing live yet: %+v", p)
	}
	// Nothing is set up on a fresh database: the flow would be live once
	// WhatsApp is connected.
	if p.Connected || len(p.Missing) == 0 {
		t.Fatalf("fresh database: %+v", p)
	}
	if err := st.Flows.Publish(bg, a.ID); err != nil {
		t.Fatal(err)
	}
	if p, _ = st.Flows.PublishPreview(bg, b.ID); p.Replaces != "Support" {
		t.Fatalf("preview while Support is live = %+v", p)
	}
	if p, _ = st.Flows.PublishPreview(bg, a.ID); p.Replaces != "" {
		t.Fatalf("re-publishing the live flow replaces %q", p.Replaces)
	}
}
