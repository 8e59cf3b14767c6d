package flow

import "strings"

// Placeholders returns the attribute names a text reads, each once in order
// of first use: {{name}} as written (orders.0.id), and the lists its loops
// repeat. Loop variables inside a loop are not attributes and are left out,
// as are the names in bound (such as item in a dynamic row's templates).
func Placeholders(s string, bound ...string) []string {
	if !strings.Contains(s, "{{") {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	walkNames(parseCached(s).nodes, bound, func(name string, _, _ int) {
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	})
	return out
}

// TemplateProblems describes what in a text will not render as its author
// meant (an unknown format, a loop without its end).
func TemplateProblems(s string) []TemplateProblem {
	if !strings.Contains(s, "{{") {
		return nil
	}
	_, problems := ParseTemplate(s)
	return problems
}

// walkNames calls fn with every attribute name a template reads and where
// it stands in the source, skipping names whose first part is bound.
func walkNames(nodes []tnode, bound []string, fn func(name string, start, end int)) {
	isBound := func(name string) bool {
		root, _, _ := strings.Cut(name, ".")
		for _, b := range bound {
			if b == root {
				return true
			}
		}
		return false
	}
	for _, n := range nodes {
		switch {
		case n.ph != nil:
			if !isBound(n.ph.name) {
				fn(n.ph.name, n.ph.start, n.ph.end)
			}
		case n.each != nil:
			if !isBound(n.each.list) {
				fn(n.each.list, n.each.start, n.each.end)
			}
			walkNames(n.each.body, append(bound[:len(bound):len(bound)], LoopItem, LoopIndex), fn)
			walkNames(n.each.empty, bound, fn)
		}
	}
}

// readsAttribute reports whether a name read by a template is the
// attribute name or a path into it (orders.0.id reads orders).
func readsAttribute(read, name string) bool {
	return read == name || strings.HasPrefix(read, name+".")
}

// renamePlaceholder rewrites the attribute oldName as newName wherever a
// text reads it ({{old}}, {{old.0.id}}, {{old | date}}, {{#each old}}),
// leaving everything else exactly as written.
func renamePlaceholder(s, oldName, newName string, bound ...string) string {
	if !strings.Contains(s, oldName) || !strings.Contains(s, "{{") {
		return s
	}
	var b strings.Builder
	last := 0
	walkNames(parseCached(s).nodes, bound, func(name string, start, _ int) {
		if readsAttribute(name, oldName) {
			b.WriteString(s[last:start])
			b.WriteString(newName)
			last = start + len(oldName)
		}
	})
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}
