package apicall

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// definition turns the collected options into a Definition.
func (c *curlCommand) definition() (Definition, error) {
	if c.rawURL == "" {
		return Definition{}, fmt.Errorf("the command has no URL")
	}
	def := Definition{Method: c.method, Headers: []KV{}, Query: []KV{}, Mappings: []Mapping{}, FollowRedirects: c.follow}
	base, query := splitQuery(c.rawURL)
	if !strings.Contains(base, "://") && !strings.HasPrefix(base, "{{") {
		base = "http://" + base
	}
	def.URL = base
	def.Query = append(def.Query, query...)

	body := strings.Join(c.data, "&")
	if c.get && body != "" {
		def.Query = append(def.Query, parseQueryRows(body)...)
		body = ""
	}
	if def.Method == "" {
		def.Method = "GET"
		if body != "" {
			def.Method = "POST"
		}
	}
	if !validMethod(def.Method) {
		return Definition{}, fmt.Errorf("the method %s is not supported (use GET, POST, PUT, PATCH or DELETE)", def.Method)
	}

	contentType := ""
	for _, h := range c.headers {
		switch {
		case strings.EqualFold(h.Key, "Authorization") && c.setAuthFromHeader(&def, h.Value):
		case strings.EqualFold(h.Key, "Content-Type"):
			contentType = strings.ToLower(h.Value)
			def.Headers = append(def.Headers, h)
		default:
			def.Headers = append(def.Headers, h)
		}
	}
	if c.hasUser {
		user, pass, _ := strings.Cut(c.user, ":")
		def.Auth = Auth{Type: AuthBasic, Username: user, Password: pass}
	}
	if def.Auth.Type == "" {
		def.Auth.Type = AuthNone
	}

	def.Body = body
	switch {
	case body == "":
		def.BodyType = BodyNone
	case c.isJSON || strings.Contains(contentType, "json"):
		def.BodyType = BodyJSON
	case strings.Contains(contentType, "x-www-form-urlencoded"):
		def.BodyType = BodyForm
	case contentType == "" && json.Valid([]byte(body)) && strings.ContainsAny(body[:1], "{["):
		def.BodyType = BodyJSON
	default:
		def.BodyType = BodyForm
	}
	if c.maxTime != "" {
		if secs, err := strconv.ParseFloat(c.maxTime, 64); err == nil && secs > 0 {
			def.TimeoutMs = min(int(secs*1000), MaxTimeoutMs)
		}
	}
	if def.TimeoutMs == 0 {
		def.TimeoutMs = DefaultTimeoutMs
	}
	def.Name = suggestName(def.URL)
	return def, nil
}

// setAuthFromHeader turns "Bearer x" and "Basic b64" into auth settings.
func (c *curlCommand) setAuthFromHeader(def *Definition, value string) bool {
	scheme, cred, _ := strings.Cut(strings.TrimSpace(value), " ")
	cred = strings.TrimSpace(cred)
	switch strings.ToLower(scheme) {
	case "bearer":
		def.Auth = Auth{Type: AuthBearer, Token: cred}
		return true
	case "basic":
		raw, err := base64.StdEncoding.DecodeString(cred)
		if err != nil {
			return false
		}
		user, pass, _ := strings.Cut(string(raw), ":")
		def.Auth = Auth{Type: AuthBasic, Username: user, Password: pass}
		return true
	}
	return false
}

// splitQuery cuts the query string (and any fragment) off a URL and returns
// its parameters as rows.
func splitQuery(raw string) (string, []KV) {
	raw, _, _ = strings.Cut(raw, "#")
	base, q, ok := strings.Cut(raw, "?")
	if !ok {
		return base, nil
	}
	return base, parseQueryRows(q)
}

func parseQueryRows(q string) []KV {
	var rows []KV
	for _, part := range strings.Split(q, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		rows = append(rows, KV{Key: unescapeQuery(k), Value: unescapeQuery(v)})
	}
	return rows
}

func unescapeQuery(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	return s
}

// suggestName builds a readable name from a URL: host and last path part.
func suggestName(raw string) string {
	u, err := url.Parse(placeholderRE.ReplaceAllString(raw, "x"))
	if err != nil || u.Host == "" {
		return "Imported API"
	}
	name := u.Hostname()
	if parts := strings.Split(strings.Trim(u.Path, "/"), "/"); parts[len(parts)-1] != "" {
		name += " " + parts[len(parts)-1]
	}
	if len(name) > MaxNameLength {
		name = name[:MaxNameLength]
	}
	return name
}
