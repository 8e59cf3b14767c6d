package apicall

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"strings"

	"chatflow/backend/attribute"
)

// Request is a definition rendered for one call: placeholders filled, query
// rows and auth applied. Missing lists the placeholders that had no value
// (they were rendered empty, or null as a lone JSON value). Secrets holds the
// rendered secret values so that logs can redact them wherever they appear.
//
// A multipart body is sent from Parts (a file part's Value is the path of the
// file); Body then describes it for the call log and the tester.
type Request struct {
	Method  string   `json:"method"`
	URL     string   `json:"url"`
	Headers []KV     `json:"headers"`
	Body    string   `json:"body"`
	Parts   []Part   `json:"parts,omitempty"`
	Missing []string `json:"missing"`
	Secrets []string `json:"-"`
}

// Render fills a definition's placeholders from values, using types to place
// numbers and booleans in JSON bodies, and applies query rows, headers and
// authentication. It fails only when the rendered URL is not a usable URL.
func Render(def Definition, values attribute.Values, types Types) (Request, error) {
	def = def.Normalized()
	e := newExpander(values, types)
	req := Request{Method: def.Method, Headers: []KV{}}

	u, err := e.renderURL(def.URL)
	if err != nil {
		return req, err
	}
	var query []string
	for _, r := range def.Query {
		if !r.Disabled && strings.TrimSpace(r.Key) != "" {
			query = append(query, url.QueryEscape(e.expand(r.Key, raw))+"="+url.QueryEscape(e.expand(r.Value, raw)))
		}
	}
	for _, r := range def.Headers {
		if !r.Disabled && strings.TrimSpace(r.Key) != "" {
			// The template itself may hold a line break (typed, imported
			// from a bundle or a cURL command), not only a value.
			req.Headers = append(req.Headers, KV{Key: strings.TrimSpace(headerSafe(e.expand(r.Key, headerSafe))),
				Value: headerSafe(e.expand(r.Value, headerSafe))})
		}
	}

	switch def.Auth.Type {
	case AuthAPIKey:
		name, value := headerSafe(e.expand(def.Auth.Name, headerSafe)), headerSafe(e.expand(def.Auth.Value, headerSafe))
		req.Secrets = append(req.Secrets, value)
		if def.Auth.In == InQuery {
			query = append(query, url.QueryEscape(name)+"="+url.QueryEscape(value))
		} else {
			req.Headers = setHeader(req.Headers, name, value)
		}
	case AuthBearer:
		token := headerSafe(e.expand(def.Auth.Token, headerSafe))
		req.Secrets = append(req.Secrets, token)
		req.Headers = setHeader(req.Headers, "Authorization", "Bearer "+token)
	case AuthBasic:
		user, pass := e.expand(def.Auth.Username, headerSafe), e.expand(def.Auth.Password, headerSafe)
		enc := base64.StdEncoding.EncodeToString([]byte(user + ":" + pass))
		req.Secrets = append(req.Secrets, pass, enc)
		req.Headers = setHeader(req.Headers, "Authorization", "Basic "+enc)
	}

	if len(query) > 0 {
		if u.RawQuery != "" {
			u.RawQuery += "&"
		}
		u.RawQuery += strings.Join(query, "&")
	}
	req.URL = u.String()

	switch def.BodyType {
	case BodyJSON:
		req.Body = e.renderJSONBody(def.Body)
		req.Headers = defaultHeader(req.Headers, "Content-Type", "application/json")
	case BodyForm:
		req.Body = e.renderFormBody(def.Body)
		req.Headers = defaultHeader(req.Headers, "Content-Type", "application/x-www-form-urlencoded")
	case BodyText:
		req.Body = e.expand(def.Body, raw)
		req.Headers = defaultHeader(req.Headers, "Content-Type", "text/plain; charset=utf-8")
	case BodyMultipart:
		// The Content-Type carries a boundary made when the body is built,
		// so it is set then, replacing any the user typed.
		req.Parts = e.renderParts(def.Parts)
		req.Body = describeParts(req.Parts)
	}
	req.Headers = defaultHeader(req.Headers, "Accept", "application/json, */*;q=0.5")
	req.Missing = e.missing
	if req.Missing == nil {
		req.Missing = []string{}
	}
	return req, nil
}

// renderURL fills placeholders in a URL template. A placeholder before the
// path (in the scheme or host, such as {{base_url}}/orders) is inserted as
// is; in the path it is escaped as a path segment; in the query as a query
// value; in the fragment as a path segment.
func (e *expander) renderURL(tpl string) (*url.URL, error) {
	pathStart := urlPathStart(tpl)
	var out strings.Builder
	last := 0
	for _, loc := range placeholderRE.FindAllStringSubmatchIndex(tpl, -1) {
		out.WriteString(tpl[last:loc[0]])
		v := e.lookup(tpl[loc[2]:loc[3]])
		before := tpl[:loc[0]]
		switch {
		case loc[0] < pathStart:
			out.WriteString(strings.TrimSpace(v))
		case strings.Contains(before[pathStart:], "#"):
			out.WriteString(url.PathEscape(v))
		case strings.Contains(before[pathStart:], "?"):
			out.WriteString(url.QueryEscape(v))
		default:
			out.WriteString(url.PathEscape(v))
		}
		last = loc[1]
	}
	out.WriteString(tpl[last:])
	rendered := out.String()
	u, err := url.Parse(rendered)
	if err != nil {
		return nil, fmt.Errorf("apicall: render url: the filled-in URL is not valid: %w", unwrapURLError(err))
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("apicall: render url: the filled-in URL must start with http:// or https://")
	}
	if u.Host == "" {
		return nil, fmt.Errorf("apicall: render url: the filled-in URL has no host name")
	}
	return u, nil
}

// urlPathStart returns the index in a URL template where the path begins:
// after scheme://host, or after a leading placeholder that stands for the
// base URL.
func urlPathStart(tpl string) int {
	if i := strings.Index(tpl, "://"); i >= 0 && !strings.Contains(tpl[:i], "/") {
		rest := tpl[i+3:]
		if j := strings.IndexAny(rest, "/?#"); j >= 0 {
			return i + 3 + j
		}
		return len(tpl)
	}
	if loc := placeholderRE.FindStringIndex(tpl); loc != nil && loc[0] == 0 {
		return loc[1]
	}
	return 0
}

// setHeader replaces (case-insensitively) or adds a header.
func setHeader(h []KV, key, value string) []KV {
	out := h[:0:0]
	for _, kv := range h {
		if !strings.EqualFold(kv.Key, key) {
			out = append(out, kv)
		}
	}
	return append(out, KV{Key: key, Value: value})
}

// defaultHeader adds a header unless the user already set it.
func defaultHeader(h []KV, key, value string) []KV {
	for _, kv := range h {
		if strings.EqualFold(kv.Key, key) {
			return h
		}
	}
	return append(h, KV{Key: key, Value: value})
}
