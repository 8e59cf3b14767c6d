package flow

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// TypeTemplate sends an approved WhatsApp message template.
const TypeTemplate = "template"

// Limits of a template node: WhatsApp's quick-reply buttons per template,
// their text, and the parameters a template can have.
const (
	MaxQuickReplies     = 10
	MaxQuickReplyText   = 25
	MaxTemplateParams   = 100
	MaxTemplateParamLen = 1024
)

var templateDef = Def{
	Type:  TypeTemplate,
	Label: "Template",
	Description: "Sends an approved WhatsApp template, which also reaches customers after the 24-hour window; " +
		"each quick-reply button is a branch, and \"out\" takes any other answer (or follows at once when no button is connected).",
	Group:         GroupConversation,
	WaitsForInput: true,
	Fields: []Field{
		{Name: "template", Kind: KindText},
		{Name: "language", Kind: KindText},
		{Name: "parameters", Kind: KindTemplates},
		{Name: "headerMediaUrl", Kind: KindTemplate},
		{Name: "quickReplies", Kind: KindTexts},
	},
	Outputs: []OutputRule{Fixed(HandleOut, "Other answer"), EachText("quickReplies")},
	Limits: []Limit{{"quickReplies", MaxQuickReplies}, {"quickReplyText", MaxQuickReplyText},
		{"parameter", MaxTemplateParamLen}, {"headerMediaUrl", MaxMediaURLLength}},
	check: checkTemplate,
	sends: always,
}

// TemplateChecker is an optional extension of Env: when the Env has it,
// template nodes are checked against the synced WhatsApp templates (a
// template that is not synced is an error; a draft may still keep it).
type TemplateChecker interface {
	// Template describes a synced template, and false when it is not synced.
	Template(name, language string) (TemplateInfo, bool)
}

// TemplateInfo is a synced template as a node needs it.
type TemplateInfo struct {
	// Parameters names each value a send needs, in order ("Body {{1}}").
	Parameters []string
	// MediaHeader is the header's media kind when it needs a link, or "".
	MediaHeader string
	// QuickReplies are the quick-reply button texts, in order.
	QuickReplies []string
	// Problem says why WhatsApp would not send it now ("it is paused"),
	// "" when it is approved.
	Problem string
}

func checkTemplate(v *validator, n Node) {
	d := n.Data
	if strings.TrimSpace(d.Template) == "" {
		v.add(SeverityError, n.ID, "template", "Choose the template to send.")
		return
	}
	if strings.TrimSpace(d.Language) == "" {
		v.add(SeverityError, n.ID, "language", "Choose the template's language.")
		return
	}
	checkQuickReplies(v, n)
	if len(d.Parameters) > MaxTemplateParams {
		v.add(SeverityError, n.ID, "parameters", "A template node has at most %d parameters.", MaxTemplateParams)
		return
	}
	labels := make([]string, len(d.Parameters))
	for i := range labels {
		labels[i] = "Parameter " + strconv.Itoa(i+1)
	}
	if tc, ok := v.env.(TemplateChecker); ok {
		info, found := tc.Template(d.Template, d.Language)
		if !found {
			v.add(SeverityError, n.ID, "template", "The template %q (%s) is not synced; sync templates on the Templates page or choose another.",
				d.Template, d.Language)
			return
		}
		if info.Problem != "" {
			v.add(SeverityWarning, n.ID, "template", "WhatsApp will not send the template %q now: %s.", d.Template, info.Problem)
		}
		if len(info.Parameters) != len(d.Parameters) {
			v.add(SeverityError, n.ID, "parameters", "The template %q takes %d parameters; this node has %d.",
				d.Template, len(info.Parameters), len(d.Parameters))
		}
		for i := range min(len(labels), len(info.Parameters)) {
			labels[i] = info.Parameters[i]
		}
		if info.MediaHeader != "" && strings.TrimSpace(d.HeaderMediaURL) == "" {
			v.add(SeverityError, n.ID, "headerMediaUrl", "The template has an %s header; give the link of the %s to show.",
				info.MediaHeader, info.MediaHeader)
		}
		if strings.Join(info.QuickReplies, "\x00") != strings.Join(d.QuickReplies, "\x00") {
			v.add(SeverityError, n.ID, "quickReplies", "The template's quick replies are now %s; choose the template again to update the outputs.",
				quoteList(info.QuickReplies))
		}
	}
	for i, p := range d.Parameters {
		switch {
		case strings.TrimSpace(p) == "":
			v.add(SeverityError, n.ID, "parameters", "%s is empty; WhatsApp refuses a template with an empty parameter.", labels[i])
		case utf8.RuneCountInString(p) > MaxTemplateParamLen:
			v.add(SeverityError, n.ID, "parameters", "%s is longer than %d characters.", labels[i], MaxTemplateParamLen)
		default:
			v.checkPlaceholders(n, "parameters", p)
		}
	}
	if d.HeaderMediaURL != "" {
		v.checkPlaceholders(n, "headerMediaUrl", d.HeaderMediaURL)
		if utf8.RuneCountInString(d.HeaderMediaURL) > MaxMediaURLLength {
			v.add(SeverityError, n.ID, "headerMediaUrl", "The header link is longer than %d characters.", MaxMediaURLLength)
		}
	}
}

// checkQuickReplies checks the copy of the template's buttons that makes
// the node's outputs: each is a handle, so each must be a distinct text.
func checkQuickReplies(v *validator, n Node) {
	qs := n.Data.QuickReplies
	if len(qs) > MaxQuickReplies {
		v.add(SeverityError, n.ID, "quickReplies", "A template has at most %d quick replies.", MaxQuickReplies)
	}
	seen := map[string]bool{}
	for _, q := range qs {
		switch {
		case strings.TrimSpace(q) == "":
			v.add(SeverityError, n.ID, "quickReplies", "A quick reply has no text.")
		case q == HandleOut:
			v.add(SeverityError, n.ID, "quickReplies", "A quick reply cannot be called %q, the name of the node's other output.", HandleOut)
		case seen[q]:
			v.add(SeverityError, n.ID, "quickReplies", "Two quick replies read %q.", q)
		}
		seen[q] = true
	}
}

func quoteList(qs []string) string {
	if len(qs) == 0 {
		return "none"
	}
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = strconv.Quote(q)
	}
	return strings.Join(out, ", ")
}
