package flow_test

import (
	"reflect"
	"testing"

	"chatflow/backend/flow"
)

func usageFlow() flow.Flow {
	return flow.Flow{Name: "u", Nodes: []flow.Node{
		{ID: "q", Type: "question", Data: flow.NodeData{Text: "Number?", Attribute: "order_id"}},
		{ID: "m", Type: "message", Data: flow.NodeData{Text: "Order {{ order_id }} for {{contact.name}}"}},
		{ID: "c", Type: "condition", Data: flow.NodeData{Expression: `order_id != "order_id" && x.order_id == 1 && order_ids > 0`}},
		{ID: "s", Type: "setAttribute", Data: flow.NodeData{Attribute: "total", Value: "{{ order_idx }}"}},
		{ID: "a", Type: "api", Data: flow.NodeData{API: "Order Status"}},
	}}
}

func TestNodesUsing(t *testing.T) {
	f := usageFlow()
	if got := flow.NodesUsingAttribute(f, "order_id"); !reflect.DeepEqual(got, []string{"q", "m", "c"}) {
		t.Fatalf("attribute usage %v", got)
	}
	if got := flow.NodesUsingAttribute(f, "contact.name"); !reflect.DeepEqual(got, []string{"m"}) {
		t.Fatalf("built-in usage %v", got)
	}
	if got := flow.NodesUsingAPI(f, "order status"); !reflect.DeepEqual(got, []string{"a"}) {
		t.Fatalf("API usage %v", got)
	}
	if got := flow.NodesUsingAttribute(f, "nothing"); got != nil {
		t.Fatalf("unused %v", got)
	}
}

func TestRenameAttributeAndAPI(t *testing.T) {
	f := usageFlow()
	if !flow.RenameAttribute(&f, "order_id", "order_number") {
		t.Fatal("rename reported no change")
	}
	want := map[string]flow.NodeData{
		"q": {Text: "Number?", Attribute: "order_number"},
		"m": {Text: "Order {{ order_number }} for {{contact.name}}"},
		"c": {Expression: `order_number != "order_id" && x.order_id == 1 && order_ids > 0`},
		"s": {Attribute: "total", Value: "{{ order_idx }}"},
	}
	for _, n := range f.Nodes {
		if w, ok := want[n.ID]; ok && !reflect.DeepEqual(n.Data, w) {
			t.Errorf("node %s: %+v, want %+v", n.ID, n.Data, w)
		}
	}
	if flow.RenameAttribute(&f, "absent", "other") {
		t.Error("renaming an unused attribute reports a change")
	}
	if !flow.RenameAPI(&f, "ORDER STATUS", "Orders") || f.Nodes[4].Data.API != "Orders" {
		t.Errorf("RenameAPI: %+v", f.Nodes[4].Data)
	}
}

func TestRenameAttributeInLoopsPathsAndFormats(t *testing.T) {
	f := flow.Flow{Nodes: []flow.Node{{ID: "m", Type: flow.TypeMessage, Data: flow.NodeData{
		Text: "{{orders.#}} {{orders.0.id}} {{ orders | default:\"-\" }} {{#each orders}}{{item.orders}} {{orders.#}}{{/each}} {{orders_x}}",
	}}}}
	if got := flow.NodesUsingAttribute(f, "orders"); !reflect.DeepEqual(got, []string{"m"}) {
		t.Fatalf("usage through a path = %v", got)
	}
	flow.RenameAttribute(&f, "orders", "open_orders")
	want := "{{open_orders.#}} {{open_orders.0.id}} {{ open_orders | default:\"-\" }} {{#each open_orders}}{{item.orders}} {{open_orders.#}}{{/each}} {{orders_x}}"
	if got := f.Nodes[0].Data.Text; got != want {
		t.Fatalf("renamed text =\n%s\nwant\n%s", got, want)
	}
}
