package apicall

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Lint finds what is allowed in a definition but almost certainly wrong, so
// the APIs page can warn on save and the flow editor can flag the API nodes
// that call it: a JSON body that is not JSON, a body on a GET (servers
// ignore it), and placeholders that name no attribute (they are sent
// empty). attributeExists knows the attributes, built-ins included. The
// warnings never stop a save: a half-written API is kept like a draft.
func Lint(def Definition, attributeExists func(string) bool) []FieldError {
	def = def.Normalized()
	var out []FieldError
	hasBody := def.BodyType != BodyNone && strings.TrimSpace(def.Body) != ""
	if hasBody && def.Method == "GET" {
		out = append(out, FieldError{Field: "body", Message: "A GET request has a body, which most servers ignore; use POST, or put the values in the query."})
	}
	if hasBody && def.BodyType == BodyJSON {
		if msg := jsonProblem(def.Body); msg != "" {
			out = append(out, FieldError{Field: "body", Message: msg})
		}
	}
	if attributeExists != nil {
		reported := map[string]bool{}
		for _, f := range placeholderFields(def) {
			for _, name := range PlaceholderNames(f.text) {
				if reported[name] || attributeExists(name) {
					continue
				}
				reported[name] = true
				out = append(out, FieldError{Field: f.field, Message: fmt.Sprintf("{{%s}} is not an attribute, so it would be sent empty; create it on the Attributes page or fix the name.", name)})
			}
		}
	}
	return out
}

// jsonProblem checks a JSON body in which placeholders stand for values:
// each {{name}} is read as a number, which is valid both bare and inside a
// string. It returns "" when the body is JSON.
func jsonProblem(body string) string {
	probe := placeholderRE.ReplaceAllString(body, "0")
	var v json.RawMessage
	err := json.Unmarshal([]byte(probe), &v)
	if err == nil {
		return ""
	}
	var syn *json.SyntaxError
	if errors.As(err, &syn) && !strings.Contains(syn.Error(), "unexpected end") {
		line := 1 + strings.Count(probe[:min(int(syn.Offset), len(probe))], "\n")
		return fmt.Sprintf("The body is not valid JSON (line %d: %s).", line, strings.TrimPrefix(syn.Error(), "invalid character "))
	}
	return "The body is not valid JSON (it ends too early)."
}

// textField is one field of a definition that may hold placeholders.
type textField struct{ field, text string }

// placeholderFields lists the fields Render fills, in the editor's order.
func placeholderFields(def Definition) []textField {
	out := []textField{{"url", def.URL}}
	for i, r := range def.Query {
		if !r.Disabled {
			out = append(out, textField{fmt.Sprintf("query.%d", i), r.Key + r.Value})
		}
	}
	for i, r := range def.Headers {
		if !r.Disabled {
			out = append(out, textField{fmt.Sprintf("headers.%d", i), r.Key + r.Value})
		}
	}
	if def.BodyType != BodyNone {
		out = append(out, textField{"body", def.Body})
	}
	for _, s := range authFields(def.Auth) {
		out = append(out, textField{"auth", s})
	}
	return out
}
