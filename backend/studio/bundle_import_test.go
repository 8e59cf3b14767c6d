package studio

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"chatflow/backend/apicall"
	"chatflow/backend/apperr"
	"chatflow/backend/attribute"
	"chatflow/backend/bundle"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

func importExample(t *testing.T, db *store.DB, replace bool) bundle.Result {
	t.Helper()
	b, err := bundle.Parse(readExample(t))
	if err != nil {
		t.Fatal(err)
	}
	res, err := importBundle(context.Background(), db, b, replace)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func exportBytes(t *testing.T, db *store.DB, secrets bool) []byte {
	t.Helper()
	b, err := New(Deps{DB: db}).Bundles.Export(context.Background(), secrets)
	if err != nil {
		t.Fatal(err)
	}
	out, err := bundle.Encode(b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestImportExampleAndRoundTrip(t *testing.T) {
	ctx := context.Background()
	db := storetest.NewDB(t)
	res := importExample(t, db, false)
	wantCreated := []string{`attribute "order_id"`, `attribute "order_status"`, `attribute "order_eta"`, `API "Order status"`, `flow "Order status"`}
	if !reflect.DeepEqual(res.Created, wantCreated) || res.Published != "Order status" || len(res.Replaced) != 0 || len(res.Drafts) != 0 {
		t.Fatalf("result %+v", res)
	}
	live, err := db.PublishedFlow(ctx)
	if err != nil || live.Name != "Order status" || len(live.Nodes) != 14 || len(live.Edges) != 17 {
		t.Fatalf("published flow %+v %v", live, err)
	}
	list, _ := db.Flows(ctx)
	if !list[0].Valid || list[0].Problems != 0 {
		t.Fatalf("the example flow is valid: %+v", list[0])
	}

	first := exportBytes(t, db, false)
	again, err := bundle.Parse(first)
	if err != nil {
		t.Fatalf("an export parses: %v", err)
	}
	other := storetest.NewDB(t)
	if _, err := importBundle(ctx, other, again, false); err != nil {
		t.Fatalf("an export imports into a new app: %v", err)
	}
	if second := exportBytes(t, other, false); !bytes.Equal(first, second) {
		t.Fatalf("export -> import -> export changed the bundle:\n%s\n---\n%s", first, second)
	}
	orig, _ := bundle.Parse(readExample(t))
	if !reflect.DeepEqual(again.Flows, orig.Flows) {
		t.Fatal("flows differ after the round trip")
	}
	if again.Attributes[0].Name != "order_eta" || again.APIs[0].URL != orig.APIs[0].URL || !reflect.DeepEqual(again.APIs[0].Mappings, orig.APIs[0].Mappings) {
		t.Fatalf("attributes/APIs differ: %+v %+v", again.Attributes, again.APIs)
	}
}

func TestImportRefusesExistingNamesUnlessReplace(t *testing.T) {
	ctx := context.Background()
	db := storetest.NewDB(t)
	importExample(t, db, false)
	before := exportBytes(t, db, true)
	b, _ := bundle.Parse(readExample(t))
	_, err := importBundle(ctx, db, b, false)
	if err == nil || !strings.Contains(err.Error(), `Attribute "order_id": already exists`) {
		t.Fatalf("err = %v", err)
	}
	flowBefore, _ := db.FlowByName(ctx, "Order status")

	b.Flows[0].Nodes[1].Data.Text = "Hello again!"
	b.Attributes[0].Description = "changed"
	res, err := importBundle(ctx, db, b, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Replaced) != 5 || len(res.Created) != 0 {
		t.Fatalf("result %+v", res)
	}
	flowAfter, _ := db.FlowByName(ctx, "Order status")
	if flowAfter.ID != flowBefore.ID || flowAfter.Version != flowBefore.Version+1 || flowAfter.Nodes[1].Data.Text != "Hello again!" || !flowAfter.Published {
		t.Fatalf("replaced flow %+v (before id %d v%d)", flowAfter, flowBefore.ID, flowBefore.Version)
	}
	if a, _ := db.Attribute(ctx, "order_id"); a.Description != "changed" {
		t.Fatalf("attribute %+v", a)
	}
	if bytes.Equal(before, exportBytes(t, db, true)) {
		t.Fatal("replace changed nothing")
	}
}

func TestImportIsAtomic(t *testing.T) {
	ctx := context.Background()
	db := storetest.NewDB(t)
	// A contact holds an order_id that cannot become a number.
	if err := db.CreateAttribute(ctx, attribute.Definition{Name: "order_id", Type: attribute.Text}); err != nil {
		t.Fatal(err)
	}
	c := storetest.Contact(t, db, "1555", "")
	if err := db.SetContactAttribute(ctx, c.ID, "order_id", "A1001"); err != nil {
		t.Fatal(err)
	}
	before := exportBytes(t, db, true)

	b, _ := bundle.Parse(readExample(t))
	b.Attributes = append([]bundle.Attribute{{Name: "fresh", Type: attribute.Text}}, b.Attributes...)
	b.Attributes[1].Type = attribute.Number // order_id: text -> number fails inside the transaction
	_, err := importBundle(ctx, db, b, true)
	if err == nil || err.Error() != `Attribute "order_id": order_id cannot become a number: a contact's value "A1001" is not a number.` ||
		apperr.ErrorCode(err) != apperr.EINVALID {
		t.Fatalf("err = %v", err)
	}
	if after := exportBytes(t, db, true); !bytes.Equal(before, after) {
		t.Fatalf("a failed import changed the database:\n%s", after)
	}

	// A problem found by the check (the last flow) stops everything too.
	b, _ = bundle.Parse(readExample(t))
	b.Attributes[0].Name = "order_no"
	b.Flows = append(b.Flows, bundle.Flow{Name: "Broken", Nodes: nil, Edges: nil})
	b.Flows[1].Nodes = append(b.Flows[1].Nodes, b.Flows[0].Nodes[0])
	b.Flows[1].Nodes[0].Type = "nope"
	if _, err := importBundle(ctx, db, b, true); err == nil || !strings.Contains(err.Error(), `Flow "Broken"`) {
		t.Fatalf("err = %v", err)
	}
	if after := exportBytes(t, db, true); !bytes.Equal(before, after) {
		t.Fatal("a refused import changed the database")
	}
}

func TestSecrets(t *testing.T) {
	ctx := context.Background()
	db := storetest.NewDB(t)
	def := apicall.Definition{Name: "CRM", Method: "GET", URL: "https://crm.example/api",
		Auth: apicall.Auth{Type: "bearer", Token: "s3cret-token"}}
	if _, err := db.SaveAPI(ctx, def); err != nil {
		t.Fatal(err)
	}
	basic := apicall.Definition{Name: "Shop", Method: "GET", URL: "https://shop.example/api",
		Auth: apicall.Auth{Type: "basic", Username: "owner", Password: "pa55"}}
	if _, err := db.SaveAPI(ctx, basic); err != nil {
		t.Fatal(err)
	}
	without := exportBytes(t, db, false)
	if bytes.Contains(without, []byte("s3cret-token")) || bytes.Contains(without, []byte("pa55")) || !bytes.Contains(without, []byte(`"username": "owner"`)) {
		t.Fatalf("export without secrets:\n%s", without)
	}
	if with := exportBytes(t, db, true); !bytes.Contains(with, []byte("s3cret-token")) || !bytes.Contains(with, []byte("pa55")) {
		t.Fatalf("export with secrets lacks them:\n%s", with)
	}
	// Re-importing an export without secrets keeps the stored ones.
	b, _ := bundle.Parse(without)
	if _, err := importBundle(ctx, db, b, true); err != nil {
		t.Fatal(err)
	}
	got, _ := db.APIByName(ctx, "crm")
	if got.Auth.Token != "s3cret-token" {
		t.Fatalf("the token was lost: %+v", got.Auth)
	}
}

func TestImportWithoutSecretsIntoANewApp(t *testing.T) {
	ctx := context.Background()
	src := storetest.NewDB(t)
	if _, err := src.SaveAPI(ctx, apicall.Definition{Name: "CRM", Method: "GET", URL: "https://crm.example/api",
		Auth: apicall.Auth{Type: "apiKey", In: "header", Name: "X-Key", Value: "k"}}); err != nil {
		t.Fatal(err)
	}
	b, _ := bundle.Parse(exportBytes(t, src, false))
	_, err := importBundle(ctx, storetest.NewDB(t), b, false)
	if err == nil || !strings.Contains(err.Error(), `API "CRM": its secret (auth.value) is not in the bundle`) {
		t.Fatalf("err = %v", err)
	}
}

// importBundle imports b into db through the Bundles use case.
func importBundle(ctx context.Context, db *store.DB, b bundle.Bundle, replace bool) (bundle.Result, error) {
	return New(Deps{DB: db}).Bundles.Import(ctx, b, replace)
}
