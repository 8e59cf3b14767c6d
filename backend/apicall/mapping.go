package apicall

import (
	"fmt"
	"strings"

	"github.com/tidwall/gjson"

	"chatflow/backend/attribute"
)

// MappingError says why one mapping set nothing.
type MappingError struct {
	Path      string `json:"path"`
	Attribute string `json:"attribute"`
	Message   string `json:"message"`
}

// Error returns the message, a sentence meant for the user.
func (e MappingError) Error() string { return e.Message }

// Map reads each mapping's gjson path from a JSON body and coerces the value
// to the attribute's type. Strings are taken unquoted, numbers and booleans
// as written, arrays and objects as their raw JSON text, and null clears the
// attribute (empty value). A path that is missing, or a value that does not
// fit the attribute's type, sets nothing and is reported.
func Map(body string, mappings []Mapping, types Types) (attribute.Values, []MappingError) {
	values := attribute.Values{}
	var problems []MappingError
	if len(mappings) == 0 {
		return values, problems
	}
	if strings.TrimSpace(body) == "" || !gjson.Valid(body) {
		for _, m := range mappings {
			problems = append(problems, MappingError{Path: m.Path, Attribute: m.Attribute,
				Message: fmt.Sprintf("The response is not JSON, so %s was not set.", m.Attribute)})
		}
		return values, problems
	}
	for _, m := range mappings {
		res := gjson.Get(body, m.Path)
		if !res.Exists() {
			problems = append(problems, MappingError{Path: m.Path, Attribute: m.Attribute,
				Message: fmt.Sprintf("The response has no %s, so %s was not set.", m.Path, m.Attribute)})
			continue
		}
		t := attribute.Text
		if known, ok := types[m.Attribute]; ok {
			t = known
		}
		v, err := attribute.Coerce(t, resultText(res))
		if err != nil {
			problems = append(problems, MappingError{Path: m.Path, Attribute: m.Attribute,
				Message: fmt.Sprintf("%s does not fit %s (%s): %v.", m.Path, m.Attribute, t, err)})
			continue
		}
		values[m.Attribute] = v
	}
	return values, problems
}

// resultText is the text form of a gjson result stored in an attribute.
func resultText(res gjson.Result) string {
	switch {
	case res.IsObject() || res.IsArray():
		return compact(res.Raw)
	case res.Type == gjson.String:
		return res.Str
	case res.Type == gjson.Null:
		return ""
	}
	return res.Raw
}
