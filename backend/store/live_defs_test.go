package store

import (
	"context"
	"testing"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/flow"
)

// The live bot sees a save or a publish at once, though it reuses decoded
// values in between.
func TestLiveReadsSeeEveryChange(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	api, err := db.SaveAPI(ctx, apicall.Definition{Name: "orders", Method: "GET", URL: "http://127.0.0.1:1/a"})
	if err != nil {
		t.Fatal(err)
	}
	if def, err := db.LiveAPI(ctx, "orders"); err != nil || def.URL != "http://127.0.0.1:1/a" || def.TimeoutMs == 0 {
		t.Fatalf("live API %+v, %v (want the saved URL, normalized)", def, err)
	}
	api.Definition.URL = "http://127.0.0.1:1/b"
	if _, err := db.SaveAPI(ctx, api.Definition); err != nil {
		t.Fatal(err)
	}
	if def, _ := db.LiveAPI(ctx, "orders"); def.URL != "http://127.0.0.1:1/b" {
		t.Fatalf("after a save the live bot still calls %s", def.URL)
	}
	if _, err := db.LiveAPI(ctx, "missing"); err == nil {
		t.Fatal("an unknown API was found")
	}

	f, err := db.CreateFlow(ctx, flow.Flow{Name: "Bot", Nodes: []flow.Node{{ID: "start", Type: "start"},
		{ID: "m", Type: "message", Data: flow.NodeData{Text: "one"}}}}, FlowCheck{Valid: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.PublishFlow(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	live := func() string {
		t.Helper()
		got, err := db.PublishedFlow(ctx)
		if err != nil {
			t.Fatal(err)
		}
		n, _ := got.Node("m")
		return n.Data.Text
	}
	if live() != "one" || live() != "one" {
		t.Fatal("published flow not read")
	}
	f.Nodes[1].Data.Text = "two"
	if _, err := db.SaveFlow(ctx, f, FlowCheck{Valid: true}); err != nil {
		t.Fatal(err)
	}
	if live() != "one" {
		t.Fatal("a draft reached the live bot")
	}
	if err := db.PublishFlow(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	if live() != "two" {
		t.Fatal("republishing did not reach the live bot")
	}
}

// Between changes the live reads come from the cache: a row changed behind
// the triggers' back (they are dropped here to show it) is not seen until
// the counter moves, as it does for any real change, from any connection.
func TestLiveReadsComeFromTheCacheUntilTheDefinitionsChange(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	if _, err := db.SaveAPI(ctx, apicall.Definition{Name: "orders", Method: "GET", URL: "http://127.0.0.1:1/a"}); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateAttribute(ctx, attribute.Definition{Name: "order_id", Type: attribute.Text}); err != nil {
		t.Fatal(err)
	}
	if def, _ := db.LiveAPI(ctx, "orders"); def.URL != "http://127.0.0.1:1/a" {
		t.Fatalf("live API URL %s", def.URL)
	}
	if defs, _ := db.LiveAttributes(ctx); len(defs) != 1 {
		t.Fatalf("live attributes %v", defs)
	}
	if _, err := db.W.ExecContext(ctx, `DROP TRIGGER apis_updated`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.W.ExecContext(ctx, `UPDATE apis SET definition = replace(definition, '/a', '/b')`); err != nil {
		t.Fatal(err)
	}
	if def, _ := db.LiveAPI(ctx, "orders"); def.URL != "http://127.0.0.1:1/a" {
		t.Fatalf("the cached definition was read again: %s", def.URL)
	}

	// Another process (chatflow import, say) adds an attribute.
	other, err := Open(ctx, db.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.CreateAttribute(ctx, attribute.Definition{Name: "order_status", Type: attribute.Text}); err != nil {
		t.Fatal(err)
	}
	if defs, _ := db.LiveAttributes(ctx); len(defs) != 2 {
		t.Fatalf("live attributes after another process added one: %v", defs)
	}
	if def, _ := db.LiveAPI(ctx, "orders"); def.URL != "http://127.0.0.1:1/b" {
		t.Fatalf("after the counter moved the live API is still %s", def.URL)
	}
}
