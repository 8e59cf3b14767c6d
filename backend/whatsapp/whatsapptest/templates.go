package whatsapptest

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// WABAID is the WhatsApp Business Account the fake lists templates for.
const WABAID = "102290129340398"

// defaultTemplatePageSize is small so that every test of a sync pages.
const defaultTemplatePageSize = 2

// SetTemplates replaces the templates the fake lists. Each entry is one
// element of Meta's "data" array, as JSON (see Template for a helper).
func (g *Graph) SetTemplates(entries ...string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.templates = append([]string(nil), entries...)
}

// SetTemplatePageSize sets how many templates one page holds (default 2).
func (g *Graph) SetTemplatePageSize(n int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.pageSize = n
}

// TemplateListRequests reports how many template pages were requested.
func (g *Graph) TemplateListRequests() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.listed
}

// Template returns one approved template entry in Meta's shape: a body with
// positional parameters and one quick-reply button per reply.
func Template(name, language, body string, quickReplies ...string) string {
	comps := []map[string]any{{"type": "BODY", "text": body}}
	if len(quickReplies) > 0 {
		var buttons []map[string]string
		for _, q := range quickReplies {
			buttons = append(buttons, map[string]string{"type": "QUICK_REPLY", "text": q})
		}
		comps = append(comps, map[string]any{"type": "BUTTONS", "buttons": buttons})
	}
	b, _ := json.Marshal(map[string]any{"name": name, "language": language, "status": "APPROVED", "category": "UTILITY",
		"parameter_format": "POSITIONAL", "id": strconv.Itoa(len(name)*7919 + len(language)), "components": comps})
	return string(b)
}

// serveTemplateList answers GET /{version}/{waba-id}/message_templates like
// Meta: pages of at most the page size (or the request's smaller limit),
// with paging.cursors and a paging.next link on every page but the last.
func (g *Graph) serveTemplateList(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Bearer "+Token {
		writeGraphError(w, http.StatusUnauthorized, `{"error":{"message":"Invalid OAuth access token - Cannot parse access token","type":"OAuthException","code":190}}`)
		return
	}
	g.mu.Lock()
	g.listed++
	all := append([]string(nil), g.templates...)
	size := g.pageSize
	fail := g.takeFailure()
	g.mu.Unlock()
	if fail != nil {
		writeGraphError(w, fail.Status, fail.Body)
		return
	}
	if size <= 0 {
		size = defaultTemplatePageSize
	}
	if n, err := strconv.Atoi(r.URL.Query().Get("limit")); err == nil && n > 0 && n < size {
		size = n
	}
	start := 0
	if after := r.URL.Query().Get("after"); after != "" {
		raw, err := base64.RawURLEncoding.DecodeString(after)
		n, convErr := strconv.Atoi(strings.TrimPrefix(string(raw), "offset:"))
		if err != nil || convErr != nil || n < 0 || n > len(all) {
			writeGraphError(w, http.StatusBadRequest, `{"error":{"message":"(#100) Invalid parameter: after","type":"OAuthException","code":100}}`)
			return
		}
		start = n
	}
	end := min(start+size, len(all))
	cursor := func(n int) string { return base64.RawURLEncoding.EncodeToString([]byte("offset:" + strconv.Itoa(n))) }
	var b strings.Builder
	b.WriteString(`{"data":[` + strings.Join(all[start:end], ",") + `]`)
	if end > start {
		fmt.Fprintf(&b, `,"paging":{"cursors":{"before":%q,"after":%q}`, cursor(start), cursor(end))
		if end < len(all) {
			next := g.URL + r.URL.Path + "?" + url.Values{"limit": {strconv.Itoa(size)}, "after": {cursor(end)}}.Encode()
			fmt.Fprintf(&b, `,"next":%q`, next)
		}
		b.WriteString(`}`)
	}
	b.WriteString(`}`)
	w.Header().Set("Content-Type", "application/json")
	io.WriteString(w, b.String())
}

// takeFailure pops the next queued failure; g.mu must be held.
func (g *Graph) takeFailure() *Failure {
	if len(g.failures) == 0 {
		return nil
	}
	f := g.failures[0]
	g.failures = g.failures[1:]
	return &f
}

func writeGraphError(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

// decodeTemplate reads a template send into the request the tests compare:
// the name, language, every text parameter in order, the header link and
// the quick-reply payloads.
func decodeTemplate(body []byte, req *Request) error {
	var m struct {
		Template struct {
			Name     string `json:"name"`
			Language struct {
				Code string `json:"code"`
			} `json:"language"`
			Components []struct {
				Type       string `json:"type"`
				SubType    string `json:"sub_type"`
				Parameters []struct {
					Type    string            `json:"type"`
					Text    string            `json:"text"`
					Payload string            `json:"payload"`
					Image   map[string]string `json:"image"`
					Video   map[string]string `json:"video"`
					Doc     map[string]string `json:"document"`
				} `json:"parameters"`
			} `json:"components"`
		} `json:"template"`
	}
	if err := json.Unmarshal(body, &m); err != nil {
		return err
	}
	if m.Template.Name == "" || m.Template.Language.Code == "" {
		return fmt.Errorf("template without name or language")
	}
	req.Template, req.Language, req.Text = m.Template.Name, m.Template.Language.Code, m.Template.Name
	for _, c := range m.Template.Components {
		for _, p := range c.Parameters {
			switch p.Type {
			case "text":
				req.Params = append(req.Params, p.Text)
			case "payload":
				req.Options = append(req.Options, p.Payload)
			case "image", "video", "document":
				for _, media := range []map[string]string{p.Image, p.Video, p.Doc} {
					if media["link"] != "" {
						req.HeaderLink = media["link"]
					}
				}
			}
		}
	}
	return nil
}

// QuickReplyBody returns a webhook body with a tap on a template's
// quick-reply button, in Meta's shape: a message of type "button" whose
// payload is the one the send gave the button (its text here).
func QuickReplyBody(from, name, wamid, text string) []byte {
	msg := map[string]any{"from": from, "id": wamid, "timestamp": strconv.FormatInt(time.Now().Unix(), 10), "type": "button",
		"button": map[string]string{"text": text, "payload": text}}
	return envelope(map[string]any{"messaging_product": "whatsapp",
		"metadata": map[string]string{"display_phone_number": "15550783881", "phone_number_id": PhoneNumberID},
		"contacts": []map[string]any{{"profile": map[string]string{"name": name}, "wa_id": from}},
		"messages": []map[string]any{msg}})
}
