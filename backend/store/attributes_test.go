package store_test

import (
	"context"
	"database/sql"
	"errors"
	"reflect"
	"strings"
	"testing"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/flow"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

func TestAttributesCRUD(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	for _, d := range []attribute.Definition{
		{Name: "order_id", Type: attribute.Text, Description: "The order number."},
		{Name: "Total", Type: attribute.Number},
	} {
		if err := db.CreateAttribute(ctx, d); err != nil {
			t.Fatalf("create %s: %v", d.Name, err)
		}
	}
	tests := []struct {
		name    string
		def     attribute.Definition
		wantErr error
		wantMsg string
	}{
		{"duplicate", attribute.Definition{Name: "order_id", Type: attribute.Text}, store.ErrConflict, ""},
		{"duplicate ignoring case", attribute.Definition{Name: "ORDER_ID", Type: attribute.Number}, store.ErrConflict, ""},
		{"invalid name", attribute.Definition{Name: "order id", Type: attribute.Text}, attribute.ErrInvalidName, ""},
		{"built-in", attribute.Definition{Name: "contact.name", Type: attribute.Text}, attribute.ErrInvalidName, ""},
		{"bad type", attribute.Definition{Name: "x", Type: "color"}, nil, "not an attribute type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := db.CreateAttribute(ctx, tt.def)
			if err == nil || (tt.wantErr != nil && !errors.Is(err, tt.wantErr)) || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Fatalf("CreateAttribute = %v, want %v %q", err, tt.wantErr, tt.wantMsg)
			}
		})
	}
	got, err := db.Attributes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []attribute.Definition{{Name: "order_id", Type: attribute.Text, Description: "The order number."}, {Name: "Total", Type: attribute.Number}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Attributes = %+v, want %+v", got, want)
	}
	if d, err := db.Attribute(ctx, "total"); err != nil || d.Name != "Total" {
		t.Fatalf("Attribute(total) = %+v, %v", d, err)
	}
	if _, err := db.Attribute(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Attribute(nope) = %v", err)
	}
}

func TestUpdateAttributeRenamesEverywhere(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	okA(t, db.CreateAttribute(ctx, attribute.Definition{Name: "order_id", Type: attribute.Text}))
	okA(t, db.CreateAttribute(ctx, attribute.Definition{Name: "other", Type: attribute.Text}))
	c := contactA(t, db, "111")
	okA(t, db.SetContactAttribute(ctx, c, "order_id", "A-7"))
	api, err := db.SaveAPI(ctx, apicall.Definition{Name: "Orders", URL: "https://shop.test/o/{{order_id}}",
		Headers:  []apicall.KV{{Key: "X-Order", Value: "{{ order_id }}"}},
		Body:     `{"id": "{{order_id}}", "o": "{{order_id_2}}"}`,
		Mappings: []apicall.Mapping{{Path: "order.id", Attribute: "order_id"}, {Path: "x", Attribute: "other"}}})
	okA(t, err)

	extraRan := false
	err = db.UpdateAttribute(ctx, "order_id", attribute.Definition{Name: "order_number", Type: attribute.Text, Description: "d"},
		func(tx *sql.Tx) error { extraRan = true; return nil })
	okA(t, err)
	if !extraRan {
		t.Error("the extra step did not run")
	}
	if _, err := db.Attribute(ctx, "order_id"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("old name still there: %v", err)
	}
	vals, _ := db.ContactAttributes(ctx, c)
	if !reflect.DeepEqual(vals, attribute.Values{"order_number": "A-7"}) {
		t.Errorf("contact values = %v", vals)
	}
	got, _ := db.API(ctx, api.ID)
	if got.URL != "https://shop.test/o/{{order_number}}" || got.Headers[0].Value != "{{order_number}}" ||
		got.Body != `{"id": "{{order_number}}", "o": "{{order_id_2}}"}` ||
		got.Mappings[0].Attribute != "order_number" || got.Mappings[1].Attribute != "other" {
		t.Errorf("api not renamed: %+v", got.Definition)
	}

	// A failing extra step rolls the whole rename back.
	err = db.UpdateAttribute(ctx, "order_number", attribute.Definition{Name: "ref", Type: attribute.Text},
		func(tx *sql.Tx) error { return errors.New("flows refused") })
	if err == nil {
		t.Fatal("rename succeeded although the extra step failed")
	}
	if _, err := db.Attribute(ctx, "order_number"); err != nil {
		t.Errorf("rollback lost the attribute: %v", err)
	}
	if err := db.UpdateAttribute(ctx, "order_number", attribute.Definition{Name: "other", Type: attribute.Text}, nil); !errors.Is(err, store.ErrConflict) {
		t.Errorf("rename onto an existing name = %v", err)
	}
	if err := db.UpdateAttribute(ctx, "ghost", attribute.Definition{Name: "ghost2", Type: attribute.Text}, nil); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("rename of a missing attribute = %v", err)
	}
}

