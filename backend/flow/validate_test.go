package flow_test

import (
	"errors"
	"strings"
	"testing"

	"chatflow/backend/flow"
)

// env is a flow.Env with fixed attributes and APIs; an expression containing
// "bad" fails to compile.
type env struct{}

func (env) AttributeExists(name string) bool {
	switch name {
	case "order_id", "order_status", "choice", "contact.name", "message.text", "api.status":
		return true
	}
	return false
}
func (env) APIExists(name string) bool { return name == "Order status" }
func (env) CheckExpression(e string) error {
	if strings.Contains(e, "bad") {
		return errors.New("unknown name bad")
	}
	return nil
}

// good is a valid flow touching most node types; tests mutate copies of it.
func good() flow.Flow {
	return flow.Flow{
		Name: "Support",
		Nodes: []flow.Node{
			{ID: "start", Type: "start", Data: flow.NodeData{Keywords: []string{"hi"}}},
			{ID: "menu", Type: "buttons", Data: flow.NodeData{Text: "Hi {{contact.name}}", Attribute: "choice",
				Buttons: []flow.Option{{ID: "status", Title: "Order status"}, {ID: "human", Title: "Talk to us"}}}},
			{ID: "ask", Type: "question", Data: flow.NodeData{Text: "Order number?", Attribute: "order_id", Validation: "regex", Pattern: `^\d+$`, MaxRetries: 2}},
			{ID: "call", Type: "api", Data: flow.NodeData{API: "Order status", Routes: []string{"200", "404"}}},
			{ID: "ok", Type: "message", Data: flow.NodeData{Text: "Your order is {{order_status}}"}},
			{ID: "missing", Type: "end", Data: flow.NodeData{Text: "Not found"}},
			{ID: "oops", Type: "handoff", Data: flow.NodeData{Text: "A person will help"}},
		},
		Edges: []flow.Edge{
			{ID: "e1", Source: "start", SourceHandle: "out", Target: "menu"},
			{ID: "e2", Source: "menu", SourceHandle: "status", Target: "ask"},
			{ID: "e3", Source: "menu", SourceHandle: "human", Target: "oops"},
			{ID: "e4", Source: "ask", SourceHandle: "out", Target: "call"},
			{ID: "e5", Source: "ask", SourceHandle: "invalid", Target: "oops"},
			{ID: "e6", Source: "call", SourceHandle: "200", Target: "ok"},
			{ID: "e7", Source: "call", SourceHandle: "404", Target: "missing"},
			{ID: "e8", Source: "call", SourceHandle: "others", Target: "oops"},
			{ID: "e9", Source: "ok", Target: "missing"},
		},
	}
}

func TestValidateGoodFlowHasNoProblems(t *testing.T) {
	f := good()
	f.Nodes[4].Data.Text = "Your order is {{order_status | default:\"on its way\"}} ({{order_id.0}}) {{#each order_id}}{{item.x}} {{index}}{{/each}}"
	if p := flow.Validate(f, env{}); len(p) != 0 {
		t.Fatalf("problems in a good flow: %+v", p)
	}
}

