package attribute_test

import (
	"strings"
	"testing"

	"chatflow/backend/attribute"
)

func TestCoerceList(t *testing.T) {
	tests := []struct {
		name, raw, want, wantErr string
	}{
		{"array of objects compacted", `[ {"id": "s1", "time": "09:00"},
			{"id": "s2", "time": "09:30"} ]`, `[{"id":"s1","time":"09:00"},{"id":"s2","time":"09:30"}]`, ""},
		{"array of values", `["a", 1, true, null]`, `["a",1,true,null]`, ""},
		{"empty array is a value", `[]`, `[]`, ""},
		{"spaces inside strings kept", `[" a  b "]`, `[" a  b "]`, ""},
		{"multi-byte and emoji kept", `["café 🍰"]`, `["café 🍰"]`, ""},
		{"nothing is no value", "  ", "", ""},
		{"object refused", `{"id": 1}`, "", "is not a list"},
		{"number refused", `42`, "", "is not a list"},
		{"plain text refused", `a, b, c`, "", "is not a list"},
		{"broken JSON refused", `[1, 2`, "", "is not a list"},
		{"trailing text refused", `[1] [2]`, "", "is not a list"},
		{"huge list refused", "[" + strings.Repeat(`"xxxxxxxxxx",`, attribute.MaxListBytes/13+1) + `"x"]`, "", "map a narrower path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := attribute.Coerce(attribute.List, tt.raw)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Coerce(list, %.40q) error = %v, want %q", tt.raw, err, tt.wantErr)
				}
				if len(err.Error()) > 200 {
					t.Fatalf("error message is %d bytes long; it must stay one short sentence", len(err.Error()))
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Coerce(list, %q) = %q, %v; want %q", tt.raw, got, err, tt.want)
			}
		})
	}
}

func TestListIsAType(t *testing.T) {
	if !attribute.List.Valid() {
		t.Fatal("list is not a valid type")
	}
	if err := (attribute.Definition{Name: "slots", Type: attribute.List}).Validate(); err != nil {
		t.Fatalf("a list attribute does not validate: %v", err)
	}
}

func TestLookup(t *testing.T) {
	values := attribute.Values{
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
		got, ok := values.Lookup(tt.name)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Lookup(%q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestItems(t *testing.T) {
	items, ok := attribute.Items(`[{"b":1,"a":2}, "x"]`)
	if !ok || len(items) != 2 || string(items[0]) != `{"b":1,"a":2}` || string(items[1]) != `"x"` {
		t.Fatalf("Items = %q, %v", items, ok)
	}
	if items, ok := attribute.Items(""); !ok || len(items) != 0 {
		t.Fatalf("Items of no value = %q, %v; want an empty list", items, ok)
	}
	if _, ok := attribute.Items(`{"a":1}`); ok {
		t.Fatal("Items accepted an object")
	}
}
