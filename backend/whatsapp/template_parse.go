package whatsapp

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// TemplatePage is one page of GET /{waba-id}/message_templates.
type TemplatePage struct {
	Templates []Template
	// After is the cursor of the next page; Next is Meta's ready-made link
	// to it, empty on the last page.
	After string
	Next  string
	// Skipped counts entries that were not readable as a template (no name
	// or language, or a shape Meta never documented).
	Skipped int
}

// The wire shapes of the template list, as Meta documents them.
type wireTemplatePage struct {
	Data   []json.RawMessage `json:"data"`
	Paging struct {
		Cursors struct {
			Before string `json:"before"`
			After  string `json:"after"`
		} `json:"cursors"`
		Next string `json:"next"`
	} `json:"paging"`
	Error *wireGraphError `json:"error"`
}

type wireTemplate struct {
	ID              string          `json:"id"`
	Name            string          `json:"name"`
	Language        string          `json:"language"`
	Status          string          `json:"status"`
	Category        string          `json:"category"`
	RejectedReason  string          `json:"rejected_reason"`
	ParameterFormat string          `json:"parameter_format"`
	Components      []wireComponent `json:"components"`
}

type wireComponent struct {
	Type    string               `json:"type"`
	Format  string               `json:"format"`
	Text    string               `json:"text"`
	Buttons []wireTemplateButton `json:"buttons"`
	Example json.RawMessage      `json:"example"`
}

type wireTemplateButton struct {
	Type        string `json:"type"`
	Text        string `json:"text"`
	URL         string `json:"url"`
	PhoneNumber string `json:"phone_number"`
}

// wireExample is a component's "example": positional samples as arrays,
// named ones as name/example pairs, media as uploaded handles (links).
type wireExample struct {
	HeaderText      []string         `json:"header_text"`
	HeaderTextNamed []wireNamedParam `json:"header_text_named_params"`
	BodyText        [][]string       `json:"body_text"`
	BodyTextNamed   []wireNamedParam `json:"body_text_named_params"`
	HeaderHandle    []string         `json:"header_handle"`
	HeaderURL       []string         `json:"header_url"`
}

type wireNamedParam struct {
	ParamName string `json:"param_name"`
	Example   string `json:"example"`
}

// Limits that keep a hostile or broken answer from filling the database.
const (
	maxTemplateText    = 4096
	maxTemplateButtons = 10
	maxTemplateName    = 512
)

// ParseTemplatePage reads one page of Meta's template list. An entry that
// cannot be read is skipped and counted, so one odd template never stops a
// sync; a body that is not a template list at all is an error.
func ParseTemplatePage(body []byte) (TemplatePage, error) {
	var page TemplatePage
	if len(bytes.TrimSpace(body)) == 0 {
		return page, fmt.Errorf("whatsapp: template list: empty answer")
	}
	var w wireTemplatePage
	if err := json.Unmarshal(body, &w); err != nil {
		return page, fmt.Errorf("whatsapp: template list: %v", err)
	}
	if w.Error != nil {
		return page, fmt.Errorf("whatsapp: template list: %s", w.Error.Message)
	}
	page.After, page.Next = w.Paging.Cursors.After, w.Paging.Next
	for _, raw := range w.Data {
		var wt wireTemplate
		if err := json.Unmarshal(raw, &wt); err != nil {
			page.Skipped++
			continue
		}
		t, ok := convertTemplate(wt)
		if !ok {
			page.Skipped++
			continue
		}
		page.Templates = append(page.Templates, t)
	}
	return page, nil
}