func TestValidate(t *testing.T) {
	node := func(f *flow.Flow, id string) *flow.Node {
		for i := range f.Nodes {
			if f.Nodes[i].ID == id {
				return &f.Nodes[i]
			}
		}
		t.Fatalf("no node %s", id)
		return nil
	}
	tests := []struct {
		name     string
		edit     func(f *flow.Flow)
		nodeID   string
		field    string
		severity string
		contains string
	}{
		{"no name", func(f *flow.Flow) { f.Name = " " }, "", "name", "error", "needs a name"},
		{"no start", func(f *flow.Flow) { node(f, "start").Type = "end" }, "", "", "error", "needs a start node"},
		{"two starts", func(f *flow.Flow) {
			f.Nodes = append(f.Nodes, flow.Node{ID: "s2", Type: "start"})
		}, "s2", "", "error", "exactly one start"},
		{"unknown type", func(f *flow.Flow) { node(f, "ok").Type = "teleport" }, "ok", "type", "error", "not a node type"},
		{"duplicate node id", func(f *flow.Flow) {
			f.Nodes = append(f.Nodes, flow.Node{ID: "ok", Type: "end"})
		}, "ok", "id", "error", "share the id"},
		{"unreachable", func(f *flow.Flow) {
			f.Nodes = append(f.Nodes, flow.Node{ID: "lost", Type: "end"})
		}, "lost", "", "warning", "never be reached"},
		{"output not connected", func(f *flow.Flow) { f.Edges = f.Edges[:len(f.Edges)-1] }, "ok", "outputs", "warning", `"out" is not connected`},
		{"edge to missing node", func(f *flow.Flow) {
			f.Edges = append(f.Edges, flow.Edge{ID: "x", Source: "missing", Target: "nowhere"})
		}, "missing", "edges", "error", "does not exist"},
		{"edge from missing handle", func(f *flow.Flow) {
			f.Edges = append(f.Edges, flow.Edge{ID: "x", Source: "call", SourceHandle: "500", Target: "oops"})
		}, "call", "edges", "error", "not an output"},
		{"output connected twice", func(f *flow.Flow) {
			f.Edges = append(f.Edges, flow.Edge{ID: "x", Source: "call", SourceHandle: "200", Target: "oops"})
		}, "call", "edges", "error", "more than once"},
		{"missing api", func(f *flow.Flow) { node(f, "call").Data.API = "Weather" }, "call", "api", "error", `no API named "Weather"`},
		{"no api chosen", func(f *flow.Flow) { node(f, "call").Data.API = "" }, "call", "api", "error", "Choose the API"},
		{"bad route", func(f *flow.Flow) { node(f, "call").Data.Routes = []string{"200", "abc"} }, "call", "routes", "error", "not a route"},
		{"others in routes", func(f *flow.Flow) { node(f, "call").Data.Routes = []string{"200", "others"} }, "call", "routes", "error", "always there"},
		{"duplicate route", func(f *flow.Flow) { node(f, "call").Data.Routes = []string{"200", "404", "200"} }, "call", "routes", "error", "listed twice"},
		{"missing attribute", func(f *flow.Flow) { node(f, "ask").Data.Attribute = "zip" }, "ask", "attribute", "error", `no attribute named "zip"`},
		{"question without attribute", func(f *flow.Flow) { node(f, "ask").Data.Attribute = "" }, "ask", "attribute", "error", "Choose the attribute"},
		{"unknown placeholder", func(f *flow.Flow) { node(f, "ok").Data.Text = "Hi {{nick}}" }, "ok", "text", "warning", "{{nick}} is not an attribute"},
		{"unknown format", func(f *flow.Flow) { node(f, "ok").Data.Text = "Due {{order_id | dat}}" }, "ok", "text", "error", `"dat" is not a format`},
		{"loop without end", func(f *flow.Flow) { node(f, "ok").Data.Text = "{{#each order_id}}x" }, "ok", "text", "error", "has no {{/each}}"},
		{"unknown path root", func(f *flow.Flow) { node(f, "ok").Data.Text = "{{slots.0.time}}" }, "ok", "text", "warning", "{{slots.0.time}} is not an attribute"},
		{"bad validation kind", func(f *flow.Flow) { node(f, "ask").Data.Validation = "iban" }, "ask", "validation", "error", "not an answer check"},
		{"regex without pattern", func(f *flow.Flow) { node(f, "ask").Data.Pattern = "" }, "ask", "pattern", "error", "Type the pattern"},
		{"regex does not compile", func(f *flow.Flow) { node(f, "ask").Data.Pattern = "(" }, "ask", "pattern", "error", "not a valid regular expression"},
		{"too many retries", func(f *flow.Flow) { node(f, "ask").Data.MaxRetries = 11 }, "ask", "maxRetries", "error", "from 0 to 10"},
		{"four buttons", func(f *flow.Flow) {
			n := node(f, "menu")
			n.Data.Buttons = append(n.Data.Buttons, flow.Option{ID: "c", Title: "C"}, flow.Option{ID: "d", Title: "D"})
			f.Edges = append(f.Edges, flow.Edge{ID: "c", Source: "menu", SourceHandle: "c", Target: "oops"}, flow.Edge{ID: "d", Source: "menu", SourceHandle: "d", Target: "oops"})
		}, "menu", "buttons", "error", "at most 3"},
		{"button title too long", func(f *flow.Flow) { node(f, "menu").Data.Buttons[0].Title = strings.Repeat("a", 21) }, "menu", "buttons", "error", "longer than 20"},
		{"duplicate button id", func(f *flow.Flow) { node(f, "menu").Data.Buttons[1].ID = "status" }, "menu", "buttons", "error", "share the id"},
		{"duplicate button title", func(f *flow.Flow) { node(f, "menu").Data.Buttons[1].Title = "ORDER STATUS" }, "menu", "buttons", "error", "could not tell them apart"},
		{"no buttons", func(f *flow.Flow) { node(f, "menu").Data.Buttons = nil }, "menu", "buttons", "error", "at least one button"},
		{"button body too long", func(f *flow.Flow) { node(f, "menu").Data.Text = strings.Repeat("é", 1025) }, "menu", "text", "error", "at most 1024"},
		{"text too long", func(f *flow.Flow) { node(f, "ok").Data.Text = strings.Repeat("x", 4097) }, "ok", "text", "error", "at most 4096"},
		{"empty message", func(f *flow.Flow) { node(f, "ok").Data.Text = "" }, "ok", "text", "error", "is empty"},
		{"media without type", func(f *flow.Flow) { node(f, "ok").Data.MediaURL = "https://x.test/a.png" }, "ok", "mediaType", "error", "media type"},
		{"media not https", func(f *flow.Flow) {
			node(f, "ok").Data.MediaURL, node(f, "ok").Data.MediaType = "ftp://x/a.png", "image"
		}, "ok", "mediaUrl", "error", "https://"},
		{"attached file and a link", func(f *flow.Flow) {
			d := &node(f, "ok").Data
			d.MediaFile, d.MediaURL, d.MediaType = strings.Repeat("ab", 32), "https://x.test/a.pdf", "document"
		}, "ok", "mediaUrl", "error", "not both"},
		{"attached file that is not a key", func(f *flow.Flow) {
			d := &node(f, "ok").Data
			d.MediaFile, d.MediaType = "../../etc/passwd", "document"
		}, "ok", "mediaFile", "error", "attach it again"},
		{"attached file without type", func(f *flow.Flow) { node(f, "ok").Data.MediaFile = strings.Repeat("ab", 32) }, "ok", "mediaType", "error", "media type"},
		{"media type without file or link", func(f *flow.Flow) { node(f, "ok").Data.MediaType = "image" }, "ok", "mediaUrl", "error", "Attach the image"},
		{"bad expression", func(f *flow.Flow) {
			f.Nodes = append(f.Nodes, flow.Node{ID: "cond", Type: "condition", Data: flow.NodeData{Expression: "bad > 1"}})
		}, "cond", "expression", "error", "does not work"},
		{"empty condition", func(f *flow.Flow) {
			f.Nodes = append(f.Nodes, flow.Node{ID: "cond", Type: "condition"})
		}, "cond", "expression", "error", "Type the expression"},
		{"set with value and expression", func(f *flow.Flow) {
			f.Nodes = append(f.Nodes, flow.Node{ID: "set", Type: "setAttribute", Data: flow.NodeData{Attribute: "choice", Value: "a", Expression: "1"}})
		}, "set", "expression", "error", "either a value or an expression"},
		{"delay zero", func(f *flow.Flow) {
			f.Nodes = append(f.Nodes, flow.Node{ID: "wait", Type: "delay"})
		}, "wait", "seconds", "error", "from 1 to"},
		{"empty keyword", func(f *flow.Flow) { node(f, "start").Data.Keywords = []string{"hi", " "} }, "start", "keywords", "error", "keyword is empty"},
		{"duplicate keyword", func(f *flow.Flow) { node(f, "start").Data.Keywords = []string{"hi", "Hi!"} }, "start", "keywords", "warning", "listed twice"},
		{"list too many rows", func(f *flow.Flow) {
			var rows []flow.Option
			for i := range 11 {
				rows = append(rows, flow.Option{ID: string(rune('a' + i)), Title: string(rune('A' + i))})
			}
			f.Nodes = append(f.Nodes, flow.Node{ID: "list", Type: "list", Data: flow.NodeData{Text: "Pick", Button: "Menu", Rows: rows}})
		}, "list", "rows", "error", "at most 10"},
		{"list row title and description", func(f *flow.Flow) {
			f.Nodes = append(f.Nodes, flow.Node{ID: "list", Type: "list", Data: flow.NodeData{Text: "Pick", Button: "Menu",
				Rows: []flow.Option{{ID: "a", Title: strings.Repeat("t", 25)}}}})
		}, "list", "rows", "error", "longer than 24"},
		{"list row description", func(f *flow.Flow) {
			f.Nodes = append(f.Nodes, flow.Node{ID: "list", Type: "list", Data: flow.NodeData{Text: "Pick", Button: "Menu",
				Rows: []flow.Option{{ID: "a", Title: "A", Description: strings.Repeat("d", 73)}}}})
		}, "list", "rows", "error", "longer than 72"},
		{"list button label", func(f *flow.Flow) {
			f.Nodes = append(f.Nodes, flow.Node{ID: "list", Type: "list", Data: flow.NodeData{Text: "Pick", Button: strings.Repeat("b", 21),
				Rows: []flow.Option{{ID: "a", Title: "A"}}}})
		}, "list", "button", "error", "at most 20"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := good()
			tt.edit(&f)
			problems := flow.Validate(f, env{})
			for _, p := range problems {
				if p.NodeID == tt.nodeID && p.Field == tt.field && p.Severity == tt.severity && strings.Contains(p.Message, tt.contains) {
					return
				}
			}
			t.Fatalf("want %s on node %q field %q containing %q; got %+v", tt.severity, tt.nodeID, tt.field, tt.contains, problems)
		})
	}
}

func TestValidateNilEnvSkipsLookups(t *testing.T) {
	f := good()
	f.Nodes[3].Data.API = "Unknown"
	if p := flow.Validate(f, nil); len(p) != 0 {
		t.Fatalf("nil env should skip API lookups, got %+v", p)
	}
}

func TestHasErrors(t *testing.T) {
	warn := flow.Problem{Severity: flow.SeverityWarning}
	bad := flow.Problem{Severity: flow.SeverityError}
	if flow.HasErrors([]flow.Problem{warn}) || !flow.HasErrors([]flow.Problem{warn, bad}) {
		t.Fatal("HasErrors should count errors only")
	}
}
