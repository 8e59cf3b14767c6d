package flow_test

import (
	"regexp"
	"strings"
	"testing"

	"chatflow/backend/flow"
)

var attributeName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.]*$`)

// FuzzExpand feeds message templates from the editor (outside input: any
// text a user types or a bundle carries) to the placeholder renderer the
// engine uses for every reply. It must not panic, must ask only for the
// names Placeholders reports, and must leave text without "{{" alone.
func FuzzExpand(f *testing.F) {
	for _, s := range []string{"Hi {{contact.name}}!", "{{ order_id }} / {{api.status}}", "{{", "}}{{x", "plain", "{{a}}{{a}}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		names := flow.Placeholders(s)
		want := map[string]bool{}
		for _, n := range names {
			if !attributeName.MatchString(n) {
				t.Fatalf("Placeholders(%q) returned %q, not an attribute name", s, n)
			}
			if want[n] {
				t.Fatalf("Placeholders(%q) returned %q twice", s, n)
			}
			want[n] = true
		}
		asked := map[string]bool{}
		out := flow.Expand(s, func(name string) string {
			asked[name] = true
			return "<" + name + ">"
		})
		for n := range asked {
			if !want[n] {
				t.Fatalf("Expand(%q) asked for %q, which Placeholders did not report", s, n)
			}
		}
		for n := range want {
			if !asked[n] {
				t.Fatalf("Expand(%q) never asked for %q", s, n)
			}
		}
		if !strings.Contains(s, "{{") && out != s {
			t.Fatalf("Expand changed %q without placeholders into %q", s, out)
		}
	})
}
