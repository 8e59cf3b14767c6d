package store

import (
	"context"
	"testing"

	"chatflow/backend/apicall"
	"chatflow/backend/flow"
)

func TestMemoDecodesOnlyWhenTheTextChanges(t *testing.T) {
	var m memo[int]
	decodes := 0
	decode := func(s string) (int, error) { decodes++; return len(s), nil }
	for _, text := range []string{"ab", "ab", "abc", "abc", "ab"} {
		if v, _ := m.get("k", text, decode); v != len(text) {
			t.Fatalf("get(%q) = %d", text, v)
		}
	}
	if decodes != 3 {
		t.Fatalf("%d decodes for texts ab ab abc abc ab, want 3", decodes)
	}
}

// The live bot sees a save or a publish at once, though it reuses decoded
// values in between.
func TestLiveReadsSeeEveryChange(t *testing.T) {
	db := NewTestDB(t)
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