func TestUpdateAttributeType(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	okA(t, db.CreateAttribute(ctx, attribute.Definition{Name: "qty", Type: attribute.Text}))
	a, b := contactA(t, db, "1"), contactA(t, db, "2")
	okA(t, db.SetContactAttribute(ctx, a, "qty", "1,000"))
	okA(t, db.SetContactAttribute(ctx, b, "qty", "12.0"))
	okA(t, db.UpdateAttribute(ctx, "qty", attribute.Definition{Name: "qty", Type: attribute.Number}, nil))
	va, _ := db.ContactAttributes(ctx, a)
	vb, _ := db.ContactAttributes(ctx, b)
	if va["qty"] != "1000" || vb["qty"] != "12" {
		t.Fatalf("converted values = %v %v", va, vb)
	}
	okA(t, db.SetContactAttribute(ctx, b, "qty", "12"))
	err := db.UpdateAttribute(ctx, "qty", attribute.Definition{Name: "qty", Type: attribute.Boolean}, nil)
	if err == nil || !strings.Contains(err.Error(), `"1000" is not yes/no`) {
		t.Fatalf("type change with unfit values = %v", err)
	}
	if d, _ := db.Attribute(ctx, "qty"); d.Type != attribute.Number {
		t.Fatalf("refused type change was stored: %v", d.Type)
	}
}

func TestDeleteAttribute(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	okA(t, db.CreateAttribute(ctx, attribute.Definition{Name: "tmp", Type: attribute.Text}))
	c := contactA(t, db, "1")
	okA(t, db.SetContactAttribute(ctx, c, "tmp", "x"))
	counts, err := db.AttributeValueCounts(ctx)
	if err != nil || counts["tmp"] != 1 {
		t.Fatalf("counts = %v, %v", counts, err)
	}
	okA(t, db.DeleteAttribute(ctx, "TMP"))
	if vals, _ := db.ContactAttributes(ctx, c); len(vals) != 0 {
		t.Errorf("values survived the delete: %v", vals)
	}
	if err := db.DeleteAttribute(ctx, "tmp"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second delete = %v", err)
	}
}

func okA(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func contactA(t *testing.T, db *store.DB, waID string) int64 {
	t.Helper()
	return storetest.Contact(t, db, waID, "C"+waID).ID
}

// Renames reach the published copy that customers run, not only the draft.
func TestRenamesReachThePublishedFlow(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	okA(t, db.CreateAttribute(ctx, attribute.Definition{Name: "order_id", Type: attribute.Text}))
	api, err := db.SaveAPI(ctx, apicall.Definition{Name: "Orders", URL: "https://shop.test/{{order_id}}"})
	okA(t, err)
	f, err := db.CreateFlow(ctx, flow.Flow{Name: "Support", Nodes: []flow.Node{
		{ID: "n1", Type: flow.TypeStart},
		{ID: "n2", Type: flow.TypeQuestion, Data: flow.NodeData{Text: "Order?", Attribute: "order_id"}},
		{ID: "n3", Type: flow.TypeAPI, Data: flow.NodeData{API: "Orders", Routes: []string{"200"}}},
	}}, store.FlowCheck{Valid: true})
	okA(t, err)
	okA(t, db.PublishFlow(ctx, f.ID))
	before, err := db.LiveFlow(ctx, f.ID)
	okA(t, err)

	okA(t, db.UpdateAttribute(ctx, "order_id", attribute.Definition{Name: "order_number", Type: attribute.Text},
		func(tx *sql.Tx) error { return store.RenameAttributeInFlowsTx(ctx, tx, "order_id", "order_number") }))
	api.Name = "Order lookup"
	_, err = db.SaveAPI(ctx, api.Definition)
	okA(t, err)

	for _, load := range []func(context.Context, int64) (flow.Flow, error){db.Flow, db.LiveFlow} {
		got, err := load(ctx, f.ID)
		okA(t, err)
		if got.Nodes[1].Data.Attribute != "order_number" || got.Nodes[2].Data.API != "Order lookup" {
			t.Fatalf("renames missing: %+v", got.Nodes)
		}
	}
	after, _ := db.LiveFlow(ctx, f.ID)
	if after.Version <= before.Version {
		t.Fatalf("live version %d not past %d", after.Version, before.Version)
	}
}
