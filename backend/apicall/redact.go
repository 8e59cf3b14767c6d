package apicall

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Mask replaces every secret in logs and in what the UI shows of a request.
const Mask = "••••"

// MaxLoggedResponse is how much of a response body the call log keeps.
const MaxLoggedResponse = 8 << 10

// minSecretLen keeps very short values (which would match everywhere) from
// being masked by content; they are still masked by position.
const minSecretLen = 3

// Call sources recorded in the call log.
const (
	SourceTest      = "test"
	SourceSimulator = "simulator"
	SourceLive      = "live"
)

// LogEntry is one recorded call. The request is redacted and the response
// body cut to MaxLoggedResponse before an entry is built, so an entry can be
// stored and shown as is. APIID and ContactID are 0 when there is none (an
// unsaved API being tested, a call outside a conversation).
type LogEntry struct {
	ID                int64     `json:"id"`
	At                time.Time `json:"at"`
	APIID             int64     `json:"apiId"`
	APIName           string    `json:"apiName"`
	ContactID         int64     `json:"contactId"`
	Source            string    `json:"source"`
	Method            string    `json:"method"`
	URL               string    `json:"url"`
	Status            int       `json:"status"`
	DurationMs        int64     `json:"durationMs"`
	Error             string    `json:"error"`
	RequestHeaders    []KV      `json:"requestHeaders"`
	RequestBody       string    `json:"requestBody"`
	ResponseBody      string    `json:"responseBody"`
	ResponseTruncated bool      `json:"responseTruncated"`
}

// NewLogEntry builds the call log entry for one execution of def, with the
// request redacted and the response truncated.
func NewLogEntry(def Definition, res Response, source string, contactID int64, at time.Time) LogEntry {
	req := Redact(res.Request, def)
	body, cut := truncate(res.Body, MaxLoggedResponse)
	method := req.Method
	if method == "" {
		method = def.Normalized().Method
	}
	return LogEntry{
		At: at, APIID: def.ID, APIName: def.Name, ContactID: contactID, Source: source,
		Method: method, URL: req.URL, Status: res.Status, DurationMs: res.DurationMs, Error: res.Error,
		RequestHeaders: req.Headers, RequestBody: req.Body, ResponseBody: body, ResponseTruncated: cut,
	}
}

// Redact returns a copy of a rendered request with every secret replaced by
// Mask: authorization and cookie headers, the API key header or query
// parameter, parameters and headers whose names say they hold a secret, a
// password in the URL, and any occurrence of a rendered auth value anywhere.
func Redact(r Request, def Definition) Request {
	def = def.Normalized()
	secrets := secretValues(r.Secrets)
	out := Request{Method: r.Method, Body: maskAll(r.Body, secrets), Missing: r.Missing}
	keyHeader, keyParam := "", ""
	if def.Auth.Type == AuthAPIKey {
		if def.Auth.In == InQuery {
			keyParam = def.Auth.Name
		} else {
			keyHeader = def.Auth.Name
		}
	}
	out.Headers = make([]KV, 0, len(r.Headers))
	for _, h := range r.Headers {
		v := maskAll(h.Value, secrets)
		if sensitiveName(h.Key) || (keyHeader != "" && strings.EqualFold(h.Key, keyHeader)) {
			v = maskHeader(h.Value)
		}
		out.Headers = append(out.Headers, KV{Key: h.Key, Value: v})
	}
	out.URL = redactURL(r.URL, keyParam, secrets)
	return out
}

// RedactURL masks the secrets of a rendered URL for a log line.
func RedactURL(r Request, def Definition) string {
	return Redact(Request{URL: r.URL, Secrets: r.Secrets}, def).URL
}

func secretValues(raw []string) []string {
	var out []string
	for _, s := range raw {
		if len(s) >= minSecretLen {
			out = append(out, s)
			if esc := url.QueryEscape(s); esc != s {
				out = append(out, esc)
			}
		}
	}
	return out
}

func maskAll(s string, secrets []string) string {
	for _, sec := range secrets {
		s = strings.ReplaceAll(s, sec, Mask)
	}
	return s
}

// maskHeader hides a header value but keeps an auth scheme word so the log
// still says which kind of credential was sent ("Bearer ••••").
func maskHeader(v string) string {
	if scheme, _, ok := strings.Cut(v, " "); ok {
		switch strings.ToLower(scheme) {
		case "bearer", "basic", "token", "digest", "apikey":
			return scheme + " " + Mask
		}
	}
	return Mask
}

var sensitiveWords = []string{"authorization", "cookie", "token", "secret", "password", "passwd", "apikey", "api-key", "api_key", "signature", "x-api-key", "access_key", "credential"}

func sensitiveName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range sensitiveWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return n == "key" || n == "sig"
}

func redactURL(raw, keyParam string, secrets []string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return maskAll(raw, secrets)
	}
	if u.User != nil {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), Mask)
		}
	}
	if u.RawQuery != "" {
		parts := strings.Split(u.RawQuery, "&")
		for i, p := range parts {
			k, _, _ := strings.Cut(p, "=")
			name, err := url.QueryUnescape(k)
			if err != nil {
				name = k
			}
			if sensitiveName(name) || (keyParam != "" && name == keyParam) {
				parts[i] = k + "=" + Mask
			}
		}
		u.RawQuery = strings.Join(parts, "&")
	}
	// url.URL escapes the mask inside userinfo; show it as typed.
	return maskAll(strings.ReplaceAll(u.String(), url.QueryEscape(Mask), Mask), secrets)
}

// truncate cuts s to at most n bytes on a rune boundary.
func truncate(s string, n int) (string, bool) {
	if len(s) <= n {
		return s, false
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut], true
}
