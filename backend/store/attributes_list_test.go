package store_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"chatflow/backend/attribute"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

func TestListAttributes(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	okA(t, db.CreateAttribute(ctx, attribute.Definition{Name: "slots", Type: attribute.List}))
	okA(t, db.CreateAttribute(ctx, attribute.Definition{Name: "raw", Type: attribute.Text}))
	c := contactA(t, db, "1")
	okA(t, db.SetContactAttribute(ctx, c, "slots", `[{"id":"s1"}]`))
	okA(t, db.SetContactAttribute(ctx, c, "raw", `[ "a",  "b" ]`))
	okA(t, db.UpdateAttribute(ctx, "raw", attribute.Definition{Name: "raw", Type: attribute.List}, nil))
	vals, _ := db.ContactAttributes(ctx, c)
	if vals["slots"] != `[{"id":"s1"}]` || vals["raw"] != `["a","b"]` {
		t.Fatalf("list values = %v", vals)
	}
	okA(t, db.CreateAttribute(ctx, attribute.Definition{Name: "words", Type: attribute.Text}))
	okA(t, db.SetContactAttribute(ctx, c, "words", "a, b"))
	err := db.UpdateAttribute(ctx, "words", attribute.Definition{Name: "words", Type: attribute.List}, nil)
	if err == nil || !strings.Contains(err.Error(), "is not a list") {
		t.Fatalf("changing a text of words into a list = %v", err)
	}
}

// Migration 0010 rebuilds the attributes table to allow "list". Running it
// again over a filled table shows it keeps every definition and leaves the
// definitions-version triggers working.
func TestListMigrationKeepsAttributes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chatflow.db")
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	okA(t, err)
	okA(t, db.CreateAttribute(ctx, attribute.Definition{Name: "order_id", Type: attribute.Text, Description: "The order."}))
	okA(t, db.CreateAttribute(ctx, attribute.Definition{Name: "Total", Type: attribute.Number}))
	if _, err := db.W.ExecContext(ctx, `DELETE FROM schema_migrations WHERE version = 10`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	db, err = store.Open(ctx, path)
	okA(t, err)
	defer db.Close()
	defs, err := db.Attributes(ctx)
	okA(t, err)
	if len(defs) != 2 || defs[0].Description != "The order." || defs[1].Type != attribute.Number {
		t.Fatalf("attributes after the migration = %+v", defs)
	}
	if _, err := db.LiveAttributes(ctx); err != nil {
		t.Fatal(err)
	}
	okA(t, db.CreateAttribute(ctx, attribute.Definition{Name: "slots", Type: attribute.List}))
	live, err := db.LiveAttributes(ctx)
	okA(t, err)
	if len(live) != 3 {
		t.Fatalf("the live bot did not see the attribute added after the migration: %+v", live)
	}
	if err := db.CreateAttribute(ctx, attribute.Definition{Name: "ORDER_ID", Type: attribute.Text}); err == nil {
		t.Fatal("names are no longer unique regardless of case")
	}
}
