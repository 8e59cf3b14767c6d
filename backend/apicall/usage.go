package apicall

import (
	"fmt"
	"regexp"
)

// placeholderOf matches {{name}} for one name, spaces inside braces allowed.
func placeholderOf(name string) *regexp.Regexp {
	return regexp.MustCompile(`\{\{\s*` + regexp.QuoteMeta(name) + `\s*\}\}`)
}

// UsesOf says where a definition uses the attribute name: in a mapping
// ("mapping order.status") or as a placeholder ("URL", "header X-Key",
// "query lang", "body", "auth"). An empty list means it is not used.
func (d Definition) UsesOf(name string) []string {
	re := placeholderOf(name)
	var out []string
	for _, m := range d.Mappings {
		if m.Attribute == name {
			out = append(out, "mapping "+m.Path)
		}
	}
	if re.MatchString(d.URL) {
		out = append(out, "URL")
	}
	for _, r := range d.Query {
		if re.MatchString(r.Key) || re.MatchString(r.Value) {
			out = append(out, fmt.Sprintf("query %s", r.Key))
		}
	}
	for _, r := range d.Headers {
		if re.MatchString(r.Key) || re.MatchString(r.Value) {
			out = append(out, fmt.Sprintf("header %s", r.Key))
		}
	}
	if re.MatchString(d.Body) {
		out = append(out, "body")
	}
	a := d.Auth
	for _, s := range []string{a.Name, a.Value, a.Token, a.Username, a.Password} {
		if re.MatchString(s) {
			out = append(out, "auth")
			break
		}
	}
	return out
}

// RenameAttribute returns a copy of d in which mappings into oldName and
// {{oldName}} placeholders refer to newName instead.
func (d Definition) RenameAttribute(oldName, newName string) Definition {
	re := placeholderOf(oldName)
	repl := "{{" + newName + "}}"
	sub := func(s string) string { return re.ReplaceAllLiteralString(s, repl) }
	d.URL, d.Body = sub(d.URL), sub(d.Body)
	d.Query = renameRows(d.Query, sub)
	d.Headers = renameRows(d.Headers, sub)
	d.Auth.Name, d.Auth.Value, d.Auth.Token = sub(d.Auth.Name), sub(d.Auth.Value), sub(d.Auth.Token)
	d.Auth.Username, d.Auth.Password = sub(d.Auth.Username), sub(d.Auth.Password)
	if d.Mappings != nil {
		ms := make([]Mapping, len(d.Mappings))
		for i, m := range d.Mappings {
			if m.Attribute == oldName {
				m.Attribute = newName
			}
			ms[i] = m
		}
		d.Mappings = ms
	}
	return d
}

func renameRows(rows []KV, sub func(string) string) []KV {
	if rows == nil {
		return nil
	}
	out := make([]KV, len(rows))
	for i, r := range rows {
		out[i] = KV{Key: sub(r.Key), Value: sub(r.Value), Disabled: r.Disabled}
	}
	return out
}
