package store_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"chatflow/backend/apicall"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

func TestAPIsCRUD(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	def := apicall.Definition{
		Name: "Order status", Method: "get", URL: "https://shop.test/api/orders/{{order_id}}",
		Query:           []apicall.KV{{Key: "lang", Value: "en"}, {Key: "debug", Value: "1", Disabled: true}},
		Headers:         []apicall.KV{{Key: "Accept", Value: "application/json"}},
		Auth:            apicall.Auth{Type: apicall.AuthBearer, Token: "secret"},
		Mappings:        []apicall.Mapping{{Path: "order.status", Attribute: "order_status"}},
		SampleResponse:  `{"order":{"status":"shipped"}}`,
		SampleStructure: []apicall.PathSample{{Path: "order.status", Sample: "shipped", Type: "string"}},
	}
	saved, err := db.SaveAPI(ctx, def)
	if err != nil {
		t.Fatal(err)
	}
	if saved.ID == 0 || saved.Method != "GET" || saved.TimeoutMs != 10000 || saved.CreatedAt.IsZero() {
		t.Fatalf("saved = %+v", saved)
	}
	want := def.Normalized()
	want.ID = saved.ID
	if !reflect.DeepEqual(saved.Definition, want) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", saved.Definition, want)
	}
	byName, err := db.APIByName(ctx, "order STATUS")
	if err != nil || byName.ID != saved.ID || byName.Auth.Token != "secret" {
		t.Fatalf("APIByName = %+v, %v", byName, err)
	}
	_, err = db.APIByName(ctx, "nope")
	if !errors.Is(err, store.ErrNotFound) || !errors.Is(err, apicall.ErrNotFound) {
		t.Fatalf("APIByName(nope) = %v, want both not-found errors", err)
	}

	other, err := db.SaveAPI(ctx, apicall.Definition{Name: "Bookings", URL: "https://book.test/slots"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveAPI(ctx, apicall.Definition{Name: "bookings", URL: "https://x.test"}); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("duplicate create = %v", err)
	}
	other.Name = "Order Status"
	if _, err := db.SaveAPI(ctx, other.Definition); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("rename onto a taken name = %v", err)
	}
	if _, err := db.SaveAPI(ctx, apicall.Definition{ID: 999, Name: "Ghost", URL: "https://x.test"}); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("update of a missing id = %v", err)
	}
	var fe *apicall.FieldError
	if _, err := db.SaveAPI(ctx, apicall.Definition{Name: "Bad", URL: "ftp://x"}); !errors.As(err, &fe) || fe.Field != "url" {
		t.Fatalf("invalid definition = %v", err)
	}

	saved.URL = "https://shop.test/v2/orders/{{order_id}}"
	saved.SampleResponse = ""
	updated, err := db.SaveAPI(ctx, saved.Definition)
	if err != nil || updated.URL != saved.URL || updated.SampleResponse != "" || !updated.UpdatedAt.After(saved.CreatedAt.Add(-1)) {
		t.Fatalf("update = %+v, %v", updated, err)
	}

	searches := []struct {
		q    string
		want []string
	}{
		{"", []string{"Bookings", "Order status"}},
		{"ORDER", []string{"Order status"}},
		{"book.test", []string{"Bookings"}},
		{"%", nil},
		{"_", []string{"Order status"}}, // only in its URL placeholder
	}
	for _, s := range searches {
		list, err := db.APIs(ctx, s.q)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, a := range list {
			names = append(names, a.Name)
		}
		if !reflect.DeepEqual(names, s.want) {
			t.Errorf("APIs(%q) = %v, want %v", s.q, names, s.want)
		}
	}

	if err := db.DeleteAPI(ctx, other.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.API(ctx, other.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("deleted API still loads: %v", err)
	}
	if err := db.DeleteAPI(ctx, other.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("second delete = %v", err)
	}
}
