package whatsapp

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
)

// TemplateMessage is a template with its values filled in: everything a
// send needs, and what the conversation view shows. It travels in
// Outgoing.Template, so its shape is part of the database.
type TemplateMessage struct {
	Name     string `json:"name"`
	Language string `json:"language"`
	// Named is set for templates with named parameters, whose values Meta
	// wants labelled with parameter_name.
	Named bool `json:"named,omitempty"`
	// HeaderType is the media kind of the header (image, video, document)
	// and HeaderMediaURL its link, when the template has a media header.
	HeaderType     string          `json:"headerType,omitempty"`
	HeaderMediaURL string          `json:"headerMediaUrl,omitempty"`
	Values         []TemplateValue `json:"values,omitempty"`
	// QuickReplies are the quick-reply buttons with the payload Meta echoes
	// when the customer taps one (the button's text).
	QuickReplies []TemplateQuickReply `json:"quickReplies,omitempty"`
	// Header, Body and Footer are the filled texts, Buttons every button's
	// label: what the customer sees, for the conversation view.
	Header  string   `json:"header,omitempty"`
	Body    string   `json:"body"`
	Footer  string   `json:"footer,omitempty"`
	Buttons []string `json:"buttons,omitempty"`
}

// TemplateValue is one filled parameter. Value is the text as rendered
// and cleaned; a URL button's value is escaped for its link (URL) only when
// the send is written.
type TemplateValue struct {
	TemplateParam
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}

// TemplateQuickReply is one quick-reply button of a send.
type TemplateQuickReply struct {
	Index   int    `json:"index"`
	Payload string `json:"payload"`
}

// ParameterValues returns the filled values in parameter order (what
// simulate --json prints).
func (m TemplateMessage) ParameterValues() []string {
	out := make([]string, len(m.Values))
	for i, v := range m.Values {
		out[i] = v.Value
	}
	return out
}

// Fill puts values (one per Parameters() entry, in order) and the header
// media link into t. It never fails: a missing or empty value stays empty
// and Check reports it, so a send that cannot go out fails visibly where it
// was asked for instead of vanishing. Values are made acceptable to Meta
// (CleanValue); URL button values are escaped for their place in the link
// when the send is written.
func (t Template) Fill(values []string, headerMediaURL string) TemplateMessage {
	m := TemplateMessage{Name: t.Name, Language: t.Language, Named: t.ParameterFormat == ParamsNamed,
		Footer: t.Footer, HeaderType: t.MediaHeader()}
	if m.HeaderType != "" {
		m.HeaderMediaURL = strings.TrimSpace(headerMediaURL)
	}
	filled := map[string]string{}
	for i, p := range t.Parameters() {
		v := ""
		if i < len(values) {
			v = CleanValue(values[i])
		}
		tv := TemplateValue{TemplateParam: p, Value: v}
		if p.Component == ComponentButton {
			tv.URL = t.Buttons[p.Index].URL
		}
		m.Values = append(m.Values, tv)
		filled[p.Key()] = v
	}
	if t.Header != nil && t.Header.Format == HeaderText {
		m.Header = fillText(t.Header.Text, ComponentHeader, filled)
	}
	m.Body = fillText(t.Body, ComponentBody, filled)
	for i, b := range t.Buttons {
		m.Buttons = append(m.Buttons, b.Text)
		if b.Type == ButtonQuickReply {
			m.QuickReplies = append(m.QuickReplies, TemplateQuickReply{Index: i, Payload: Truncate(b.Text, MaxReplyID)})
		}
	}
	return m
}

