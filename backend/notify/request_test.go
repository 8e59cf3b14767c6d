package notify_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"chatflow/backend/notify"
)

func TestParseRequest(t *testing.T) {
	tests := []struct {
		name, body string
		want       notify.Request
	}{
		{"documented", `{"phone": "15550001111", "attributes": {"order_id": "A1001"}}`,
			notify.Request{Phone: "15550001111", Attributes: map[string]string{"order_id": "A1001"}}},
		{"every value type", `{"phone": "+1 (555) 000-1111", "attributes": {"order_total": 129.90, "express": true,
			"items": [ "mug", "tea" ], "note": null, "address": {"city": "Lisbon"}, "big": 12345678901234567890}}`,
			notify.Request{Phone: "15550001111", Attributes: map[string]string{"order_total": "129.90", "express": "true",
				"items": `["mug","tea"]`, "note": "", "address": `{"city":"Lisbon"}`, "big": "12345678901234567890"}}},
		{"phone as a number", `{"phone": 15550001111}`, notify.Request{Phone: "15550001111", Attributes: map[string]string{}}},
		{"international prefix 00", `{"phone": "0044 20 7946 0958", "attributes": null}`,
			notify.Request{Phone: "442079460958", Attributes: map[string]string{}}},
		{"dotted name", `{"phone": "15550001111", "attributes": {"order.id": "7"}}`,
			notify.Request{Phone: "15550001111", Attributes: map[string]string{"order.id": "7"}}},
	}
	for _, tt := range tests {
		got, err := notify.ParseRequest([]byte(tt.body))
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %+v, %v; want %+v", tt.name, got, err, tt.want)
		}
	}
}

func TestParseRequestRefusesWithOneSentence(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"empty", ``, `The body is empty; send {"phone": "...", "attributes": {...}}.`},
		{"not JSON", `phone=1555`, "The body is not the expected JSON object: invalid JSON at byte 1."},
		{"an array", `[1]`, "The body is not the expected JSON object: it must be an object."},
		{"misspelt field", `{"phone": "15550001111", "atributes": {}}`,
			`The body is not the expected JSON object: unknown field "atributes" (only "phone" and "attributes" are read).`},
		{"two values", `{"phone": "15550001111"} {}`, "The body has more than one JSON value."},
		{"no phone", `{"attributes": {}}`, `"phone" is missing; give the customer's number with its country code, such as "15550001111".`},
		{"phone with letters", `{"phone": "call me"}`, `"phone" may hold only digits, spaces, dashes, dots, brackets and a leading +.`},
		{"short phone", `{"phone": "12345"}`, `"phone" must be a full international number of 6 to 15 digits with its country code, such as "15550001111".`},
		{"national phone", `{"phone": "0612345678"}`, `"phone" must be a full international number of 6 to 15 digits with its country code, such as "15550001111".`},
		{"phone object", `{"phone": {"n": 1}}`, `"phone" must be a string such as "15550001111".`},
		{"attributes a list", `{"phone": "15550001111", "attributes": ["a"]}`, `"attributes" must be an object of names and values.`},
		{"bad attribute name", `{"phone": "15550001111", "attributes": {"order id": "x"}}`, `"order id" is not an attribute name.`},
		{"duplicate key", `{"phone": "15550001111", "attributes": {"a": 1, "a": 2}}`, `The key "a" appears twice in one object.`},
		{"duplicate phone", `{"phone": "15550001111", "phone": "15550002222"}`, `The key "phone" appears twice in one object.`},
		{"NUL in a value", `{"phone": "15550001111", "attributes": {"a": "x\u0000y"}}`, "The value of a contains a NUL character."},
		{"not UTF-8", "{\"phone\": \"15550001111\", \"attributes\": {\"a\": \"\xff\"}}", "The body is not UTF-8 text."},
	}
	for _, tt := range tests {
		_, err := notify.ParseRequest([]byte(tt.body))
		if !errors.Is(err, notify.ErrBadRequest) || err.Error() != tt.want {
			t.Errorf("%s: %v\n want %q", tt.name, err, tt.want)
		}
	}
	big := `{"phone": "15550001111", "attributes": {"a": "` + strings.Repeat("x", notify.MaxBodyBytes) + `"}}`
	if _, err := notify.ParseRequest([]byte(big)); err == nil || !strings.Contains(err.Error(), "larger than 64 KiB") {
		t.Errorf("a body over the cap: %v", err)
	}
	many := `{"phone": "15550001111", "attributes": {`
	for i := range notify.MaxAttributes + 1 {
		if i > 0 {
			many += ","
		}
		many += `"a` + strings.Repeat("b", i%50) + string(rune('a'+i/50)) + `": 1`
	}
	if _, err := notify.ParseRequest([]byte(many + "}}")); err == nil || !strings.Contains(err.Error(), "more than 100 values") {
		t.Errorf("too many attributes: %v", err)
	}
}

// FuzzParseRequest feeds the notify body parser arbitrary bytes: it never
// panics, an error is always one sentence wrapping ErrBadRequest, and an
// accepted request has a plausible number and valid attribute names.
func FuzzParseRequest(f *testing.F) {
	entries, err := os.ReadDir(filepath.Join("testdata", "requests"))
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("testdata", "requests", e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		r, err := notify.ParseRequest(body)
		if err != nil {
			if !errors.Is(err, notify.ErrBadRequest) || strings.Contains(err.Error(), "\n") || !strings.HasSuffix(err.Error(), ".") {
				t.Fatalf("error is not one sentence: %q", err)
			}
			return
		}
		if len(r.Phone) < 6 || len(r.Phone) > 15 || strings.Trim(r.Phone, "0123456789") != "" || r.Phone[0] == '0' {
			t.Fatalf("accepted phone %q", r.Phone)
		}
		if r.Attributes == nil || len(r.Attributes) > notify.MaxAttributes {
			t.Fatalf("attributes %v", r.Attributes)
		}
		for name, v := range r.Attributes {
			if name == "" || strings.ContainsAny(name, " \"{}") || strings.ContainsRune(v, 0) {
				t.Fatalf("accepted attribute %q = %q", name, v)
			}
		}
	})
}
