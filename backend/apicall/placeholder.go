package apicall

import (
	"regexp"
	"strings"

	"chatflow/backend/attribute"
	"chatflow/backend/flow"
)

// placeholderRE matches {{name}}; names may contain dots (contact.name) and
// paths into list and object values (orders.0.id, orders.#, chosen.id), and
// spaces just inside the braces are tolerated.
var placeholderRE = regexp.MustCompile(`\{\{\s*([A-Za-z_][A-Za-z0-9_.#]*)\s*\}\}`)

// Types gives the attribute type of each placeholder name. Names it does not
// know are treated as text. Build it with attribute.TypeMap.
type Types map[string]attribute.Type

// PlaceholderNames returns the distinct placeholder names in s, in the order
// they first appear.
func PlaceholderNames(s string) []string {
	var names []string
	seen := map[string]bool{}
	for _, m := range placeholderRE.FindAllStringSubmatch(s, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			names = append(names, m[1])
		}
	}
	return names
}

// Placeholders lists the distinct placeholder names a definition uses in its
// URL, enabled query and header rows, body and the fields of its auth type,
// in order of appearance. The tester offers one test value per name.
func Placeholders(def Definition) []string {
	def = def.Normalized()
	var names []string
	seen := map[string]bool{}
	add := func(s string) {
		for _, n := range PlaceholderNames(s) {
			if !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	add(def.URL)
	for _, rows := range [][]KV{def.Query, def.Headers} {
		for _, r := range rows {
			if !r.Disabled {
				add(r.Key)
				add(r.Value)
			}
		}
	}
	switch def.BodyType {
	case BodyNone:
	case BodyMultipart:
		for _, p := range def.Parts {
			if !p.Disabled {
				add(p.Key)
				add(p.Value)
			}
		}
	default:
		add(def.Body)
	}
	for _, s := range authFields(def.Auth) {
		add(s)
	}
	if names == nil {
		names = []string{}
	}
	return names
}

// authFields returns the auth values that are sent for the auth's type.
func authFields(a Auth) []string {
	switch a.Type {
	case AuthAPIKey:
		return []string{a.Name, a.Value}
	case AuthBearer:
		return []string{a.Token}
	case AuthBasic:
		return []string{a.Username, a.Password}
	}
	return nil
}

// expander substitutes placeholders and remembers which had no value.
type expander struct {
	values  attribute.Values
	types   Types
	missing []string
	seen    map[string]bool
}

func newExpander(values attribute.Values, types Types) *expander {
	return &expander{values: values, types: types, seen: map[string]bool{}}
}

// lookup returns the value for name (an attribute, or a path into one that
// holds a list or an object, as message texts read it) and records it as
// missing when it has none (absent or empty).
func (e *expander) lookup(name string) string {
	v, _ := flow.LookupValue(e.values, name)
	if v == "" && !e.seen[name] {
		e.seen[name] = true
		e.missing = append(e.missing, name)
	}
	return v
}

func (e *expander) typeOf(name string) attribute.Type {
	if t, ok := e.types[name]; ok {
		return t
	}
	return attribute.Text
}

// expand replaces every placeholder in s by escape(value).
func (e *expander) expand(s string, escape func(string) string) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	return placeholderRE.ReplaceAllStringFunc(s, func(m string) string {
		name := placeholderRE.FindStringSubmatch(m)[1]
		return escape(e.lookup(name))
	})
}

// raw returns v unchanged; headerSafe drops line breaks, which would
// otherwise let a value forge extra headers (net/http refuses them anyway).
func raw(v string) string { return v }

func headerSafe(v string) string {
	if !strings.ContainsAny(v, "\r\n") {
		return v // the usual case: no copy
	}
	return lineBreaks.Replace(v)
}

// lineBreaks turns each line break (CRLF, CR or LF) into a space; a
// Replacer is safe for concurrent use and costly to build, so there is one.
var lineBreaks = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ")
