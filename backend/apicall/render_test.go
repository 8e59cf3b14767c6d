package apicall_test

import (
	"encoding/json"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
)

var testTypes = apicall.Types{
	"qty":    attribute.Number,
	"price":  attribute.Number,
	"vip":    attribute.Boolean,
	"day":    attribute.Date,
	"note":   attribute.Text,
	"name":   attribute.Text,
	"status": attribute.Number,
	"slots":  attribute.List,
	"chosen": attribute.Text,
}

func render(t *testing.T, def apicall.Definition, values attribute.Values) apicall.Request {
	t.Helper()
	req, err := apicall.Render(def, values, testTypes)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return req
}

func TestRenderJSONBodyRoundTrip(t *testing.T) {
	tricky := []string{
		`She said "hi"`,
		`C:\path\to\file \n not a newline`,
		"line one\nline two\r\nline three\ttabbed",
		"unicode: café, 日本語, emoji 😀, rtl עברית",
		"control \x01\x1f and </script> & <b>",
		`{{not_a_placeholder_value}}`,
		`"}, "injected": true, "x": "`,
		"",
	}
	tpl := `{"note": "Note: {{note}}!", "qty": {{qty}}, "vip": {{vip}}, "plain": {{note}}, "list": [{{qty}}, "{{note}}"]}`
	for _, note := range tricky {
		t.Run(note, func(t *testing.T) {
			def := apicall.Definition{Name: "x", Method: "POST", URL: "https://example.test/", Body: tpl}
			req := render(t, def, attribute.Values{"note": note, "qty": "3", "vip": "yes"})
			var got struct {
				Note  string  `json:"note"`
				Qty   float64 `json:"qty"`
				VIP   bool    `json:"vip"`
				Plain *string `json:"plain"`
				List  []any   `json:"list"`
			}
			if err := json.Unmarshal([]byte(req.Body), &got); err != nil {
				t.Fatalf("rendered body is not JSON: %v\n%s", err, req.Body)
			}
			if got.Note != "Note: "+note+"!" {
				t.Errorf("note = %q, want %q", got.Note, "Note: "+note+"!")
			}
			if got.Qty != 3 || !got.VIP {
				t.Errorf("qty, vip = %v, %v; want 3, true", got.Qty, got.VIP)
			}
			if note == "" {
				if got.Plain != nil {
					t.Errorf("empty lone text placeholder = %q, want null", *got.Plain)
				}
			} else if got.Plain == nil || *got.Plain != note {
				t.Errorf("lone text placeholder = %v, want %q", got.Plain, note)
			}
			if len(got.List) != 2 || got.List[0] != 3.0 || got.List[1] != note {
				t.Errorf("list = %#v", got.List)
			}
			var keys map[string]any
			_ = json.Unmarshal([]byte(req.Body), &keys)
			if len(keys) != 5 {
				t.Errorf("body has keys %v, want exactly the 5 of the template (a value escaped its string)", keys)
			}
		})
	}
}

