package apicall

import (
	"reflect"
	"testing"
)

func TestLint(t *testing.T) {
	known := func(name string) bool { return name == "order_id" || name == "contact.phone" }
	base := Definition{Name: "Orders", Method: "POST", URL: "https://shop.example/orders/{{order_id}}"}
	tests := []struct {
		name string
		edit func(*Definition)
		want []FieldError
	}{
		{"clean", func(d *Definition) { d.Body = `{"id": {{order_id}}, "phone": "{{contact.phone}}"}` }, nil},
		{"placeholder inside a string and bare", func(d *Definition) { d.Body = "{\n  \"a\": \"x{{order_id}}y\",\n  \"b\": {{order_id}}\n}" }, nil},
		{"invalid JSON", func(d *Definition) { d.Body = "{\n  \"id\": {{order_id}},\n  \"x\": }" },
			[]FieldError{{"body", "The body is not valid JSON (line 3: '}' looking for beginning of value)."}}},
		{"truncated JSON", func(d *Definition) { d.Body = `{"id": 1` },
			[]FieldError{{"body", "The body is not valid JSON (it ends too early)."}}},
		{"form body is not JSON-checked", func(d *Definition) { d.Body = "a=1&b={{order_id}}"; d.BodyType = BodyForm }, nil},
		{"GET with a body", func(d *Definition) { d.Method = "GET"; d.Body = `{"a":1}` },
			[]FieldError{{"body", "A GET request has a body, which most servers ignore; use POST, or put the values in the query."}}},
		{"GET without a body", func(d *Definition) { d.Method = "GET" }, nil},
		{"unknown placeholder, reported once at its first field", func(d *Definition) {
			d.URL = "https://shop.example/{{nope}}"
			d.Headers = []KV{{Key: "X-Id", Value: "{{nope}}"}, {Key: "X-Off", Value: "{{off}}", Disabled: true}}
			d.Auth = Auth{Type: AuthBearer, Token: "{{token}}"}
		}, []FieldError{
			{"url", "{{nope}} is not an attribute, so it would be sent empty; create it on the Attributes page or fix the name."},
			{"auth", "{{token}} is not an attribute, so it would be sent empty; create it on the Attributes page or fix the name."},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := base
			tt.edit(&d)
			if got := Lint(d, known); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Lint = %#v\nwant   %#v", got, tt.want)
			}
		})
	}
}

func FuzzLint(f *testing.F) {
	for _, s := range []string{`{"a": {{x}}}`, "{", `"{{`, "{{a}}{{b}}", "[1,2,{{c}}]", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		d := Definition{Name: "x", Method: "POST", URL: "https://h/{{" + "p}}", Body: body}
		for _, w := range Lint(d, func(string) bool { return false }) {
			if w.Field == "" || w.Message == "" {
				t.Fatalf("empty warning %#v for %q", w, body)
			}
		}
	})
}
