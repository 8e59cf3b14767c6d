package studio

import (
	"os"
	"strings"
	"testing"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/bundle"
	"chatflow/backend/flow"
)

func TestCheck(t *testing.T) {
	example := func(t *testing.T) bundle.Bundle {
		b, err := bundle.Parse(readExample(t))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	existing := Existing{
		Attributes: []attribute.Definition{{Name: "ORDER_ID", Type: attribute.Text}},
		APIs:       []apicall.Definition{{Name: "order STATUS"}},
		Flows:      []string{"Order Status"},
	}
	tests := []struct {
		name     string
		edit     func(b *bundle.Bundle)
		existing Existing
		replace  bool
		want     string // "" means no error
	}{
		{"example into empty app", nil, Existing{}, false, ""},
		{"names exist", nil, existing, false, `Attribute "order_id": already exists; import with replace to overwrite it (and 2 more problems).`},
		{"names exist with replace", nil, existing, true, ""},
		{"bad attribute name", func(b *bundle.Bundle) { b.Attributes[0].Name = "order id" }, Existing{}, false, `Attribute "order id": "order id" may only use letters, digits and underscores`},
		{"bad attribute type", func(b *bundle.Bundle) { b.Attributes[0].Type = "money" }, Existing{}, false, `Attribute "order_id": "money" is not an attribute type`},
		{"attribute twice", func(b *bundle.Bundle) { b.Attributes = append(b.Attributes, b.Attributes[0]) }, Existing{}, false, `Attribute "order_id": is listed twice`},
		{"API without URL", func(b *bundle.Bundle) { b.APIs[0].URL = "" }, Existing{}, false, `API "Order status": Enter the URL of the API.`},
		{"API twice", func(b *bundle.Bundle) { b.APIs = append(b.APIs, b.APIs[0]) }, Existing{}, false, `API "Order status": is listed twice`},
		{"API maps to a missing attribute", func(b *bundle.Bundle) {
			b.APIs[0].Mappings = append(b.APIs[0].Mappings, apicall.Mapping{Path: "order.total", Attribute: "total"})
		}, Existing{}, false, `API "Order status": Mapping 3 sets "total", which is not an attribute yet; create it first.`},
		{"mapping to an existing attribute", func(b *bundle.Bundle) {
			b.APIs[0].Mappings = append(b.APIs[0].Mappings, apicall.Mapping{Path: "order.total", Attribute: "total"})
		}, Existing{Attributes: []attribute.Definition{{Name: "total", Type: attribute.Number}}}, false, ""},
		{"flow without name", func(b *bundle.Bundle) { b.Flows[0].Name = " " }, Existing{}, false, `Flow " ": Give the flow a name.`},
		{"two published flows", func(b *bundle.Bundle) {
			second := b.Flows[0]
			second.Name = "Copy"
			b.Flows = append(b.Flows, second)
		}, Existing{}, false, `Flow "Copy": is published, and so is "Order status"`},
		{"published flow with errors", func(b *bundle.Bundle) { b.APIs = nil }, Existing{}, false,
			`Flow "Order status": has 1 error to fix before it can go live (API call “Order status”: There is no API named "Order status").`},
		{"published flow calling an existing API", func(b *bundle.Bundle) { b.APIs = nil }, Existing{APIs: []apicall.Definition{{Name: "Order Status"}}}, false, ""},
		{"draft with errors is fine", func(b *bundle.Bundle) { b.APIs = nil; b.Flows[0].Published = false }, Existing{}, false, ""},
		{"unknown node type even in a draft", func(b *bundle.Bundle) {
			b.Flows[0].Published = false
			b.Flows[0].Nodes[3].Type = "teleport"
		}, Existing{}, false, `Flow "Order status": node "lookup" has the unknown type "teleport"`},
		{"edge to nowhere", func(b *bundle.Bundle) {
			b.Flows[0].Edges = append(b.Flows[0].Edges, flow.Edge{ID: "x", Source: "start", Target: "ghost"})
		}, Existing{}, false, `the connection "x" joins nodes that do not exist`},
		{"duplicate node ids", func(b *bundle.Bundle) { b.Flows[0].Nodes[1].ID = "start" }, Existing{}, false, `two nodes share the id "start"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := example(t)
			if tt.edit != nil {
				tt.edit(&b)
			}
			err := CheckBundle(b, tt.existing, tt.replace)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("error %v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

const examplePath = "../../docs/examples/order-status.json"

func readExample(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(examplePath)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
