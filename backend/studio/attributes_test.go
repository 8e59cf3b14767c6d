package studio

import (
	"strings"
	"testing"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/flow"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

// supportFlow is a flow that asks for order_id, says it back and calls the
// "Orders" API.
func supportFlow() flow.Flow {
	return flow.Flow{Name: "Support", Nodes: []flow.Node{
		{ID: "n1", Type: flow.TypeStart},
		{ID: "n2", Type: flow.TypeQuestion, Data: flow.NodeData{Text: "Your order number?", Attribute: "order_id"}},
		{ID: "n3", Type: flow.TypeMessage, Data: flow.NodeData{Text: "Looking up {{order_id}}…"}},
		{ID: "n4", Type: flow.TypeAPI, Data: flow.NodeData{API: "Orders", Routes: []string{"200"}}},
	}}
}

func TestAttributesService(t *testing.T) {
	st, ev := newTestStudio(t, nil)
	ctx := bg
	s := st.Attributes

	created, err := s.Create(bg, attribute.Definition{Name: " order_id ", Type: attribute.Text, Description: "Order number"})
	if err != nil || created.Name != "order_id" || created.BuiltIn || len(created.UsedBy) != 0 {
		t.Fatalf("Create = %+v, %v", created, err)
	}
	if _, err := s.Create(bg, attribute.Definition{Name: "order_status", Type: attribute.Text}); err != nil {
		t.Fatal(err)
	}
	createErrors := []struct {
		def  attribute.Definition
		want string
	}{
		{attribute.Definition{Name: "Order_ID", Type: attribute.Text}, `An attribute named "Order_ID" already exists.`},
		{attribute.Definition{Name: "order id", Type: attribute.Text}, `"order id" may only use letters, digits and underscores, and must not start with a digit.`},
		{attribute.Definition{Name: "contact.name", Type: attribute.Text}, `"contact.name" is a built-in attribute.`},
		{attribute.Definition{Name: "", Type: attribute.Text}, `A name is required.`},
		{attribute.Definition{Name: "x", Type: "color"}, `"color" is not an attribute type (use text, number, boolean, date or list).`},
	}
	for _, c := range createErrors {
		if _, err := s.Create(bg, c.def); err == nil || err.Error() != c.want {
			t.Errorf("Create(%+v) = %v, want %q", c.def, err, c.want)
		}
	}

	if _, err := st.db.SaveAPI(ctx, apicall.Definition{Name: "Orders", URL: "https://shop.test/o/{{order_id}}",
		Mappings: []apicall.Mapping{{Path: "order.status", Attribute: "order_status"}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.db.CreateFlow(ctx, supportFlow(), store.FlowCheck{Valid: true}); err != nil {
		t.Fatal(err)
	}

	list, err := s.List(bg)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != len(attribute.BuiltIns())+2 || !list[0].BuiltIn || list[len(list)-1].Name != "order_status" {
		t.Fatalf("List order = %+v", list)
	}
	byName := map[string]AttributeInfo{}
	for _, a := range list {
		byName[a.Name] = a
	}
	wantUsed := []string{`API "Orders" (URL)`, `flow "Support" (Question “Your order number?”, Message “Looking up {{order_id}}…”)`}
	if got := byName["order_id"].UsedBy; strings.Join(got, "|") != strings.Join(wantUsed, "|") {
		t.Fatalf("order_id used by %q, want %q", got, wantUsed)
	}

	err = s.Delete(bg, "order_status")
	if err == nil || err.Error() != `order_status is used by API "Orders" (mapping order.status), so it cannot be deleted.` {
		t.Fatalf("Delete(order_status) = %v", err)
	}
	err = s.Delete(bg, "order_id")
	if err == nil || !strings.Contains(err.Error(), `flow "Support" (Question “Your order number?”, Message “Looking up {{order_id}}…”)`) {
		t.Fatalf("Delete(order_id) = %v", err)
	}
	if err := s.Delete(bg, "contact.phone"); err == nil || !strings.Contains(err.Error(), "built in") {
		t.Fatalf("Delete(built-in) = %v", err)
	}

	renamed, err := s.Update(bg, "order_id", attribute.Definition{Name: "order_number", Type: attribute.Text, Description: "d"})
	if err != nil || renamed.Name != "order_number" || len(renamed.UsedBy) != 2 {
		t.Fatalf("Update = %+v, %v", renamed, err)
	}
	api, _ := st.db.APIByName(ctx, "Orders")
	f, _ := st.db.FlowByName(ctx, "Support")
	if api.URL != "https://shop.test/o/{{order_number}}" || f.Nodes[1].Data.Attribute != "order_number" || f.Nodes[2].Data.Text != "Looking up {{order_number}}…" {
		t.Fatalf("rename did not follow: api %s, flow %+v", api.URL, f.Nodes)
	}
	if _, err := s.Update(bg, "order_number", attribute.Definition{Name: "order_status", Type: attribute.Text}); err == nil || err.Error() != `An attribute named "order_status" already exists.` {
		t.Fatalf("rename onto taken name = %v", err)
	}
	if _, err := s.Update(bg, "api.status", attribute.Definition{Name: "x", Type: attribute.Text}); err == nil || !strings.Contains(err.Error(), "built in") {
		t.Fatalf("Update(built-in) = %v", err)
	}
	if _, err := s.Update(bg, "ghost", attribute.Definition{Name: "ghost", Type: attribute.Text}); err == nil || err.Error() != `There is no attribute named "ghost".` {
		t.Fatalf("Update(ghost) = %v", err)
	}

	if _, err := s.Create(bg, attribute.Definition{Name: "scratch", Type: attribute.Number}); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(bg, "scratch"); err != nil {
		t.Fatalf("Delete(unused) = %v", err)
	}
	if n := ev.count(EventAttributesChanged); n != 5 {
		t.Errorf("%d %s events, want 5 (3 creates, 1 update, 1 delete)", n, EventAttributesChanged)
	}
}

func TestAttributesContactValues(t *testing.T) {
	st, _ := newTestStudio(t, nil)
	s := st.Attributes
	c := storetest.Contact(t, st.db, "4915550001", "Ann")
	for _, d := range []attribute.Definition{{Name: "qty", Type: attribute.Number}, {Name: "vip", Type: attribute.Boolean}} {
		if _, err := s.Create(bg, d); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name, value string
		want        string
		wantErr     string
	}{
		{"qty", "1,200", "1200", ""},
		{"vip", "yes", "true", ""},
		{"qty", "many", "", `qty: "many" is not a number.`},
		{"vip", "", "", ""},
		{"contact.name", "Bob", "", "contact.name is filled in automatically and cannot be set by hand."},
		{"nothing", "1", "", `There is no attribute named "nothing".`},
	}
	for _, tt := range tests {
		got, err := s.SetContactValue(bg, c.ID, tt.name, tt.value)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("SetContactValue(%s, %q) = %v, want %q", tt.name, tt.value, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got.Value != tt.want {
			t.Errorf("SetContactValue(%s, %q) = %+v, %v; want %q", tt.name, tt.value, got, err, tt.want)
		}
	}
	if _, err := s.SetContactValue(bg, 999, "qty", "1"); err == nil || err.Error() != "There is no contact 999." {
		t.Errorf("value for missing contact = %v", err)
	}
	values, err := s.ContactValues(bg, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []ContactValue{
		{Name: "contact.name", Type: "text", Value: "Ann", BuiltIn: true},
		{Name: "contact.phone", Type: "text", Value: "4915550001", BuiltIn: true},
		{Name: "qty", Type: "number", Value: "1200"},
		{Name: "vip", Type: "boolean", Value: ""},
	}
	if len(values) != len(want) {
		t.Fatalf("ContactValues = %+v", values)
	}
	for i := range want {
		if values[i] != want[i] {
			t.Errorf("ContactValues[%d] = %+v, want %+v", i, values[i], want[i])
		}
	}
	if _, err := s.ContactValues(bg, 999); err == nil {
		t.Error("values of a missing contact")
	}
	list, _ := s.List(bg)
	for _, a := range list {
		if a.Name == "qty" && a.ValueCount != 1 {
			t.Errorf("qty value count = %d", a.ValueCount)
		}
	}
}

func TestAttributesTypeChangeRefused(t *testing.T) {
	st, _ := newTestStudio(t, nil)
	s := st.Attributes
	c := storetest.Contact(t, st.db, "1", "")
	if _, err := s.Create(bg, attribute.Definition{Name: "code", Type: attribute.Text}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetContactValue(bg, c.ID, "code", "AB-1"); err != nil {
		t.Fatal(err)
	}
	_, err := s.Update(bg, "code", attribute.Definition{Name: "code", Type: attribute.Number})
	if err == nil || err.Error() != `code cannot become a number: a contact's value "AB-1" is not a number.` {
		t.Fatalf("type change = %v", err)
	}
}
