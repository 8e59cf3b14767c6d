package cli

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// slotsBundle is the contract as a bundle: a list attribute filled
// by an API mapping of an array, and a list node with rows from it.
const slotsBundle = `{"format": "chatflow-bundle", "version": 1,
 "attributes": [{"name": "slots", "type": "list"}, {"name": "chosen", "type": "text"}],
 "apis": [{"name": "Slots", "method": "GET", "url": "%s/slots", "timeoutMs": 5000,
   "retry": {"maxTries": 2, "idempotent": false},
   "mappings": [{"path": "slots", "attribute": "slots"}]}],
 "flows": [{"name": "Book", "nodes": [
   {"id": "start", "type": "start", "position": {"x": 0, "y": 0}, "data": {"keywords": ["book"]}},
   {"id": "load", "type": "api", "position": {"x": 300, "y": 0}, "data": {"api": "Slots", "routes": ["200"]}},
   {"id": "pick", "type": "list", "position": {"x": 600, "y": 0}, "data": {"text": "Which time?", "button": "Times",
     "rowsFrom": "slots", "rowTitle": "{{item.time}}", "rowDescription": "{{item.price | number:2}} EUR", "rowId": "{{item.id}}", "attribute": "chosen"}},
   {"id": "done", "type": "end", "position": {"x": 900, "y": 0}, "data": {"text": "Booked {{chosen.time}} ({{chosen.id}}) for {{chosen.price | number:2}} EUR."}},
   {"id": "none", "type": "end", "position": {"x": 900, "y": 200}, "data": {"text": "No times are free."}},
   {"id": "down", "type": "end", "position": {"x": 600, "y": 200}, "data": {"text": "Try again later."}}],
  "edges": [{"id": "e1", "source": "start", "target": "load"},
   {"id": "e2", "source": "load", "sourceHandle": "200", "target": "pick"},
   {"id": "e3", "source": "load", "sourceHandle": "others", "target": "down"},
   {"id": "e4", "source": "pick", "sourceHandle": "out", "target": "done"},
   {"id": "e5", "source": "pick", "sourceHandle": "empty", "target": "none"}]}]}`

// TestSimulateRowsFromAList drives the "done when" through
// `chatflow simulate --json`: 14 slots from a local API are two pages of a
// list (the first ending in a row "more" titled "More…"), answering "more"
// or its number shows the next page, and the item picked by its number is
// saved whole, so the next message reads its fields.
func TestSimulateRowsFromAList(t *testing.T) {
	count := 14
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		items := make([]string, count)
		for i := range items {
			items[i] = fmt.Sprintf(`{"id":"s%d","time":"%d:00","price":%d.5}`, i+1, 8+i, 40+i)
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"slots":[%s]}`, strings.Join(items, ","))
	}))
	t.Cleanup(api.Close)
	file := filepath.Join(t.TempDir(), "slots.json")
	if err := os.WriteFile(file, []byte(fmt.Sprintf(slotsBundle, api.URL)), 0o600); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "chatflow.db")
	if code, _, stderr := runCLI(t, "", "import", file, "--db", db); code != 0 {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	page := func(from, to int, more bool) string {
		var rows []string
		for i := from; i <= to; i++ {
			rows = append(rows, fmt.Sprintf(`{"id":"s%d","title":"%d:00","description":"%d.50 EUR"}`, i, 7+i, 39+i))
		}
		if more {
			rows = append(rows, `{"id":"more","title":"More…","description":""}`)
		}
		return `{"type":"list","text":"Which time?","button":"Times","rows":[` + strings.Join(rows, ",") + `]}`
	}
	first, second := page(1, 9, true), page(10, 14, false)
	tests := []struct {
		name  string
		lines []string
		want  []string
	}{
		{"more by id, row 12 by its number", []string{"book", "more", "3"}, []string{
			first, `{"type":"wait"}`, second, `{"type":"wait"}`,
			`{"type":"text","text":"Booked 19:00 (s12) for 51.50 EUR."}`, `{"type":"end"}`}},
		{"more by its number, a row by its title", []string{"book", "10", "20:00"}, []string{
			first, `{"type":"wait"}`, second, `{"type":"wait"}`,
			`{"type":"text","text":"Booked 20:00 (s13) for 52.50 EUR."}`, `{"type":"end"}`}},
		{"a tapped id of the first page", []string{"book", "s2"}, []string{
			first, `{"type":"wait"}`, `{"type":"text","text":"Booked 9:00 (s2) for 41.50 EUR."}`, `{"type":"end"}`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, strings.Join(tt.lines, "\n")+"\n", "simulate", "--flow", "Book", "--json", "--db", db)
			got := strings.Split(strings.TrimSpace(stdout), "\n")
			for _, line := range got {
				if !json.Valid([]byte(line)) {
					t.Fatalf("not JSON: %q", line)
				}
			}
			if code != 0 || strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Fatalf("exit %d\ngot:\n%s\nwant:\n%s\nstderr: %s", code, strings.Join(got, "\n"), strings.Join(tt.want, "\n"), stderr)
			}
		})
	}

	count = 0
	code, stdout, _ := runCLI(t, "book\n", "simulate", "--flow", "Book", "--json", "--db", db)
	if want := `{"type":"text","text":"No times are free."}` + "\n" + `{"type":"end"}`; code != 0 || strings.TrimSpace(stdout) != want {
		t.Fatalf("empty list: exit %d, stdout:\n%s", code, stdout)
	}
}
