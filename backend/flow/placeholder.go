package flow

import (
	"regexp"
	"strings"
)

// placeholderPattern matches {{name}} with optional spaces inside the braces.
// Names are attribute names, built-ins included (contact.name, api.status).
var placeholderPattern = regexp.MustCompile(`\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}`)

// Placeholders returns the attribute names used as {{name}} in s, each once,
// in order of first use.
func Placeholders(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range placeholderPattern.FindAllStringSubmatch(s, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	return out
}

// Expand replaces every {{name}} in s by value(name). Text that only looks
// like a placeholder (unbalanced or with other characters) is left as is.
func Expand(s string, value func(name string) string) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	return placeholderPattern.ReplaceAllStringFunc(s, func(m string) string {
		return value(placeholderPattern.FindStringSubmatch(m)[1])
	})
}

// renamePlaceholder rewrites {{oldName}} as {{newName}} in s, leaving every
// other placeholder exactly as written.
func renamePlaceholder(s, oldName, newName string) string {
	if !strings.Contains(s, oldName) {
		return s
	}
	return placeholderPattern.ReplaceAllStringFunc(s, func(m string) string {
		if placeholderPattern.FindStringSubmatch(m)[1] == oldName {
			return "{{" + newName + "}}"
		}
		return m
	})
}
