package apicall_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"chatflow/backend/apicall"
)

func TestValidate(t *testing.T) {
	ok := apicall.Definition{Name: "Orders", Method: "GET", URL: "https://shop.test/orders/{{id}}"}
	tests := []struct {
		name      string
		edit      func(d *apicall.Definition)
		wantField string
		wantMsg   string
	}{
		{"valid", func(d *apicall.Definition) {}, "", ""},
		{"base URL placeholder", func(d *apicall.Definition) { d.URL = "{{base}}/x" }, "", ""},
		{"lower-case method", func(d *apicall.Definition) { d.Method = "post" }, "", ""},
		{"no name", func(d *apicall.Definition) { d.Name = "  " }, "name", "Give the API a name."},
		{"long name", func(d *apicall.Definition) { d.Name = strings.Repeat("n", 81) }, "name", "longer than 80"},
		{"bad method", func(d *apicall.Definition) { d.Method = "HEAD" }, "method", "not a supported method"},
		{"no URL", func(d *apicall.Definition) { d.URL = "" }, "url", "Enter the URL"},
		{"no scheme", func(d *apicall.Definition) { d.URL = "shop.test/x" }, "url", "http:// or https://"},
		{"no host", func(d *apicall.Definition) { d.URL = "https:///x" }, "url", "needs a host"},
		{"bad URL", func(d *apicall.Definition) { d.URL = "https://sh op.test/%zz" }, "url", "not valid"},
		{"timeout too long", func(d *apicall.Definition) { d.TimeoutMs = 60001 }, "timeoutMs", "between 1 and 60 seconds"},
		{"negative timeout", func(d *apicall.Definition) { d.TimeoutMs = -1 }, "timeoutMs", "between"},
		{"bad body type", func(d *apicall.Definition) { d.BodyType = "xml" }, "bodyType", "not a body type"},
		{"query value without key", func(d *apicall.Definition) { d.Query = []apicall.KV{{Value: "x"}} }, "query.0.key", "no name"},
		{"header with space", func(d *apicall.Definition) { d.Headers = []apicall.KV{{}, {Key: "X Y", Value: "1"}} }, "headers.1.key", "not a valid header name"},
		{"api key without name", func(d *apicall.Definition) { d.Auth = apicall.Auth{Type: "apiKey", Value: "k"} }, "auth.name", "name of the API key"},
		{"api key in body", func(d *apicall.Definition) { d.Auth = apicall.Auth{Type: "apiKey", In: "body", Name: "k", Value: "v"} }, "auth.in", "header or in the query"},
		{"api key without value", func(d *apicall.Definition) { d.Auth = apicall.Auth{Type: "apiKey", Name: "k"} }, "auth.value", "Enter the API key."},
		{"bearer without token", func(d *apicall.Definition) { d.Auth = apicall.Auth{Type: "bearer"} }, "auth.token", "bearer token"},
		{"basic without user", func(d *apicall.Definition) { d.Auth = apicall.Auth{Type: "basic", Password: "p"} }, "auth.username", "user name"},
		{"unknown auth", func(d *apicall.Definition) { d.Auth = apicall.Auth{Type: "oauth"} }, "auth.type", "not an authentication type"},
		{"mapping without path", func(d *apicall.Definition) { d.Mappings = []apicall.Mapping{{Attribute: "x"}} }, "mappings.0.path", "needs a response path"},
		{"mapping without attribute", func(d *apicall.Definition) { d.Mappings = []apicall.Mapping{{Path: "a"}} }, "mappings.0.attribute", "needs an attribute"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := ok
			tt.edit(&d)
			err := d.Validate()
			if tt.wantField == "" {
				if err != nil {
					t.Fatalf("Validate() = %v", err)
				}
				return
			}
			var fe *apicall.FieldError
			if !errors.As(err, &fe) || fe.Field != tt.wantField || !strings.Contains(fe.Message, tt.wantMsg) {
				t.Fatalf("Validate() = %#v, want field %q with %q", err, tt.wantField, tt.wantMsg)
			}
		})
	}
}

func TestNormalizedAndJSON(t *testing.T) {
	d := apicall.Definition{Name: " Orders ", Method: "patch", URL: " https://x.test ", Body: `{"a":1}`,
		Auth: apicall.Auth{Type: apicall.AuthAPIKey, Name: "k", Value: "v"}}.Normalized()
	if d.Name != "Orders" || d.Method != "PATCH" || d.URL != "https://x.test" || d.TimeoutMs != 10000 ||
		d.BodyType != "json" || d.Auth.In != "header" || d.Query == nil || d.Headers == nil || d.Mappings == nil {
		t.Fatalf("Normalized = %+v", d)
	}
	if got := (apicall.Definition{}).Normalized(); got.Method != "GET" || got.BodyType != "none" || got.Auth.Type != "none" {
		t.Fatalf("empty Normalized = %+v", got)
	}
	raw, _ := json.Marshal(apicall.Definition{Name: "n", Query: []apicall.KV{{Key: "a", Value: "b"}}})
	for _, want := range []string{`"name":"n"`, `"query":[{"key":"a","value":"b"}]`, `"auth":{"type":""}`, `"timeoutMs":0`, `"followRedirects":false`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("JSON %s lacks %s", raw, want)
		}
	}
	for _, absent := range []string{`"id"`, `"sampleResponse"`, `"sampleStructure"`, `"disabled"`} {
		if strings.Contains(string(raw), absent) {
			t.Errorf("JSON %s should omit %s when empty", raw, absent)
		}
	}
}
