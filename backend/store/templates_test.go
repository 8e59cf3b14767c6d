package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/whatsapp"
)

func TestReplaceTemplates(t *testing.T) {
	ctx := context.Background()
	db := store.NewTestDB(t)
	if _, ok, err := db.TemplatesSyncedAt(ctx); ok || err != nil {
		t.Fatalf("never synced: ok %v err %v", ok, err)
	}
	shipped := whatsapp.Template{Name: "order_shipped", Language: "en_US", Status: "APPROVED", Category: "UTILITY",
		Body: "Hi {{1}}", Buttons: []whatsapp.TemplateButton{{Type: "quick_reply", Text: "Track"}}}
	promo := whatsapp.Template{Name: "promo", Language: "en_US", Status: "REJECTED", Category: "MARKETING", Body: "Sale"}
	first := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	res, err := db.ReplaceTemplates(ctx, []whatsapp.Template{shipped, promo}, first)
	if err != nil || res.Added != 2 || res.Updated+res.Removed+res.Unchanged != 0 {
		t.Fatalf("first sync: %+v, %v", res, err)
	}
	got, err := db.Template(ctx, "order_shipped", "en_US")
	if err != nil || got.Buttons[0].Text != "Track" || got.Body != "Hi {{1}}" {
		t.Fatalf("Template = %+v, %v", got, err)
	}
	if _, err := db.Template(ctx, "order_shipped", "es_ES"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("another language is not the same template: %v", err)
	}

	// The second sync: promo was deleted on Meta's side, shipped is paused,
	// a Spanish translation appeared.
	shipped.Status = "PAUSED"
	spanish := shipped
	spanish.Language, spanish.Status = "es_ES", "APPROVED"
	res, err = db.ReplaceTemplates(ctx, []whatsapp.Template{shipped, spanish}, first.Add(time.Hour))
	if err != nil || res.Added != 1 || res.Updated != 1 || res.Removed != 1 || res.Unchanged != 0 {
		t.Fatalf("second sync: %+v, %v", res, err)
	}
	all, err := db.Templates(ctx)
	if err != nil || len(all) != 2 || all[0].Language != "en_US" || all[0].Status != "PAUSED" || all[1].Language != "es_ES" {
		t.Fatalf("Templates = %+v, %v", all, err)
	}
	at, ok, err := db.TemplatesSyncedAt(ctx)
	if err != nil || !ok || !at.Equal(first.Add(time.Hour)) {
		t.Fatalf("TemplatesSyncedAt = %v %v %v", at, ok, err)
	}
	res, err = db.ReplaceTemplates(ctx, []whatsapp.Template{shipped, spanish}, first.Add(2*time.Hour))
	if err != nil || res.Unchanged != 2 || res.Added+res.Updated+res.Removed != 0 {
		t.Fatalf("unchanged sync: %+v, %v", res, err)
	}
}
