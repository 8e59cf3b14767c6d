package store_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"chatflow/backend/flow"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

func TestTriggers(t *testing.T) {
	ctx := context.Background()
	db := storetest.NewDB(t)
	f, err := db.CreateFlow(ctx, flow.Flow{Name: "Order shipped"}, store.FlowCheck{Valid: true})
	if err != nil {
		t.Fatal(err)
	}
	byFlow, err := db.CreateTrigger(ctx, store.Trigger{Name: "order-shipped", FlowID: f.ID, TokenHash: "h1", TokenHint: "cft_abcd"})
	if err != nil {
		t.Fatal(err)
	}
	if byFlow.FlowName != "Order shipped" || byFlow.ID == 0 || byFlow.Parameters == nil || byFlow.Uses != 0 || !byFlow.LastUsedAt.IsZero() {
		t.Fatalf("created = %+v", byFlow)
	}
	if _, err := db.CreateTrigger(ctx, store.Trigger{Name: "ORDER-SHIPPED", Template: "x", Language: "en", TokenHash: "h", TokenHint: "c"}); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("a name taken in another case: %v", err)
	}
	byTemplate, err := db.CreateTrigger(ctx, store.Trigger{Name: "Delivered", Template: "order_delivered", Language: "en_US",
		Parameters: []string{"{{contact.name}}", "{{order_id}}"}, HeaderMediaURL: "https://cdn.example/p.jpg", TokenHash: "h2", TokenHint: "cft_efgh"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.TriggerByName(ctx, "delivered")
	if err != nil || !reflect.DeepEqual(got, byTemplate) || got.Parameters[1] != "{{order_id}}" {
		t.Fatalf("TriggerByName = %+v, %v", got, err)
	}

	at := time.Now()
	if err := store.NoteTriggerUseTx(ctx, db.W, byFlow.ID, at); err != nil {
		t.Fatal(err)
	}
	// Deleting the flow leaves the trigger, without a flow.
	if err := db.DeleteFlow(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	all, err := db.Triggers(ctx)
	if err != nil || len(all) != 2 || all[0].Name != "Delivered" || all[1].Name != "order-shipped" {
		t.Fatalf("Triggers = %+v, %v", all, err)
	}
	if all[1].FlowID != 0 || all[1].FlowName != "" || all[1].Uses != 1 || all[1].LastUsedAt.UnixMilli() != at.UnixMilli() {
		t.Fatalf("after the flow was deleted: %+v", all[1])
	}
	if err := db.DeleteTrigger(ctx, "Order-Shipped"); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteTrigger(ctx, "order-shipped"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("deleting twice: %v", err)
	}
	if _, err := db.TriggerByName(ctx, "order-shipped"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("a removed trigger: %v", err)
	}
}
