package engine_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"chatflow/backend/engine"
	"chatflow/backend/flow"
	"chatflow/backend/whatsapp"
)

// templatesSource is a TemplateSource over a fixed list.
type templatesSource []whatsapp.Template

type notSynced struct{}

func (notSynced) Error() string   { return "not synced" }
func (notSynced) NotSynced() bool { return true }

func (ts templatesSource) Template(_ context.Context, name, language string) (whatsapp.Template, error) {
	for _, t := range ts {
		if t.Name == name && t.Language == language {
			return t, nil
		}
	}
	if name == "unreadable" {
		return whatsapp.Template{}, errors.New("disk I/O error")
	}
	return whatsapp.Template{}, notSynced{}
}

var shipped = whatsapp.Template{Name: "order_shipped", Language: "en_US", Status: "APPROVED", ParameterFormat: "positional",
	Header: &whatsapp.TemplateHeader{Format: "image"},
	Body:   "Hi {{1}}, order {{2}} ships {{3}}.",
	Buttons: []whatsapp.TemplateButton{{Type: "quick_reply", Text: "Track it"}, {Type: "quick_reply", Text: "Stop updates"},
		{Type: "url", Text: "Details", URL: "https://shop.example/o/{{1}}"}}}

func templateFlow(edges ...string) flow.Flow {
	return build([]flow.Node{
		start(),
		node("tpl", flow.TypeTemplate, flow.NodeData{Template: "order_shipped", Language: "en_US",
			Parameters:     []string{"{{contact.name}}", "{{order_id}}", "on\nFriday", "{{order_id}}"},
			HeaderMediaURL: "https://cdn.example/{{order_id}}.jpg", QuickReplies: []string{"Track it", "Stop updates"}}),
		node("track", "message", flow.NodeData{Text: "Tracking {{order_id}}"}),
		node("stop", "message", flow.NodeData{Text: "No more updates"}),
		node("other", "message", flow.NodeData{Text: "You said {{message.text}}"}),
	}, append([]string{"start:out>tpl"}, edges...)...)
}

func withTemplates(ts ...whatsapp.Template) func(*engine.Deps) {
	return func(d *engine.Deps) { d.Templates = templatesSource(ts) }
}

func TestTemplateNodeSendsTheFilledTemplate(t *testing.T) {
	h := newHarness(t, templateFlow("tpl:out>other"), withTemplates(shipped))
	h.s.Attributes = map[string]string{"order_id": "A 1001"}
	turn := h.send(engine.Inbound{Text: "hi", ContactName: "Ana"})
	if len(turn.Replies) != 2 {
		t.Fatalf("replies %+v (errors %v)", turn.Replies, turn.Errors)
	}
	r := turn.Replies[0]
	if r.Type != engine.ReplyTemplate || r.Template == nil || r.Text != "Hi Ana, order A 1001 ships on Friday." {
		t.Fatalf("template reply %+v", r)
	}
	m := r.Template
	if m.Name != "order_shipped" || m.Language != "en_US" || m.HeaderMediaURL != "https://cdn.example/A 1001.jpg" ||
		strings.Join(m.ParameterValues(), "|") != "Ana|A 1001|on Friday|A 1001" || len(m.QuickReplies) != 2 {
		t.Fatalf("filled template %+v", m)
	}
	// No quick reply leads anywhere: the node goes on along out at once.
	if turn.Replies[1].Text != "You said hi" || len(turn.Errors) != 0 {
		t.Fatalf("after the template: %+v, errors %v", turn.Replies[1], turn.Errors)
	}
}

func TestTemplateNodeBranchesOnQuickReplies(t *testing.T) {
	tests := []struct {
		name string
		in   engine.Inbound
		want string
	}{
		{"tap (Meta's button message carries the payload)", engine.Inbound{ReplyID: "Stop updates", Text: "Stop updates"}, "No more updates"},
		{"text typed", engine.Inbound{Text: " track IT "}, "Tracking A1"},
		{"its number", engine.Inbound{Text: "2"}, "No more updates"},
		{"anything else takes out", engine.Inbound{Text: "where is it?"}, "You said where is it?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, templateFlow("tpl:Track it>track", "tpl:Stop updates>stop", "tpl:out>other"), withTemplates(shipped))
			h.s.Attributes = map[string]string{"order_id": "A1"}
			turn := h.say("hi")
			wantState(t, turn, "wait")
			if len(turn.Replies) != 1 || turn.Replies[0].Type != "template" {
				t.Fatalf("replies %+v", turn.Replies)
			}
			wantTexts(t, h.send(tt.in), tt.want)
		})
	}
}

func TestTemplateNodeProblems(t *testing.T) {
	paused := shipped
	paused.Status = "PAUSED"
	tests := []struct {
		name      string
		mod       func(*engine.Deps)
		node      flow.NodeData
		replies   int
		wantError string
	}{
		{"no template source", func(*engine.Deps) {}, flow.NodeData{Template: "order_shipped", Language: "en_US"}, 0,
			"templates are not available here"},
		{"not synced", withTemplates(shipped), flow.NodeData{Template: "order_shipped", Language: "pt_BR"}, 0,
			"the template order_shipped (pt_BR) was not sent: it is not synced"},
		{"unreadable", withTemplates(shipped), flow.NodeData{Template: "unreadable", Language: "en"}, 0, "disk I/O error"},
		{"empty parameter", withTemplates(shipped), flow.NodeData{Template: "order_shipped", Language: "en_US",
			Parameters: []string{"{{contact.name}}", "{{order_id}}", "x", "y"}, HeaderMediaURL: "https://x/y.jpg"}, 1,
			"Body {{1}} of the template order_shipped has no value."},
		{"paused", withTemplates(paused), flow.NodeData{Template: "order_shipped", Language: "en_US",
			Parameters: []string{"a", "b", "c", "d"}, HeaderMediaURL: "https://x/y.jpg"}, 1, "is paused, so WhatsApp will refuse it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := build([]flow.Node{start(), node("tpl", flow.TypeTemplate, tt.node), node("next", "message", flow.NodeData{Text: "next"})},
				"start:out>tpl", "tpl:out>next")
			h := newHarness(t, f, tt.mod)
			turn := h.say("hi")
			if len(turn.Replies) != tt.replies+1 || turn.Replies[tt.replies].Text != "next" {
				t.Fatalf("replies %+v", turn.Replies)
			}
			if len(turn.Errors) != 1 || !strings.Contains(turn.Errors[0], tt.wantError) {
				t.Fatalf("errors %q, want %q", turn.Errors, tt.wantError)
			}
		})
	}
}
