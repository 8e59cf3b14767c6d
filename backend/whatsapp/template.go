package whatsapp

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Template is one message template of the WhatsApp Business Account, as the
// product keeps it after a sync: Meta's components reduced to what a
// preview, a template node and a send need. It is stored as JSON, so its
// shape is part of the database.
type Template struct {
	// ID is Meta's template id.
	ID       string `json:"id"`
	Name     string `json:"name"`
	Language string `json:"language"`
	// Category is Meta's: MARKETING, UTILITY or AUTHENTICATION.
	Category string `json:"category"`
	// Status is Meta's review state: APPROVED, PENDING, REJECTED, PAUSED,
	// DISABLED, ... Only approved templates can be sent.
	Status         string `json:"status"`
	RejectedReason string `json:"rejectedReason,omitempty"`
	// ParameterFormat is ParamsPositional ({{1}}) or ParamsNamed ({{order_id}}).
	ParameterFormat string           `json:"parameterFormat"`
	Header          *TemplateHeader  `json:"header,omitempty"`
	Body            string           `json:"body"`
	Footer          string           `json:"footer,omitempty"`
	Buttons         []TemplateButton `json:"buttons,omitempty"`
	// Unsupported names what the product cannot fill at send time
	// (carousels, location headers, copy-code buttons...); such a template
	// is shown but cannot be sent.
	Unsupported string `json:"unsupported,omitempty"`
	// Examples are the sample values Meta was shown at review, keyed by
	// TemplateParam.Key; the preview and the editor show them as hints.
	Examples map[string]string `json:"examples,omitempty"`
}

// The two ways a template names its parameters.
const (
	ParamsPositional = "positional"
	ParamsNamed      = "named"
)

// StatusApproved is the only template status Meta lets a business send.
const StatusApproved = "APPROVED"

// Header formats. Text headers may hold one parameter; media headers need a
// link at send time.
const (
	HeaderText     = "text"
	HeaderImage    = "image"
	HeaderVideo    = "video"
	HeaderDocument = "document"
	HeaderLocation = "location"
)

// Button types the product knows; others are kept as ButtonOther so the
// preview still shows them.
const (
	ButtonQuickReply = "quick_reply"
	ButtonURL        = "url"
	ButtonPhone      = "phone_number"
	ButtonCopyCode   = "copy_code"
	ButtonOther      = "other"
)

// TemplateHeader is the optional first line of a template: a text or a
// media kind.
type TemplateHeader struct {
	Format string `json:"format"`
	Text   string `json:"text,omitempty"`
	// Example is the sample media link Meta was shown, for the preview.
	Example string `json:"example,omitempty"`
}

// TemplateButton is one button under a template.
type TemplateButton struct {
	Type  string `json:"type"`
	Text  string `json:"text"`
	URL   string `json:"url,omitempty"`
	Phone string `json:"phone,omitempty"`
}

// Components of a template that hold parameters.
const (
	ComponentHeader = "header"
	ComponentBody   = "body"
	ComponentButton = "button"
)

// TemplateParam is one value a send must supply, in the order a template
// node lists its parameters: the header's, then the body's, then each URL
// button's suffix.
type TemplateParam struct {
	Component string `json:"component"`
	// Index is the button's position among the template's buttons.
	Index int `json:"index"`
	// Name is the placeholder as written between the braces: "1" or "order_id".
	Name    string `json:"name"`
	Example string `json:"example,omitempty"`
}

// Key identifies the parameter inside its template: "body.1",
// "header.order_id", "button.2.1".
func (p TemplateParam) Key() string {
	if p.Component == ComponentButton {
		return ComponentButton + "." + strconv.Itoa(p.Index) + "." + p.Name
	}
	return p.Component + "." + p.Name
}

// Label names the parameter for people: "Body {{1}}", "Button 2 URL {{1}}".
func (p TemplateParam) Label() string {
	switch p.Component {
	case ComponentHeader:
		return "Header {{" + p.Name + "}}"
	case ComponentButton:
		return "Button " + strconv.Itoa(p.Index+1) + " URL {{" + p.Name + "}}"
	}
	return "Body {{" + p.Name + "}}"
}

// placeholderRE matches a template placeholder. Meta writes them without
// spaces; spaces are tolerated because a hand-made template may carry them.
var placeholderRE = regexp.MustCompile(`\{\{\s*([A-Za-z0-9_]+)\s*\}\}`)

// placeholderNames returns the distinct placeholder names of text in the
// order a send must list them: by number for positional templates, by first
// appearance for named ones.
func placeholderNames(text, format string) []string {
	var names []string
	seen := map[string]bool{}
	for _, m := range placeholderRE.FindAllStringSubmatch(text, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			names = append(names, m[1])
		}
	}
	if format != ParamsNamed {
		sort.SliceStable(names, func(i, j int) bool {
			a, errA := strconv.Atoi(names[i])
			b, errB := strconv.Atoi(names[j])
			if errA != nil || errB != nil {
				return errA == nil && errB != nil
			}
			return a < b
		})
	}
	return names
}

// Parameters lists every value a send of t must supply, in order.
func (t Template) Parameters() []TemplateParam {
	var out []TemplateParam
	add := func(component string, index int, names []string) {
		for _, n := range names {
			p := TemplateParam{Component: component, Index: index, Name: n}
			p.Example = t.Examples[p.Key()]
			out = append(out, p)
		}
	}
	if t.Header != nil && t.Header.Format == HeaderText {
		add(ComponentHeader, 0, placeholderNames(t.Header.Text, t.ParameterFormat))
	}
	add(ComponentBody, 0, placeholderNames(t.Body, t.ParameterFormat))
	for i, b := range t.Buttons {
		if b.Type == ButtonURL {
			add(ComponentButton, i, placeholderNames(b.URL, ParamsPositional))
		}
	}
	return out
}

// MediaHeader returns the header's media kind (image, video, document) when
// a send needs a media link, or "".
func (t Template) MediaHeader() string {
	if t.Header == nil {
		return ""
	}
	switch t.Header.Format {
	case HeaderImage, HeaderVideo, HeaderDocument:
		return t.Header.Format
	}
	return ""
}

// QuickReplies returns the texts of the quick-reply buttons, in order; a
// template node has one output per text.
func (t Template) QuickReplies() []string {
	var out []string
	for _, b := range t.Buttons {
		if b.Type == ButtonQuickReply {
			out = append(out, b.Text)
		}
	}
	return out
}

// Sendable reports whether Meta would accept a send of t now.
func (t Template) Sendable() bool {
	return strings.EqualFold(t.Status, StatusApproved) && t.Unsupported == ""
}
