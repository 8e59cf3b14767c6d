package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

func TestReplaceTemplates(t *testing.T) {
	ctx := context.Background()
	db := storetest.NewDB(t)
	if _, ok, err := db.TemplatesSyncedAt(ctx); ok || err != nil {
		t.Fatalf("never synced: ok %v err %v", ok, err)
	}
	shipped := store.TemplateRow{Name: "order_shipped", Language: "en_US", Status: "APPROVED", Category: "UTILITY", Doc: `{"body":"Hi"}`}
	promo := store.TemplateRow{Name: "promo", Language: "en_US", Status: "REJECTED", Category: "MARKETING", Doc: `{"body":"Sale"}`}
	first := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	res, err := db.ReplaceTemplates(ctx, []store.TemplateRow{shipped, promo}, first)
	if err != nil || res.Added != 2 || res.Updated+res.Removed+res.Unchanged != 0 {
		t.Fatalf("first sync: %+v, %v", res, err)
	}
	got, err := db.TemplateRow(ctx, "order_shipped", "en_US")
	if err != nil || got != shipped {
		t.Fatalf("TemplateRow = %+v, %v", got, err)
	}
	if _, err := db.TemplateRow(ctx, "order_shipped", "es_ES"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("another language is not the same template: %v", err)
	}

	// The second sync: promo was deleted on Meta's side, shipped is paused,
	// a Spanish translation appeared.
	shipped.Status, shipped.Doc = "PAUSED", `{"body":"Hi","status":"PAUSED"}`
	spanish := shipped
	spanish.Language, spanish.Status = "es_ES", "APPROVED"
	res, err = db.ReplaceTemplates(ctx, []store.TemplateRow{shipped, spanish}, first.Add(time.Hour))
	if err != nil || res.Added != 1 || res.Updated != 1 || res.Removed != 1 || res.Unchanged != 0 {
		t.Fatalf("second sync: %+v, %v", res, err)
	}
	all, err := db.TemplateRows(ctx)
	if err != nil || len(all) != 2 || all[0] != shipped || all[1] != spanish {
		t.Fatalf("TemplateRows = %+v, %v", all, err)
	}
	at, ok, err := db.TemplatesSyncedAt(ctx)
	if err != nil || !ok || !at.Equal(first.Add(time.Hour)) {
		t.Fatalf("TemplatesSyncedAt = %v %v %v", at, ok, err)
	}
	res, err = db.ReplaceTemplates(ctx, []store.TemplateRow{shipped, spanish}, first.Add(2*time.Hour))
	if err != nil || res.Unchanged != 2 || res.Added+res.Updated+res.Removed != 0 {
		t.Fatalf("unchanged sync: %+v, %v", res, err)
	}
	if _, err := db.ReplaceTemplates(ctx, nil, first.Add(3*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if all, _ := db.TemplateRows(ctx); len(all) != 0 {
		t.Fatalf("an empty sync leaves %d templates", len(all))
	}
}
