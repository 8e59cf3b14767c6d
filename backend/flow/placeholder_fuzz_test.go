package flow_test

import (
	"regexp"
	"strings"
	"testing"

	"chatflow/backend/flow"
)

var readName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.([A-Za-z_][A-Za-z0-9_]*|[0-9]+|#))*$`)

// FuzzTemplate feeds message texts from the editor (outside input: any text
// a user types or a bundle carries) to the template parser and renderer the
// engine uses for every reply: placeholders, formats and loops. It must not
// panic, must report only well-formed names, must leave text without "{{"
// alone, must stay within its output bound, and renaming an attribute there
// and back must give the text back.
func FuzzTemplate(f *testing.F) {
	for _, s := range []string{
		"Hi {{contact.name}}!", "{{ order_id }} / {{api.status}}", "{{", "}}{{x", "plain", "{{a}}{{a}}",
		"{{#each orders}}• {{item.id}}: {{item.status}}{{/each}}",
		"{{#each orders max=2 sep=\", \" more=\"+{n}\"}}{{item.total | number:2}}{{else}}none{{/each}}",
		"Orders:\n{{#each orders}}\n• {{item.id}}\n{{/each}}\n", "{{#each a}}{{#each item.b}}{{item}}{{/each}}{{/each}}",
		"{{eta | date:DD/MM/YYYY}} {{ok | yesno:Sí/No}} {{x | default:\"a|b\"}}", "{{#each x}}{{else}}{{else}}{{/each}}{{/each}}",
	} {
		f.Add(s)
	}
	values := map[string]string{
		"orders": `[{"id":"A1","status":"open","total":1.5,"b":["x"]},{"id":"A2"}]`, "a": `[{"b":[1,2]}]`,
		"eta": "2026-05-02", "ok": "true", "contact.name": "Ana", "x": "[]",
	}
	f.Fuzz(func(t *testing.T, s string) {
		names := flow.Placeholders(s)
		seen := map[string]bool{}
		for _, n := range names {
			if !readName.MatchString(n) {
				t.Fatalf("Placeholders(%q) returned %q, not an attribute name with a path", s, n)
			}
			if seen[n] {
				t.Fatalf("Placeholders(%q) returned %q twice", s, n)
			}
			seen[n] = true
		}
		flow.TemplateProblems(s)
		out := flow.Render(s, values)
		if !strings.Contains(s, "{{") && out != s {
			t.Fatalf("Render changed %q without placeholders into %q", s, out)
		}
		if len(out) > 64<<10 {
			t.Fatalf("Render(%q) gave %d bytes", s, len(out))
		}
		if !strings.Contains(s, "zqrnm1") {
			there := flow.RenameInText(s, "orders", "zqrnm1")
			if back := flow.RenameInText(there, "zqrnm1", "orders"); back != s {
				t.Fatalf("renaming orders there and back changed %q into %q", s, back)
			}
		}
	})
}