// convertTemplate reduces Meta's components to a Template. Components and
// buttons the product cannot fill at send time mark the template
// Unsupported instead of being dropped silently.
func convertTemplate(wt wireTemplate) (Template, bool) {
	t := Template{
		ID:             clip(wt.ID, 64),
		Name:           strings.TrimSpace(wt.Name),
		Language:       strings.TrimSpace(wt.Language),
		Category:       strings.ToUpper(clip(wt.Category, 64)),
		Status:         strings.ToUpper(clip(wt.Status, 64)),
		RejectedReason: clip(wt.RejectedReason, 200),
	}
	if t.Name == "" || t.Language == "" || len(t.Name) > maxTemplateName || len(t.Language) > 32 {
		return Template{}, false
	}
	if strings.EqualFold(t.RejectedReason, "NONE") {
		t.RejectedReason = ""
	}
	var named []namedSample
	var positional map[string][]string
	for _, c := range wt.Components {
		switch strings.ToUpper(c.Type) {
		case "HEADER":
			t.Header = &TemplateHeader{Format: strings.ToLower(c.Format), Text: clip(c.Text, maxTemplateText)}
			if t.Header.Format == "" {
				t.Header.Format = HeaderText
			}
			ex := decodeExample(c.Example)
			named = append(named, prefixed(ComponentHeader, ex.HeaderTextNamed)...)
			positional = addPositional(positional, ComponentHeader, ex.HeaderText)
			if len(ex.HeaderHandle) > 0 {
				t.Header.Example = clip(ex.HeaderHandle[0], 2048)
			} else if len(ex.HeaderURL) > 0 {
				t.Header.Example = clip(ex.HeaderURL[0], 2048)
			}
			if t.Header.Format == HeaderLocation {
				t.markUnsupported("location headers")
			} else if t.Header.Format != HeaderText && t.MediaHeader() == "" {
				t.markUnsupported(t.Header.Format + " headers")
			}
		case "BODY":
			t.Body = clip(c.Text, maxTemplateText)
			ex := decodeExample(c.Example)
			named = append(named, prefixed(ComponentBody, ex.BodyTextNamed)...)
			if len(ex.BodyText) > 0 {
				positional = addPositional(positional, ComponentBody, ex.BodyText[0])
			}
		case "FOOTER":
			t.Footer = clip(c.Text, maxTemplateText)
		case "BUTTONS":
			for _, b := range c.Buttons {
				if len(t.Buttons) == maxTemplateButtons {
					break
				}
				t.Buttons = append(t.Buttons, convertButton(&t, b))
			}
		default:
			t.markUnsupported(strings.ToLower(clip(c.Type, 40)) + " components")
		}
	}
	t.ParameterFormat = parameterFormat(wt.ParameterFormat, t)
	t.Examples = examples(t, named, positional)
	return t, true
}

func convertButton(t *Template, b wireTemplateButton) TemplateButton {
	out := TemplateButton{Text: clip(b.Text, 200)}
	switch strings.ToUpper(b.Type) {
	case "QUICK_REPLY":
		out.Type = ButtonQuickReply
	case "URL":
		out.Type, out.URL = ButtonURL, clip(b.URL, 2048)
	case "PHONE_NUMBER":
		out.Type, out.Phone = ButtonPhone, clip(b.PhoneNumber, 40)
	case "COPY_CODE":
		out.Type = ButtonCopyCode
		t.markUnsupported("copy-code buttons")
	default:
		out.Type = ButtonOther
		if out.Text == "" {
			out.Text = strings.ToLower(clip(b.Type, 40))
		}
		t.markUnsupported(strings.ToLower(clip(b.Type, 40)) + " buttons")
	}
	return out
}

// markUnsupported records what keeps the product from sending t.
func (t *Template) markUnsupported(what string) {
	if strings.Contains(t.Unsupported, what) {
		return
	}
	if t.Unsupported != "" {
		t.Unsupported += ", "
	}
	t.Unsupported += what
}

func decodeExample(raw json.RawMessage) wireExample {
	var ex wireExample
	if len(raw) > 0 {
		// A sample of an undocumented shape only loses the hint.
		_ = json.Unmarshal(raw, &ex)
	}
	return ex
}

type namedSample struct {
	component string
	wireNamedParam
}

func prefixed(component string, ps []wireNamedParam) []namedSample {
	out := make([]namedSample, 0, len(ps))
	for _, p := range ps {
		out = append(out, namedSample{component, p})
	}
	return out
}

func addPositional(m map[string][]string, component string, values []string) map[string][]string {
	if len(values) == 0 {
		return m
	}
	if m == nil {
		m = map[string][]string{}
	}
	m[component] = values
	return m
}

// parameterFormat reads Meta's parameter_format, and for answers of API
// versions that lack it, decides from the placeholders themselves.
func parameterFormat(declared string, t Template) string {
	switch strings.ToUpper(declared) {
	case "NAMED":
		return ParamsNamed
	case "POSITIONAL":
		return ParamsPositional
	}
	text := t.Body
	if t.Header != nil {
		text += t.Header.Text
	}
	for _, m := range placeholderRE.FindAllStringSubmatch(text, -1) {
		if _, err := strconv.Atoi(m[1]); err != nil {
			return ParamsNamed
		}
	}
	return ParamsPositional
}

// examples keys the review samples by parameter.
func examples(t Template, named []namedSample, positional map[string][]string) map[string]string {
	out := map[string]string{}
	for _, p := range t.Parameters() {
		if p.Component == ComponentButton {
			continue
		}
		for _, s := range named {
			if s.component == p.Component && s.ParamName == p.Name {
				out[p.Key()] = clip(s.Example, 200)
			}
		}
		if n, err := strconv.Atoi(p.Name); err == nil && n >= 1 && n <= len(positional[p.Component]) {
			out[p.Key()] = clip(positional[p.Component][n-1], 200)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// clip bounds a string from the wire to at most limit bytes, on a rune
// boundary.
func clip(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	s = s[:limit]
	for i := 0; i < utf8.UTFMax && len(s) > 0; i++ {
		if r, size := utf8.DecodeLastRuneInString(s); r != utf8.RuneError || size != 1 {
			break
		}
		s = s[:len(s)-1]
	}
	return s
}
