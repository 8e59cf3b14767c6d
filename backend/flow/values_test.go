package flow_test

import (
	"reflect"
	"testing"

	"chatflow/backend/flow"
)

func TestLookupValue(t *testing.T) {
	values := map[string]string{
		"orders":        `[{"id":"A1","status":"open","total":12.50,"lines":[{"sku":"x"}]},{"id":"A2","status":"shipped","total":3}]`,
		"tags":          `["red","green"]`,
		"chosen":        `{"id":"s12","time":"15:30","price":20,"vip":true,"note":null}`,
		"order_id":      "A1",
		"contact.name":  "Ana",
		"empty":         "[]",
		"not_json":      "hello.world",
		"message.text":  "hi",
		"message.media": `{"path":"x"}`,
	}
	tests := []struct {
		name, want string
		ok         bool
	}{
		{"order_id", "A1", true},
		{"contact.name", "Ana", true},
		{"orders.#", "2", true},
		{"orders.0.id", "A1", true},
		{"orders.1.status", "shipped", true},
		{"orders.0.total", "12.50", true},
		{"orders.0.lines.0.sku", "x", true},
		{"orders.0.lines", `[{"sku":"x"}]`, true},
		{"orders.2.id", "", false},
		{"orders.-1.id", "", false},
		{"orders.01.id", "", false},
		{"orders.x", "", false},
		{"tags.1", "green", true},
		{"tags.#", "2", true},
		{"empty.#", "0", true},
		{"chosen.price", "20", true},
		{"chosen.vip", "true", true},
		{"chosen.note", "", true},
		{"chosen.missing", "", false},
		{"not_json.world", "", false},
		{"message.media.path", "x", true},
		{"nothing", "", false},
		{"nothing.at.all", "", false},
	}
	for _, tt := range tests {
		got, ok := flow.LookupValue(values, tt.name)
		if got != tt.want || ok != tt.ok {
			t.Errorf("LookupValue(%q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestListItems(t *testing.T) {
	items, ok := flow.ListItems(`[{"b":1, "a":2}, "x", 3.50, null, true, ["y"]]`)
	want := []string{`{"b":1,"a":2}`, "x", "3.50", "", "true", `["y"]`}
	if !ok || !reflect.DeepEqual(items, want) {
		t.Fatalf("ListItems = %q, %v; want %q", items, ok, want)
	}
	if items, ok := flow.ListItems(""); !ok || len(items) != 0 {
		t.Fatalf("ListItems of no value = %q, %v; want an empty list", items, ok)
	}
	if _, ok := flow.ListItems(`{"a":1}`); ok {
		t.Fatal("ListItems accepted an object")
	}
}
