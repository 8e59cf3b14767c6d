package flow_test

import (
	"reflect"
	"strings"
	"testing"

	"chatflow/backend/flow"
)

// typedEnv adds attribute types to env.
type typedEnv struct{ env }

func (typedEnv) AttributeExists(name string) bool {
	return name == "slots" || name == "chosen" || name == "order_id" || name == "contact.name"
}

func (typedEnv) AttributeType(name string) string {
	switch name {
	case "slots":
		return "list"
	case "chosen", "order_id", "contact.name":
		return "text"
	}
	return ""
}

func dynamicFlow(typ string, d flow.NodeData) flow.Flow {
	return flow.Flow{Name: "Slots", Nodes: []flow.Node{
		{ID: "start", Type: "start"},
		{ID: "pick", Type: typ, Data: d},
		{ID: "ok", Type: "message", Data: flow.NodeData{Text: "At {{chosen.time}}"}},
		{ID: "none", Type: "end", Data: flow.NodeData{Text: "Nothing left"}},
	}, Edges: []flow.Edge{
		{ID: "e1", Source: "start", Target: "pick"},
		{ID: "e2", Source: "pick", SourceHandle: "out", Target: "ok"},
		{ID: "e3", Source: "pick", SourceHandle: "empty", Target: "none"},
		{ID: "e4", Source: "ok", Target: "none"},
	}}
}

func TestDynamicRowsOutputsAndChecks(t *testing.T) {
	good := flow.NodeData{Text: "Pick a time", Button: "Times", RowsFrom: "slots", RowTitle: "{{item.time}} {{index}}",
		RowDescription: "{{item.price | number:2}} for {{contact.name}}", RowID: "{{item.id}}", Attribute: "chosen"}
	for _, typ := range []string{"list", "buttons"} {
		d := good
		if typ == "buttons" {
			d.RowDescription = ""
		}
		f := dynamicFlow(typ, d)
		if got := flow.Outputs(f.Nodes[1]); !reflect.DeepEqual(got, []string{"out", "empty"}) {
			t.Fatalf("%s outputs = %v", typ, got)
		}
		if p := flow.Validate(f, typedEnv{}); len(p) != 0 {
			t.Fatalf("%s problems in a good dynamic node: %+v", typ, p)
		}
	}
	tests := []struct {
		name, typ, field, severity, want string
		edit                             func(d *flow.NodeData)
	}{
		{"missing list", "list", "rowsFrom", "error", `no attribute named "nope"`, func(d *flow.NodeData) { d.RowsFrom = "nope" }},
		{"not a list", "list", "rowsFrom", "error", "order_id is a text attribute", func(d *flow.NodeData) { d.RowsFrom = "order_id" }},
		{"no title", "list", "rowTitle", "error", "Write the title of each row", func(d *flow.NodeData) { d.RowTitle = " " }},
		{"bad title template", "list", "rowTitle", "error", `"dat" is not a format`, func(d *flow.NodeData) { d.RowTitle = "{{item.day | dat}}" }},
		{"unknown name in a row", "list", "rowDescription", "warning", "{{price}} is not an attribute", func(d *flow.NodeData) { d.RowDescription = "{{price}}" }},
		{"no list button", "list", "button", "error", "is empty", func(d *flow.NodeData) { d.Button = "" }},
		{"description on buttons", "buttons", "rowDescription", "warning", "show no description", func(d *flow.NodeData) {}},
		{"item into a list", "list", "attribute", "warning", "receives the one item chosen", func(d *flow.NodeData) { d.Attribute = "slots" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := good
			tt.edit(&d)
			var found []flow.Problem
			for _, p := range flow.Validate(dynamicFlow(tt.typ, d), typedEnv{}) {
				if p.NodeID == "pick" && p.Field == tt.field {
					found = append(found, p)
				}
			}
			if len(found) != 1 || found[0].Severity != tt.severity || !strings.Contains(found[0].Message, tt.want) {
				t.Fatalf("problems on %s = %+v, want one %s with %q", tt.field, found, tt.severity, tt.want)
			}
		})
	}
}

func TestRowTemplatesUseAndRenameAttributesButNotTheItem(t *testing.T) {
	f := dynamicFlow("list", flow.NodeData{Text: "Pick", Button: "Times", RowsFrom: "slots",
		RowTitle: "{{item.time}} {{item}} for {{contact.name}}", RowID: "{{item.id}}-{{order_id}}"})
	if got := flow.NodesUsingAttribute(f, "item"); got != nil {
		t.Fatalf("the loop item counts as the attribute item: %v", got)
	}
	if got := flow.NodesUsingAttribute(f, "slots"); !reflect.DeepEqual(got, []string{"pick"}) {
		t.Fatalf("rowsFrom does not count as using slots: %v", got)
	}
	if got := flow.NodesUsingAttribute(f, "order_id"); !reflect.DeepEqual(got, []string{"pick"}) {
		t.Fatalf("a row template does not count as using order_id: %v", got)
	}
	flow.RenameAttribute(&f, "item", "thing")
	flow.RenameAttribute(&f, "order_id", "order_no")
	flow.RenameAttribute(&f, "slots", "times")
	d := f.Nodes[1].Data
	if d.RowTitle != "{{item.time}} {{item}} for {{contact.name}}" || d.RowID != "{{item.id}}-{{order_no}}" || d.RowsFrom != "times" {
		t.Fatalf("after renames: %+v", d)
	}
}

func TestStaticTitlesCountEmojiAsWhatsAppMay(t *testing.T) {
	f := dynamicFlow("buttons", flow.NodeData{Text: "Pick", Buttons: []flow.Option{{ID: "a", Title: "🍰🍰🍰🍰🍰🍰🍰🍰🍰🍰🍰"}}})
	f.Nodes[1].Data.RowsFrom = ""
	var msgs []string
	for _, p := range flow.Validate(f, nil) {
		if p.Field == "buttons" {
			msgs = append(msgs, p.Message)
		}
	}
	if len(msgs) != 1 || !strings.Contains(msgs[0], "longer than 20 characters (an emoji counts as 2)") {
		t.Fatalf("problems %q", msgs)
	}
}
