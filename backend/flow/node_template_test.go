package flow_test

import (
	"strings"
	"testing"

	"chatflow/backend/flow"
)

// templateEnv is env plus one synced template, order_shipped in en_US.
type templateEnv struct {
	env
	info flow.TemplateInfo
}

func (e templateEnv) Template(name, language string) (flow.TemplateInfo, bool) {
	if name == "order_shipped" && language == "en_US" {
		return e.info, true
	}
	return flow.TemplateInfo{}, false
}

var shippedInfo = flow.TemplateInfo{Parameters: []string{"Body {{1}}", "Body {{2}}"}, MediaHeader: "image",
	QuickReplies: []string{"Track it", "Stop"}}

func templateNodeFlow(d flow.NodeData) flow.Flow {
	return flow.Flow{Name: "Notify", Nodes: []flow.Node{
		{ID: "start", Type: "start"},
		{ID: "tpl", Type: flow.TypeTemplate, Data: d},
		{ID: "a", Type: "end"}, {ID: "b", Type: "end"}, {ID: "c", Type: "end"},
	}, Edges: []flow.Edge{
		{ID: "e1", Source: "start", Target: "tpl"},
		{ID: "e2", Source: "tpl", SourceHandle: "out", Target: "a"},
		{ID: "e3", Source: "tpl", SourceHandle: "Track it", Target: "b"},
		{ID: "e4", Source: "tpl", SourceHandle: "Stop", Target: "c"},
	}}
}

func goodTemplateData() flow.NodeData {
	return flow.NodeData{Template: "order_shipped", Language: "en_US", Parameters: []string{"{{contact.name}}", "{{order_id}}"},
		HeaderMediaURL: "https://cdn.example/{{order_id}}.jpg", QuickReplies: []string{"Track it", "Stop"}}
}

func TestTemplateNodeValidation(t *testing.T) {
	if p := flow.Validate(templateNodeFlow(goodTemplateData()), templateEnv{info: shippedInfo}); len(p) != 0 {
		t.Fatalf("a good template node: %+v", p)
	}
	if got := flow.OutputHandles(flow.Node{Type: flow.TypeTemplate, Data: goodTemplateData()}); len(got) != 3 ||
		got[0].ID != "out" || got[1].ID != "Track it" || got[2].Label != "Stop" {
		t.Fatalf("outputs %+v", got)
	}
	tests := []struct {
		name     string
		edit     func(d *flow.NodeData)
		info     flow.TemplateInfo
		field    string
		severity string
		contains string
	}{
		{"no template", func(d *flow.NodeData) { d.Template = "" }, shippedInfo, "template", "error", "Choose the template to send."},
		{"no language", func(d *flow.NodeData) { d.Language = "" }, shippedInfo, "language", "error", "Choose the template's language."},
		{"not synced", func(d *flow.NodeData) { d.Language = "pt_BR" }, shippedInfo, "template", "error",
			`The template "order_shipped" (pt_BR) is not synced; sync templates on the Templates page or choose another.`},
		{"too few parameters", func(d *flow.NodeData) { d.Parameters = d.Parameters[:1] }, shippedInfo, "parameters", "error",
			`The template "order_shipped" takes 2 parameters; this node has 1.`},
		{"too many parameters", func(d *flow.NodeData) { d.Parameters = append(d.Parameters, "x") }, shippedInfo, "parameters", "error",
			"takes 2 parameters; this node has 3."},
		{"empty parameter", func(d *flow.NodeData) { d.Parameters[1] = "  " }, shippedInfo, "parameters", "error",
			"Body {{2}} is empty; WhatsApp refuses a template with an empty parameter."},
		{"unknown attribute in a parameter", func(d *flow.NodeData) { d.Parameters[1] = "{{orderid}}" }, shippedInfo, "parameters", "warning",
			"{{orderid}} is not an attribute"},
		{"no header link", func(d *flow.NodeData) { d.HeaderMediaURL = "" }, shippedInfo, "headerMediaUrl", "error",
			"The template has an image header; give the link of the image to show."},
		{"quick replies changed", func(d *flow.NodeData) {}, flow.TemplateInfo{Parameters: shippedInfo.Parameters, MediaHeader: "image",
			QuickReplies: []string{"Track it", "Stop", "Help"}}, "quickReplies", "error", `now "Track it", "Stop", "Help"; choose the template again`},
		{"paused", func(d *flow.NodeData) {}, flow.TemplateInfo{Parameters: shippedInfo.Parameters, MediaHeader: "image",
			QuickReplies: shippedInfo.QuickReplies, Problem: "it is paused"}, "template", "warning",
			`WhatsApp will not send the template "order_shipped" now: it is paused.`},
		{"a quick reply named out", func(d *flow.NodeData) { d.QuickReplies = []string{"out"} }, shippedInfo, "quickReplies", "error",
			`cannot be called "out"`},
		{"twice the same quick reply", func(d *flow.NodeData) { d.QuickReplies = []string{"Stop", "Stop"} }, shippedInfo, "quickReplies", "error",
			`Two quick replies read "Stop".`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := goodTemplateData()
			tt.edit(&d)
			problems := flow.Validate(templateNodeFlow(d), templateEnv{info: tt.info})
			for _, p := range problems {
				if p.NodeID == "tpl" && p.Field == tt.field && p.Severity == tt.severity && strings.Contains(p.Message, tt.contains) {
					return
				}
			}
			t.Fatalf("want %s on %q containing %q; got %+v", tt.severity, tt.field, tt.contains, problems)
		})
	}
}

// Without the synced templates (an Env that is no TemplateChecker) only
// what the node itself says is checked.
func TestTemplateNodeWithoutSyncedTemplates(t *testing.T) {
	d := goodTemplateData()
	d.Language = "pt_BR"
	if p := flow.Validate(templateNodeFlow(d), env{}); len(p) != 0 {
		t.Fatalf("problems without the synced templates: %+v", p)
	}
	d.Parameters[0] = ""
	p := flow.Validate(templateNodeFlow(d), env{})
	if len(p) != 1 || p[0].Message != "Parameter 1 is empty; WhatsApp refuses a template with an empty parameter." {
		t.Fatalf("an empty parameter: %+v", p)
	}
}

func TestTemplateParametersAreAttributeUses(t *testing.T) {
	f := templateNodeFlow(goodTemplateData())
	if got := flow.NodesUsingAttribute(f, "order_id"); len(got) != 1 || got[0] != "tpl" {
		t.Fatalf("NodesUsingAttribute = %v", got)
	}
	if !flow.RenameAttribute(&f, "order_id", "order_ref") {
		t.Fatal("nothing renamed")
	}
	d := f.Nodes[1].Data
	if d.Parameters[1] != "{{order_ref}}" || d.HeaderMediaURL != "https://cdn.example/{{order_ref}}.jpg" || d.Parameters[0] != "{{contact.name}}" {
		t.Fatalf("after the rename: %+v", d)
	}
}
