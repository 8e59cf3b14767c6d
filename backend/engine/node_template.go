package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"chatflow/backend/flow"
	"chatflow/backend/whatsapp"
)

// templateNode sends an approved WhatsApp template, its parameters rendered
// from the contact's attributes. When one of its quick-reply outputs is
// connected it waits: a tap on a quick reply (Meta's "button" message,
// whose payload is the button's text) or the same text typed takes that
// output (so does its number), anything else takes "out". Without connected quick replies it
// goes on along "out" at once.
type templateNode struct{}

func (templateNode) enter(rc *runContext, n flow.Node) result {
	d := n.Data
	r := result{output: flow.HandleOut}
	if rc.engine.d.Templates == nil {
		r.problem = "templates are not available here, so the template " + d.Template + " was not sent"
		return r
	}
	tpl, err := rc.engine.d.Templates.Template(rc.ctx, d.Template, d.Language)
	if err != nil {
		r.problem = fmt.Sprintf("the template %s (%s) was not sent: %v", d.Template, d.Language, templateError(err))
		return r
	}
	values := make([]string, len(d.Parameters))
	for i, p := range d.Parameters {
		values[i] = rc.render(p)
	}
	msg := tpl.Fill(values, rc.render(d.HeaderMediaURL))
	switch err := msg.Check(); {
	case err != nil:
		// It is queued anyway: the send fails where the owner looks (the
		// conversation) with this sentence, instead of vanishing.
		r.problem = err.Error()
	case !tpl.Sendable():
		r.problem = fmt.Sprintf("the template %s (%s) is %s, so WhatsApp will refuse it", tpl.Name, tpl.Language,
			strings.ToLower(tpl.Status))
	}
	r.replies = []Reply{{Type: ReplyTemplate, Text: msg.Body, Template: &msg}}
	if waitsForQuickReply(rc, n) {
		r.output, r.wait = "", true
	}
	return r
}

func (templateNode) resume(rc *runContext, n flow.Node, in Inbound) result {
	opts := make([]flow.Option, len(n.Data.QuickReplies))
	for i, q := range n.Data.QuickReplies {
		opts[i] = flow.Option{ID: q, Title: q}
	}
	// The same matching as reply buttons: the tapped payload, the text, or
	// its number (the terminal simulator lists quick replies numbered).
	if o, ok := choose(opts, in); ok {
		return result{output: o.ID}
	}
	return result{output: flow.HandleOut}
}

// waitsForQuickReply reports whether a quick-reply output leads somewhere.
func waitsForQuickReply(rc *runContext, n flow.Node) bool {
	for _, q := range n.Data.QuickReplies {
		if rc.flow.Next(n.ID, q) != "" {
			return true
		}
	}
	return false
}

// templateError says what went wrong reading a template, briefly.
func templateError(err error) string {
	var notSynced interface{ NotSynced() bool }
	if errors.As(err, &notSynced) && notSynced.NotSynced() {
		return "it is not synced"
	}
	return err.Error()
}

// TemplateSource gives the engine the synced WhatsApp templates
// (watemplates.Library implements it).
type TemplateSource interface {
	Template(ctx context.Context, name, language string) (whatsapp.Template, error)
}
