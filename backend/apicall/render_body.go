package apicall

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strings"

	"chatflow/backend/attribute"
)

// renderJSONBody fills placeholders in a JSON body template. Inside a JSON
// string the value is JSON-escaped. A placeholder standing alone as a value
// (after ':' '[' ',' or at the start, before ',' '}' ']' or at the end) is
// inserted as a JSON value: bare for a number, boolean or list that coerces,
// null when empty, a quoted string otherwise. Anywhere else it is inserted as is.
func (e *expander) renderJSONBody(tpl string) string {
	if !strings.Contains(tpl, "{{") {
		return tpl
	}
	var out strings.Builder
	inString, escaped := false, false
	for i := 0; i < len(tpl); {
		c := tpl[i]
		if c == '{' && !escaped {
			if loc := placeholderRE.FindStringSubmatchIndex(tpl[i:]); loc != nil && loc[0] == 0 {
				name := tpl[i+loc[2] : i+loc[3]]
				end := i + loc[1]
				switch {
				case inString:
					out.WriteString(jsonEscape(e.lookup(name)))
				case standsAlone(tpl, i, end):
					out.WriteString(e.jsonValue(name))
				default:
					out.WriteString(e.lookup(name))
				}
				i = end
				continue
			}
		}
		switch {
		case !inString:
			inString = c == '"'
		case escaped:
			escaped = false
		case c == '\\':
			escaped = true
		case c == '"':
			inString = false
		}
		out.WriteByte(c)
		i++
	}
	return out.String()
}

// standsAlone reports whether tpl[start:end] is a whole JSON value.
func standsAlone(tpl string, start, end int) bool {
	before := strings.TrimRight(tpl[:start], " \t\r\n")
	after := strings.TrimLeft(tpl[end:], " \t\r\n")
	okBefore := before == "" || strings.ContainsRune(":[,", rune(before[len(before)-1]))
	okAfter := after == "" || strings.ContainsRune(",}]", rune(after[0]))
	return okBefore && okAfter
}

// jsonValue renders a placeholder that stands alone as a JSON value.
func (e *expander) jsonValue(name string) string {
	v := e.lookup(name)
	if v == "" {
		return "null"
	}
	switch t := e.typeOf(name); t {
	case attribute.Number, attribute.Boolean, attribute.List:
		if c, err := attribute.Coerce(t, v); err == nil && c != "" {
			return c
		}
	}
	return `"` + jsonEscape(v) + `"`
}

// jsonEscape returns v escaped for use between the quotes of a JSON string.
func jsonEscape(v string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // encoding a string cannot fail
	s := strings.TrimSuffix(buf.String(), "\n")
	return s[1 : len(s)-1]
}

// renderFormBody fills placeholders in an application/x-www-form-urlencoded
// body; each value is URL-encoded so it stays inside its field.
func (e *expander) renderFormBody(tpl string) string {
	return e.expand(tpl, url.QueryEscape)
}
