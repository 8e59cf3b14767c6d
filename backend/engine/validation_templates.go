package engine

import (
	"strings"

	"chatflow/backend/flow"
	"chatflow/backend/whatsapp"
)

// TemplateEnv is a ValidationEnv that also knows the synced WhatsApp
// templates (flow.TemplateChecker): a template node naming one that is not
// synced is an error, and its parameters, header link and quick replies are
// checked against it. It is a separate type because an environment that
// answers "not synced" for every template must not be the default.
type TemplateEnv struct {
	*ValidationEnv
	templates map[[2]string]flow.TemplateInfo
}

// WithTemplates returns the environment checking template nodes against ts.
func (v *ValidationEnv) WithTemplates(ts []whatsapp.Template) *TemplateEnv {
	e := &TemplateEnv{ValidationEnv: v, templates: make(map[[2]string]flow.TemplateInfo, len(ts))}
	for _, t := range ts {
		e.templates[[2]string{t.Name, t.Language}] = TemplateInfo(t)
	}
	return e
}

// Template describes a synced template for flow validation.
func (e *TemplateEnv) Template(name, language string) (flow.TemplateInfo, bool) {
	info, ok := e.templates[[2]string{name, language}]
	return info, ok
}

// TemplateInfo reduces a synced template to what a template node needs.
func TemplateInfo(t whatsapp.Template) flow.TemplateInfo {
	info := flow.TemplateInfo{MediaHeader: t.MediaHeader(), QuickReplies: t.QuickReplies()}
	for _, p := range t.Parameters() {
		info.Parameters = append(info.Parameters, p.Label())
	}
	switch {
	case t.Unsupported != "":
		info.Problem = "it uses " + t.Unsupported + ", which Chatflow Studio cannot send"
	case !t.Sendable():
		info.Problem = "it is " + strings.ToLower(t.Status)
	}
	return info
}
