package watemplates_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"chatflow/backend/store/storetest"
	"chatflow/backend/watemplates"
	"chatflow/backend/whatsapp"
	"chatflow/backend/whatsapp/whatsapptest"
)

func TestSyncStoresEveryPageAndForgetsDeletedTemplates(t *testing.T) {
	ctx := context.Background()
	g := whatsapptest.NewGraph()
	defer g.Close()
	lib := watemplates.New(storetest.NewDB(t))
	g.SetTemplates(
		whatsapptest.Template("order_shipped", "en_US", "Hi {{1}}, order {{2}} shipped.", "Track it"),
		whatsapptest.Template("order_shipped", "es_ES", "Hola {{1}}, pedido {{2}} enviado.", "Seguir"),
		whatsapptest.Template("promo", "en_US", "Sale!"),
		`{"name": 3}`,
	)
	now := time.Now()
	res, err := lib.Sync(ctx, whatsapp.Client{}, g.Config(), now)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 3 || res.Skipped != 1 || len(res.Templates) != 3 || g.TemplateListRequests() != 2 {
		t.Fatalf("first sync: %+v (requests %d)", res, g.TemplateListRequests())
	}
	got, err := lib.Template(ctx, "order_shipped", "es_ES")
	if err != nil || got.Body != "Hola {{1}}, pedido {{2}} enviado." || got.QuickReplies()[0] != "Seguir" {
		t.Fatalf("Template = %+v, %v", got, err)
	}

	g.SetTemplates(whatsapptest.Template("order_shipped", "en_US", "Hi {{1}}, order {{2}} shipped.", "Track it"))
	res, err = lib.Sync(ctx, whatsapp.Client{}, g.Config(), now.Add(time.Minute))
	if err != nil || res.Removed != 2 || res.Unchanged != 1 || len(res.Templates) != 1 {
		t.Fatalf("second sync: %+v, %v", res, err)
	}
	if _, err := lib.Template(ctx, "promo", "en_US"); !errors.Is(err, watemplates.ErrNotSynced) {
		t.Fatalf("a template deleted on Meta's side: %v", err)
	}

	// A failed fetch changes nothing stored.
	g.FailNext(whatsapptest.ServerError)
	if _, err := lib.Sync(ctx, whatsapp.Client{}, g.Config(), now.Add(2*time.Minute)); err == nil {
		t.Fatal("a failed fetch was reported as a sync")
	}
	all, err := lib.List(ctx)
	at, ok, _ := lib.SyncedAt(ctx)
	if err != nil || len(all) != 1 || !ok || !at.Equal(now.Add(time.Minute)) {
		t.Fatalf("after a failed sync: %d templates, synced at %v (%v), %v", len(all), at, ok, err)
	}
}