func TestRenderJSONBody(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		values attribute.Values
		want   string
	}{
		{"number bare", `{"n": {{qty}}}`, attribute.Values{"qty": "12.50"}, `{"n": 12.5}`},
		{"boolean bare", `{"b":{{vip}}}`, attribute.Values{"vip": "no"}, `{"b":false}`},
		{"missing number is null", `{"n": {{qty}} }`, nil, `{"n": null }`},
		{"bad number quoted", `{"n": {{qty}}}`, attribute.Values{"qty": "lots"}, `{"n": "lots"}`},
		{"number inside string stays text", `{"n": "#{{qty}}"}`, attribute.Values{"qty": "7"}, `{"n": "#7"}`},
		{"date quoted", `{"d": {{day}}}`, attribute.Values{"day": "2024-01-02"}, `{"d": "2024-01-02"}`},
		{"unknown name is text", `{"x": {{other}}}`, attribute.Values{"other": "5"}, `{"x": "5"}`},
		{"array elements", `[{{qty}},{{vip}}]`, attribute.Values{"qty": "1", "vip": "true"}, `[1,true]`},
		{"whole body", `{{qty}}`, attribute.Values{"qty": "4"}, `4`},
		{"spaces inside braces", `{"a": "{{ name }}"}`, attribute.Values{"name": "Ann"}, `{"a": "Ann"}`},
		{"dotted built-in", `{"a": "{{contact.name}}"}`, attribute.Values{"contact.name": `A "B"`}, `{"a": "A \"B\""}`},
		{"after escaped quote", `{"a": "x\"{{name}}"}`, attribute.Values{"name": `"`}, `{"a": "x\"\""}`},
		{"not standing alone inserted raw", `{"a": 1{{qty}}}`, attribute.Values{"qty": "2"}, `{"a": 12}`},
		{"no placeholders untouched", `{"a": "{{"}`, nil, `{"a": "{{"}`},
		{"list bare", `{"slots": {{slots}}}`, attribute.Values{"slots": `[ {"id": "s1"} ]`}, `{"slots": [{"id":"s1"}]}`},
		{"field of a chosen item", `{"slot": "{{chosen.id}}", "n": {{slots.#}}, "first": {{slots.0.id}}}`,
			attribute.Values{"chosen": `{"id":"s12","time":"15:30"}`, "slots": `[{"id":"s1"},{"id":"s2"}]`},
			`{"slot": "s12", "n": "2", "first": "s1"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			def := apicall.Definition{Name: "x", Method: "POST", URL: "https://example.test/", Body: tt.body, BodyType: apicall.BodyJSON}
			if got := render(t, def, tt.values).Body; got != tt.want {
				t.Fatalf("body = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestRenderURL(t *testing.T) {
	tests := []struct {
		name   string
		def    apicall.Definition
		values attribute.Values
		want   string
	}{
		{"path segment escaped", apicall.Definition{URL: "https://shop.test/orders/{{id}}"},
			attribute.Values{"id": "a/b c?d#e"}, "https://shop.test/orders/a%2Fb%20c%3Fd%23e"},
		{"unicode path", apicall.Definition{URL: "https://shop.test/q/{{id}}"},
			attribute.Values{"id": "café"}, "https://shop.test/q/caf%C3%A9"},
		{"query value in URL escaped", apicall.Definition{URL: "https://shop.test/s?q={{q}}&x=1"},
			attribute.Values{"q": "a&b=c d"}, "https://shop.test/s?q=a%26b%3Dc+d&x=1"},
		{"base URL placeholder raw", apicall.Definition{URL: "{{base}}/orders/{{id}}"},
			attribute.Values{"base": "http://127.0.0.1:9000/api", "id": "7 8"}, "http://127.0.0.1:9000/api/orders/7%208"},
		{"host placeholder raw", apicall.Definition{URL: "https://{{host}}/x"},
			attribute.Values{"host": "api.shop.test"}, "https://api.shop.test/x"},
		{"query rows appended and encoded", apicall.Definition{URL: "https://shop.test/s?fixed=1", Query: []apicall.KV{
			{Key: "q", Value: "{{q}}"}, {Key: "off", Value: "x", Disabled: true}, {Key: "lang", Value: "en"}, {Key: "", Value: ""}}},
			attribute.Values{"q": "a&b"}, "https://shop.test/s?fixed=1&q=a%26b&lang=en"},
		{"api key in query", apicall.Definition{URL: "https://shop.test/s",
			Auth: apicall.Auth{Type: apicall.AuthAPIKey, In: apicall.InQuery, Name: "api_key", Value: "{{k}}"}},
			attribute.Values{"k": "s3cr+t"}, "https://shop.test/s?api_key=s3cr%2Bt"},
		{"fragment", apicall.Definition{URL: "https://shop.test/p#{{f}}"},
			attribute.Values{"f": "a b"}, "https://shop.test/p#a%20b"},
		{"field of a chosen item", apicall.Definition{URL: "https://shop.test/slots/{{chosen.id}}/book?n={{slots.#}}"},
			attribute.Values{"chosen": `{"id":"s 12"}`, "slots": `[1,2,3]`}, "https://shop.test/slots/s%2012/book?n=3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.def.Name = "x"
			got := render(t, tt.def, tt.values).URL
			if got != tt.want {
				t.Fatalf("URL = %s, want %s", got, tt.want)
			}
			if _, err := url.Parse(got); err != nil {
				t.Fatalf("rendered URL does not parse: %v", err)
			}
		})
	}
}

func TestRenderBadURL(t *testing.T) {
	for _, tpl := range []string{"{{base}}/x", "ftp://shop.test/", "https:///nohost"} {
		_, err := apicall.Render(apicall.Definition{Name: "x", URL: tpl}, nil, nil)
		if err == nil || !strings.HasPrefix(err.Error(), "apicall: render url:") {
			t.Errorf("Render(%q) error = %v, want a render url error", tpl, err)
		}
	}
}

func TestRenderFormHeadersAndAuth(t *testing.T) {
	def := apicall.Definition{
		Name: "x", Method: "POST", URL: "https://shop.test/", BodyType: apicall.BodyForm,
		Body:    "name={{name}}&note={{note}}",
		Headers: []apicall.KV{{Key: "X-Note", Value: "{{note}}"}, {Key: "X-Off", Value: "1", Disabled: true}},
		Auth:    apicall.Auth{Type: apicall.AuthBearer, Token: "{{token}}"},
	}
	req := render(t, def, attribute.Values{"name": "A&B=C", "note": "two\r\nlines", "token": "t.o.k"})
	form, err := url.ParseQuery(req.Body)
	if err != nil || form.Get("name") != "A&B=C" || form.Get("note") != "two\r\nlines" {
		t.Fatalf("form body %q did not round-trip: %v %v", req.Body, form, err)
	}
	want := []apicall.KV{
		{Key: "X-Note", Value: "two lines"},
		{Key: "Authorization", Value: "Bearer t.o.k"},
		{Key: "Content-Type", Value: "application/x-www-form-urlencoded"},
		{Key: "Accept", Value: "application/json, */*;q=0.5"},
	}
	if !reflect.DeepEqual(req.Headers, want) {
		t.Fatalf("headers = %#v, want %#v", req.Headers, want)
	}
}

func TestRenderMissing(t *testing.T) {
	def := apicall.Definition{Name: "x", URL: "https://shop.test/{{id}}?q={{q}}", Body: `{"a":"{{id}}","b":{{qty}}}`,
		Headers: []apicall.KV{{Key: "X", Value: "{{h}}"}}}
	req := render(t, def, attribute.Values{"q": "present", "h": ""})
	want := []string{"id", "h", "qty"}
	if !reflect.DeepEqual(req.Missing, want) {
		t.Fatalf("missing = %v, want %v", req.Missing, want)
	}
}

func TestPlaceholders(t *testing.T) {
	def := apicall.Definition{
		URL:     "https://shop.test/{{order_id}}/{{contact.phone}}",
		Query:   []apicall.KV{{Key: "lang", Value: "{{lang}}"}, {Key: "x", Value: "{{disabled}}", Disabled: true}},
		Headers: []apicall.KV{{Key: "X-{{hdr}}", Value: "{{order_id}}"}},
		Body:    `{"a": {{qty}}}`,
		Auth:    apicall.Auth{Type: apicall.AuthBasic, Username: "{{user}}", Password: "{{pass}}", Token: "{{unused}}"},
	}
	want := []string{"order_id", "contact.phone", "lang", "hdr", "qty", "user", "pass"}
	if got := apicall.Placeholders(def); !reflect.DeepEqual(got, want) {
		t.Fatalf("Placeholders = %v, want %v", got, want)
	}
	def.BodyType = apicall.BodyNone
	def.Auth = apicall.Auth{}
	if got := apicall.Placeholders(def); !reflect.DeepEqual(got, want[:4]) {
		t.Fatalf("Placeholders without body/auth = %v, want %v", got, want[:4])
	}
	if got := apicall.Placeholders(apicall.Definition{URL: "https://x.test"}); got == nil || len(got) != 0 {
		t.Fatalf("Placeholders of a plain URL = %#v, want an empty list", got)
	}
}
