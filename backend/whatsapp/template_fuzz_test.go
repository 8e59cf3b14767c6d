package whatsapp_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"chatflow/backend/whatsapp"
)

// FuzzParseTemplatePage feeds the template list parser (the answer of
// GET /{waba-id}/message_templates) arbitrary bytes: it must never panic,
// every template it returns must have a name and a language, parameter keys
// must be distinct, a stored template must read back equal, and filling and
// rendering a send must either work or fail with ErrInvalidMessage.
func FuzzParseTemplatePage(f *testing.F) {
	entries, err := os.ReadDir(filepath.Join("testdata", "templates"))
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		raw, err := os.ReadFile(filepath.Join("testdata", "templates", e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Add([]byte(`{"data":[{"name":"x","language":"en","components":[{"type":"HEADER","format":"TEXT","text":"{{a}}{{ 1 }}"},{"type":"BODY","text":"{{}} {{1}} {{01}} {{99999999999999999999}}","example":{"body_text":"oops"}},{"type":"BUTTONS","buttons":[{"type":"URL","url":"https://x/{{1}}?{{1}}"}]}]}]}`))
	f.Add([]byte(`{"data":[{"name":"x","language":"en","components":[{"type":"BUTTONS","buttons":[{"type":"URL","text":"go","url":"{{1}}"}]},{"type":"HEADER","format":"VIDEO"}]}],"paging":{"cursors":{"after":"A"},"next":"n"}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		page, err := whatsapp.ParseTemplatePage(body)
		if err != nil {
			return
		}
		for _, tpl := range page.Templates {
			if tpl.Name == "" || tpl.Language == "" {
				t.Fatalf("template without name or language: %+v", tpl)
			}
			params := tpl.Parameters()
			seen := map[string]bool{}
			values := make([]string, len(params))
			for i, p := range params {
				if seen[p.Key()] {
					t.Fatalf("parameter %s listed twice in %+v", p.Key(), tpl)
				}
				seen[p.Key()] = true
				values[i] = "v"
			}
			stored, err := json.Marshal(tpl)
			if err != nil {
				t.Fatal(err)
			}
			var back whatsapp.Template
			if err := json.Unmarshal(stored, &back); err != nil || !reflect.DeepEqual(back, tpl) {
				t.Fatalf("stored template reads back different: %v\n%+v\n%+v", err, back, tpl)
			}
			m := tpl.Fill(values, "https://cdn.example/h")
			out := whatsapp.Outgoing{Kind: whatsapp.KindTemplate, To: "1", Template: &m}
			if b, err := out.Body(); err != nil {
				if !errors.Is(err, whatsapp.ErrInvalidMessage) {
					t.Fatalf("Body failed with %v", err)
				}
			} else if !json.Valid(b) {
				t.Fatalf("Body is not JSON: %s", b)
			}
		}
	})
}
