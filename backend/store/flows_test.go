package store_test

import (
	"context"
	"database/sql"
	"errors"
	"reflect"
	"testing"

	"chatflow/backend/apicall"
	"chatflow/backend/flow"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

func sampleFlow(name string) flow.Flow {
	return flow.Flow{Name: name,
		Nodes: []flow.Node{
			{ID: "start", Type: "start", Position: flow.Position{X: 10, Y: 20}, Data: flow.NodeData{Keywords: []string{"hi"}}},
			{ID: "ask", Type: "question", Data: flow.NodeData{Text: "Order {{order_id}}?", Attribute: "order_id"}},
		},
		Edges: []flow.Edge{{ID: "e1", Source: "start", SourceHandle: "out", Target: "ask"}},
	}
}

func TestFlowLifecycle(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()

	f, err := db.CreateFlow(ctx, sampleFlow("Support"), store.FlowCheck{Valid: true, Problems: 1})
	if err != nil {
		t.Fatal(err)
	}
	if f.ID == 0 || f.Version != 1 || f.Published || f.UpdatedAt == "" || !reflect.DeepEqual(f.Nodes, sampleFlow("").Nodes) {
		t.Fatalf("created %+v", f)
	}
	if _, err := db.CreateFlow(ctx, sampleFlow("  SUPPORT "), store.FlowCheck{}); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("duplicate name: %v", err)
	}
	if _, err := db.CreateFlow(ctx, sampleFlow(" "), store.FlowCheck{}); err == nil {
		t.Fatal("empty name accepted")
	}

	f.Nodes = f.Nodes[:1]
	f.Edges = nil
	saved, err := db.SaveFlow(ctx, f, store.FlowCheck{Valid: false, Problems: 3})
	if err != nil {
		t.Fatal(err)
	}
	if saved.Version != 2 || len(saved.Nodes) != 1 || saved.Edges == nil {
		t.Fatalf("saved %+v", saved)
	}
	list, err := db.Flows(ctx)
	if err != nil || len(list) != 1 || list[0].Valid || list[0].Problems != 3 || list[0].Version != 2 {
		t.Fatalf("list %+v %v", list, err)
	}

	if err := db.RenameFlow(ctx, f.ID, "Sales"); err != nil {
		t.Fatal(err)
	}
	byName, err := db.FlowByName(ctx, "sales")
	if err != nil || byName.ID != f.ID || byName.Version != 2 {
		t.Fatalf("by name %+v %v", byName, err)
	}
	if err := db.DeleteFlow(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	for name, err := range map[string]error{
		"load":      func() error { _, err := db.Flow(ctx, f.ID); return err }(),
		"save":      func() error { _, err := db.SaveFlow(ctx, f, store.FlowCheck{}); return err }(),
		"rename":    db.RenameFlow(ctx, f.ID, "x"),
		"delete":    db.DeleteFlow(ctx, f.ID),
		"publish":   db.PublishFlow(ctx, f.ID),
		"unpublish": db.UnpublishFlow(ctx, f.ID),
	} {
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s of a deleted flow: %v", name, err)
		}
	}
}

func TestExactlyOnePublishedFlow(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	if _, err := db.PublishedFlow(ctx); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("no published flow yet: %v", err)
	}
	a, _ := db.CreateFlow(ctx, sampleFlow("A"), store.FlowCheck{Valid: true})
	b, _ := db.CreateFlow(ctx, sampleFlow("B"), store.FlowCheck{Valid: true})
	for _, id := range []int64{a.ID, b.ID, b.ID} {
		if err := db.PublishFlow(ctx, id); err != nil {
			t.Fatal(err)
		}
		p, err := db.PublishedFlow(ctx)
		if err != nil || p.ID != id {
			t.Fatalf("published %+v %v, want %d", p, err, id)
		}
	}
	list, _ := db.Flows(ctx)
	if list[0].Published || !list[1].Published {
		t.Fatalf("list %+v", list)
	}
	// The index refuses a second published flow even from raw SQL.
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE flows SET published = 1 WHERE id = ?`, a.ID)
		return err
	})
	if err == nil {
		t.Fatal("two published flows were allowed")
	}
	if err := db.UnpublishFlow(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.PublishedFlow(ctx); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("after unpublish: %v", err)
	}
}

func TestFlowUsageAndRename(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	f := sampleFlow("Support")
	f.Nodes = append(f.Nodes, flow.Node{ID: "call", Type: "api", Data: flow.NodeData{API: "Orders"}})
	created, _ := db.CreateFlow(ctx, f, store.FlowCheck{})
	db.CreateFlow(ctx, sampleFlow("Other"), store.FlowCheck{})

	api, err := db.SaveAPI(ctx, apicall.Definition{Name: "Orders", URL: "https://shop.test/orders"})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Tx(ctx, func(tx *sql.Tx) error { return store.RenameAttributeInFlowsTx(ctx, tx, "order_id", "order_no") })
	if err != nil {
		t.Fatal(err)
	}
	api.Definition.Name = "Order API"
	if _, err := db.SaveAPI(ctx, api.Definition); err != nil {
		t.Fatal(err)
	}
	got, _ := db.Flow(ctx, created.ID)
	if got.Version != 3 || got.Nodes[1].Data.Attribute != "order_no" || got.Nodes[1].Data.Text != "Order {{order_no}}?" || got.Nodes[2].Data.API != "Order API" {
		t.Fatalf("after renames %+v", got)
	}
}

func TestPublishedCopyIgnoresLaterDrafts(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	f, _ := db.CreateFlow(ctx, sampleFlow("Live"), store.FlowCheck{Valid: true})
	other, _ := db.CreateFlow(ctx, sampleFlow("Other"), store.FlowCheck{Valid: true})
	if err := db.PublishFlow(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	f.Nodes[1].Data.Text = "draft text"
	if _, err := db.SaveFlow(ctx, f, store.FlowCheck{}); err != nil {
		t.Fatal(err)
	}
	live, err := db.PublishedFlow(ctx)
	if err != nil || live.Version != 1 || live.Nodes[1].Data.Text != "Order {{order_id}}?" {
		t.Fatalf("live copy %+v %v", live, err)
	}
	if draft, _ := db.Flow(ctx, f.ID); draft.Version != 2 || draft.Nodes[1].Data.Text != "draft text" {
		t.Fatalf("draft %+v", draft)
	}
	list, _ := db.Flows(ctx)
	if list[0].Name != "Live" || list[0].LiveVersion != 1 || list[0].Version != 2 || list[1].LiveVersion != 0 {
		t.Fatalf("summaries %+v", list)
	}

	if _, err := db.LiveFlow(ctx, other.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("an unpublished flow is gone for live sessions: %v", err)
	}

	if err := db.PublishFlow(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	if live, _ := db.LiveFlow(ctx, f.ID); live.Version != 2 || live.Nodes[1].Data.Text != "draft text" {
		t.Fatalf("publishing again takes the draft live: %+v", live)
	}
	db.UnpublishFlow(ctx, f.ID)
	if _, err := db.PublishedFlow(ctx); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("nothing published: %v", err)
	}
}
