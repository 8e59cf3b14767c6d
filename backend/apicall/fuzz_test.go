package apicall_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tidwall/gjson"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
)

// FuzzRenderJSONValue checks that any value placed in a JSON body, inside a
// string or standing alone, keeps the body valid JSON and round-trips.
func FuzzRenderJSONValue(f *testing.F) {
	for _, s := range []string{"", "plain", `"quoted"`, `back\slash`, "new\nline", "日本 😀", "\x00\x1f", "12", "true", `"}]`} {
		f.Add(s, "3")
	}
	f.Fuzz(func(t *testing.T, value, qty string) {
		def := apicall.Definition{Name: "f", Method: "POST", URL: "https://f.test/{{v}}?q={{v}}",
			Body: `{"in": "<{{v}}>", "alone": {{v}}, "n": {{qty}}, "arr": [{{qty}}, "{{v}}"]}`}
		req, err := apicall.Render(def, attribute.Values{"v": value, "qty": qty}, apicall.Types{"qty": attribute.Number})
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		var got struct {
			In    string `json:"in"`
			Alone any    `json:"alone"`
			N     any    `json:"n"`
			Arr   []any  `json:"arr"`
		}
		if err := json.Unmarshal([]byte(req.Body), &got); err != nil {
			t.Fatalf("body is not JSON for value %q, qty %q: %v\n%s", value, qty, err, req.Body)
		}
		// encoding/json replaces invalid UTF-8 the same way the renderer does.
		want := value
		if !utf8.ValidString(want) {
			b, _ := json.Marshal(value)
			_ = json.Unmarshal(b, &want)
		}
		if got.In != "<"+want+">" {
			t.Fatalf("in = %q, want %q", got.In, "<"+want+">")
		}
		if len(got.Arr) != 2 {
			t.Fatalf("arr = %v", got.Arr)
		}
		u, err := url.Parse(req.URL)
		if err != nil || u.Host != "f.test" {
			t.Fatalf("URL %q: %v", req.URL, err)
		}
		if utf8.ValidString(value) && (u.Path != "/"+value || u.Query().Get("q") != value) {
			t.Fatalf("URL %q does not carry %q as path and query", req.URL, value)
		}
	})
}

// FuzzRender renders arbitrary templates everywhere; it must never panic
// and must report every missing placeholder once.
func FuzzRender(f *testing.F) {
	f.Add("https://x.test/{{a}}", `{"a": {{a}}}`, "{{a.b}}", "v")
	f.Add("{{base}}/p?x={{a}}#{{a}}", `[{{a}},"{{ a }}"`, "Bearer {{t}}", "")
	f.Add("https://{{h}}", `{"x":"\"{{a}}`, "\r\n{{a}}", "x\ny")
	f.Fuzz(func(t *testing.T, rawURL, body, header, value string) {
		def := apicall.Definition{Name: "f", Method: "POST", URL: rawURL, Body: body,
			Headers: []apicall.KV{{Key: "X-F", Value: header}},
			Auth:    apicall.Auth{Type: apicall.AuthBearer, Token: header}}
		for _, bt := range []string{apicall.BodyJSON, apicall.BodyForm} {
			def.BodyType = bt
			req, err := apicall.Render(def, attribute.Values{"a": value}, apicall.Types{"a": attribute.Number})
			if err != nil {
				continue
			}
			seen := map[string]bool{}
			for _, m := range req.Missing {
				if seen[m] {
					t.Fatalf("missing lists %q twice", m)
				}
				seen[m] = true
			}
			for _, h := range req.Headers {
				if strings.ContainsAny(h.Value, "\r\n") {
					t.Fatalf("header %s carries a line break: %q", h.Key, h.Value)
				}
			}
			_ = apicall.Redact(req, def)
		}
		_ = apicall.Placeholders(def)
		_ = def.Validate()
	})
}

// FuzzParseCurl feeds arbitrary commands to the cURL importer: no panic,
// and a successful import always has a supported method and a URL.
func FuzzParseCurl(f *testing.F) {
	for _, s := range []string{
		`curl https://x.test`,
		`curl -X POST -H 'A: b' -d '{"a":1}' https://x.test`,
		"curl \\\n -u a:b \"https://x.test/?a=1&b\"",
		`curl -G -d q=1 --data-urlencode 'x=a b' x.test`,
		`curl $'\x' -sSLXPOST`,
		`curl -H "Authorization: Basic !!!" x`,
		`curl "unterminated`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, cmd string) {
		def, err := apicall.ParseCurl(cmd)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "apicall: parse curl: ") {
				t.Fatalf("error without prefix: %v", err)
			}
			return
		}
		switch def.Method {
		case "GET", "POST", "PUT", "PATCH", "DELETE":
		default:
			t.Fatalf("method %q", def.Method)
		}
		if def.URL == "" || def.TimeoutMs <= 0 || def.TimeoutMs > apicall.MaxTimeoutMs {
			t.Fatalf("definition %+v", def)
		}
		_ = def.Validate()
	})
}

// FuzzStructure checks that every listed path resolves in the document.
func FuzzStructure(f *testing.F) {
	f.Add(orderJSON)
	f.Add(`[[1,[2]],{"a.b":{"*":null}}]`)
	f.Add(`{"@this":1,"a|b":[{"#":2}]}`)
	f.Fuzz(func(t *testing.T, body string) {
		for _, p := range apicall.Structure(body) {
			if p.Path == "" || !gjson.Get(body, p.Path).Exists() {
				t.Fatalf("listed path %q does not resolve in %s", p.Path, body)
			}
		}
		_, _ = apicall.Map(body, []apicall.Mapping{{Path: "a.b", Attribute: "x"}}, nil)
	})
}