// CleanValue makes a text acceptable as a template parameter: Meta refuses
// values with line breaks, tabs or more than four spaces in a row, so every
// run of white space becomes one space, and the ends are trimmed.
func CleanValue(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// escapeURLValue escapes the value of a URL button's placeholder for where
// it stands in the link: as a path segment, or query-escaped after "?".
func escapeURLValue(link, name, v string) string {
	i := strings.Index(link, "{{"+name+"}}")
	if i < 0 {
		i = len(link)
	}
	if strings.Contains(link[:i], "?") {
		return url.QueryEscape(v)
	}
	return url.PathEscape(v)
}

// fillText replaces the placeholders of one component's text by their
// values; unknown ones are left as written.
func fillText(text, component string, filled map[string]string) string {
	return placeholderRE.ReplaceAllStringFunc(text, func(ph string) string {
		name := placeholderRE.FindStringSubmatch(ph)[1]
		if v, ok := filled[component+"."+name]; ok {
			return v
		}
		return ph
	})
}

// Check reports why Meta would refuse the send, or nil: an empty value, a
// media header without an http(s) link. Its errors are sentences the inbox
// shows as they are, and match ErrInvalidMessage.
func (m TemplateMessage) Check() error {
	if strings.TrimSpace(m.Name) == "" || strings.TrimSpace(m.Language) == "" {
		return invalidTemplate("The template message has no template name or language.")
	}
	for _, v := range m.Values {
		if v.Value == "" {
			return invalidTemplate(fmt.Sprintf("%s of the template %s has no value.", v.Label(), m.Name))
		}
	}
	if m.HeaderType != "" && !strings.HasPrefix(m.HeaderMediaURL, "https://") && !strings.HasPrefix(m.HeaderMediaURL, "http://") {
		return invalidTemplate(fmt.Sprintf("The %s header of the template %s needs an http(s) link.", m.HeaderType, m.Name))
	}
	return nil
}

// Compose is Fill for a send someone waits on (the inbox, a notification):
// it refuses, with one sentence, a template Meta would not send (not
// approved, or with parts the product cannot fill), a number of values
// that does not match, and whatever Check finds.
func (t Template) Compose(values []string, headerMediaURL string) (TemplateMessage, error) {
	switch {
	case t.Unsupported != "":
		return TemplateMessage{}, invalidTemplate(fmt.Sprintf("The template %s (%s) uses %s, which Chatflow Studio cannot send.",
			t.Name, t.Language, t.Unsupported))
	case !t.Sendable():
		return TemplateMessage{}, invalidTemplate(fmt.Sprintf("The template %s (%s) is %s, and WhatsApp only sends approved templates.",
			t.Name, t.Language, strings.ToLower(orDefault(t.Status, "not approved"))))
	}
	if n := len(t.Parameters()); n != len(values) {
		return TemplateMessage{}, invalidTemplate(fmt.Sprintf("The template %s takes %d values, not %d.", t.Name, n, len(values)))
	}
	m := t.Fill(values, headerMediaURL)
	return m, m.Check()
}

// invalidTemplate is a template send Meta would refuse, said in one
// sentence.
type invalidTemplate string

func (e invalidTemplate) Error() string { return string(e) }

// Unwrap lets errors.Is match ErrInvalidMessage.
func (e invalidTemplate) Unwrap() error { return ErrInvalidMessage }

// wire renders the "template" object of a send in Meta's shape: the
// language, then one component per header, body and button that takes a
// parameter.
func (m TemplateMessage) wire() map[string]any {
	var header, body []map[string]any
	buttons := map[int][]map[string]any{}
	var order []int
	for _, v := range m.Values {
		text := v.Value
		if v.Component == ComponentButton {
			text = escapeURLValue(v.URL, v.Name, v.Value)
		}
		p := map[string]any{"type": "text", "text": text}
		if m.Named && v.Component != ComponentButton {
			p["parameter_name"] = v.Name
		}
		switch v.Component {
		case ComponentHeader:
			header = append(header, p)
		case ComponentButton:
			if _, ok := buttons[v.Index]; !ok {
				order = append(order, v.Index)
			}
			buttons[v.Index] = append(buttons[v.Index], p)
		default:
			body = append(body, p)
		}
	}
	if m.HeaderType != "" {
		header = []map[string]any{{"type": m.HeaderType, m.HeaderType: map[string]string{"link": m.HeaderMediaURL}}}
	}
	var comps []map[string]any
	if len(header) > 0 {
		comps = append(comps, map[string]any{"type": "header", "parameters": header})
	}
	if len(body) > 0 {
		comps = append(comps, map[string]any{"type": "body", "parameters": body})
	}
	type button struct {
		index int
		comp  map[string]any
	}
	var all []button
	for _, i := range order {
		all = append(all, button{i, map[string]any{"type": "button", "sub_type": "url", "index": itoa(i), "parameters": buttons[i]}})
	}
	for _, q := range m.QuickReplies {
		all = append(all, button{q.Index, map[string]any{"type": "button", "sub_type": "quick_reply", "index": itoa(q.Index),
			"parameters": []map[string]any{{"type": "payload", "payload": q.Payload}}}})
	}
	for i := 1; i < len(all); i++ {
		for j := i; j > 0 && all[j].index < all[j-1].index; j-- {
			all[j], all[j-1] = all[j-1], all[j]
		}
	}
	for _, b := range all {
		comps = append(comps, b.comp)
	}
	out := map[string]any{"name": m.Name, "language": map[string]string{"code": m.Language}}
	if len(comps) > 0 {
		out["components"] = comps
	}
	return out
}
