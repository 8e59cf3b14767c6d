package flow

import (
	"strings"
)

// NodesUsingAttribute returns the ids of the nodes that read or write the
// attribute: in a field naming an attribute, in a {{placeholder}} of a
// template field or in an expression (the kinds of their type's fields say
// which is which).
func NodesUsingAttribute(f Flow, name string) []string {
	var out []string
	for _, n := range f.Nodes {
		used := false
		for _, p := range stringFields(n.Type, &n.Data, KindAttribute) {
			used = used || *p == name
		}
		for _, p := range stringFields(n.Type, &n.Data, KindTemplate) {
			used = used || readsAny(Placeholders(*p), name)
		}
		for _, p := range stringFields(n.Type, &n.Data, KindItemTemplate) {
			used = used || readsAny(Placeholders(*p, LoopItem, LoopIndex), name)
		}
		for _, list := range templateListFields(n.Type, &n.Data) {
			for _, s := range *list {
				used = used || readsAny(Placeholders(s), name)
			}
		}
		for _, p := range stringFields(n.Type, &n.Data, KindExpression) {
			used = used || identUsed(*p, name)
		}
		if used {
			out = append(out, n.ID)
		}
	}
	return out
}

// NodesUsingAPI returns the ids of the nodes that call the API (names
// compare without case, as API names are unique regardless of case).
func NodesUsingAPI(f Flow, name string) []string {
	var out []string
	for _, n := range f.Nodes {
		for _, p := range stringFields(n.Type, &n.Data, KindAPI) {
			if strings.EqualFold(*p, name) {
				out = append(out, n.ID)
				break
			}
		}
	}
	return out
}

// RenameAttribute renames an attribute everywhere the flow uses it and
// reports whether anything changed.
func RenameAttribute(f *Flow, oldName, newName string) bool {
	changed := false
	set := func(p *string, v string) {
		if *p != v {
			*p, changed = v, true
		}
	}
	for i := range f.Nodes {
		n := &f.Nodes[i]
		for _, p := range stringFields(n.Type, &n.Data, KindAttribute) {
			if *p == oldName {
				set(p, newName)
			}
		}
		for _, p := range stringFields(n.Type, &n.Data, KindTemplate) {
			set(p, renamePlaceholder(*p, oldName, newName))
		}
		for _, p := range stringFields(n.Type, &n.Data, KindItemTemplate) {
			set(p, renamePlaceholder(*p, oldName, newName, LoopItem, LoopIndex))
		}
		for _, list := range templateListFields(n.Type, &n.Data) {
			for i := range *list {
				set(&(*list)[i], renamePlaceholder((*list)[i], oldName, newName))
			}
		}
		for _, p := range stringFields(n.Type, &n.Data, KindExpression) {
			set(p, replaceIdent(*p, oldName, newName))
		}
	}
	return changed
}

// RenameAPI points every node calling oldName at newName and reports
// whether anything changed.
func RenameAPI(f *Flow, oldName, newName string) bool {
	changed := false
	for i := range f.Nodes {
		n := &f.Nodes[i]
		for _, p := range stringFields(n.Type, &n.Data, KindAPI) {
			if strings.EqualFold(*p, oldName) {
				*p, changed = newName, true
			}
		}
	}
	return changed
}

// identUsed reports whether expr mentions name as an identifier.
func identUsed(expr, name string) bool {
	return expr != "" && replaceIdent(expr, name, "\x00") != expr
}

// replaceIdent replaces the identifier (or dotted name) old by repl in an
// expression, outside string literals and not as a member of something else
// (so "x.total" keeps its "total").
func replaceIdent(expr, old, repl string) string {
	if old == "" || !strings.Contains(expr, old) {
		return expr
	}
	var b strings.Builder
	var quote byte
	for i := 0; i < len(expr); i++ {
		c := expr[i]
		switch {
		case quote != 0:
			b.WriteByte(c)
			if c == '\\' && i+1 < len(expr) {
				i++
				b.WriteByte(expr[i])
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'' || c == '`':
			quote = c
			b.WriteByte(c)
		case strings.HasPrefix(expr[i:], old) && (i == 0 || !identByte(expr[i-1]) && expr[i-1] != '.') &&
			(i+len(old) == len(expr) || !identByte(expr[i+len(old)])):
			b.WriteString(repl)
			i += len(old) - 1
		case identByte(c):
			// Copy the whole identifier so a match cannot start inside it.
			j := i
			for j < len(expr) && identByte(expr[j]) {
				j++
			}
			b.WriteString(expr[i:j])
			i = j - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func identByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// readsAny reports whether one of the names a text reads is the attribute
// or a path into it.
func readsAny(reads []string, name string) bool {
	for _, r := range reads {
		if readsAttribute(r, name) {
			return true
		}
	}
	return false
}
