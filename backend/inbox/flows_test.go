package inbox_test

import (
	"context"
	"errors"
	"testing"

	"chatflow/backend/engine"
	"chatflow/backend/flow"
	"chatflow/backend/inbox"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

// The live bot's flow source serves the published copy, and a session whose
// flow is no longer live gets the engine's "flow not found" (its run ends).
func TestLiveFlowsServeThePublishedCopy(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	src := inbox.LiveFlows(db)
	if _, ok, err := src.Published(ctx); ok || err != nil {
		t.Fatalf("nothing published yet: %v %v", ok, err)
	}
	doc := func(name, text string) flow.Flow {
		return flow.Flow{Name: name, Nodes: []flow.Node{{ID: "start", Type: "start"},
			{ID: "say", Type: "message", Data: flow.NodeData{Text: text}}},
			Edges: []flow.Edge{{ID: "e1", Source: "start", SourceHandle: "out", Target: "say"}}}
	}
	live, err := db.CreateFlow(ctx, doc("Live", "published text"), store.FlowCheck{Valid: true})
	if err != nil {
		t.Fatal(err)
	}
	other, _ := db.CreateFlow(ctx, doc("Other", "x"), store.FlowCheck{Valid: true})
	if err := db.PublishFlow(ctx, live.ID); err != nil {
		t.Fatal(err)
	}
	live.Nodes[1].Data.Text = "draft text"
	if _, err := db.SaveFlow(ctx, live, store.FlowCheck{}); err != nil {
		t.Fatal(err)
	}
	got, ok, err := src.Published(ctx)
	if err != nil || !ok || got.ID != live.ID || got.Nodes[1].Data.Text != "published text" {
		t.Fatalf("published = %+v %v %v; want the copy taken at publish", got, ok, err)
	}
	if f, err := src.ByID(ctx, live.ID); err != nil || f.Nodes[1].Data.Text != "published text" {
		t.Fatalf("by id = %+v %v", f, err)
	}
	if _, err := src.ByID(ctx, other.ID); !errors.Is(err, engine.ErrFlowNotFound) {
		t.Fatalf("an unpublished flow is gone for live sessions: %v", err)
	}
	if err := db.UnpublishFlow(ctx, live.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := src.ByID(ctx, live.ID); !errors.Is(err, engine.ErrFlowNotFound) {
		t.Fatalf("after unpublish: %v", err)
	}
}
