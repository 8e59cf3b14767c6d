package apicall

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"

	"chatflow/backend/attribute"
)

// Response roots a mapping path may start with besides the JSON body. They
// begin with "@", which gjson keeps for its modifiers, so no body path ever
// meant them: "@status" is the HTTP status, "@headers.Retry-After" a
// response header (any case; several values joined with ", ") and "@body"
// the whole body as it came (a JSON array for a list attribute, any text for
// a text one).
const (
	RootStatus  = "@status"
	RootHeaders = "@headers"
	RootBody    = "@body"
)

// MappingError says why one mapping set nothing.
type MappingError struct {
	Path      string `json:"path"`
	Attribute string `json:"attribute"`
	Message   string `json:"message"`
}

// Error returns the message, a sentence meant for the user.
func (e MappingError) Error() string { return e.Message }

// Map reads each mapping's gjson path from a JSON body. See MapResponse.
func Map(body string, mappings []Mapping, types Types) (attribute.Values, []MappingError) {
	return MapResponse(Response{Body: body, IsJSON: strings.TrimSpace(body) != "" && gjson.Valid(body)}, mappings, types)
}

// MapResponse reads each mapping from a response — a root (@status,
// @headers.Name, @body) or a gjson path of the JSON body — and coerces the
// value to the attribute's type. Strings are taken unquoted, numbers and
// booleans as written, arrays and objects as their compact JSON text (which
// a list attribute takes when it is an array), and null clears the
// attribute (empty value). A path that is missing, or a value that does not
// fit the attribute's type, sets nothing and is reported.
func MapResponse(res Response, mappings []Mapping, types Types) (attribute.Values, []MappingError) {
	values := attribute.Values{}
	var problems []MappingError
	for _, m := range mappings {
		raw, problem := readPath(res, m)
		if problem != "" {
			problems = append(problems, MappingError{Path: m.Path, Attribute: m.Attribute, Message: problem})
			continue
		}
		t := attribute.Text
		if known, ok := types[m.Attribute]; ok {
			t = known
		}
		v, err := attribute.Coerce(t, raw)
		if err != nil {
			problems = append(problems, MappingError{Path: m.Path, Attribute: m.Attribute,
				Message: fmt.Sprintf("%s does not fit %s (%s): %v.", m.Path, m.Attribute, t, strings.TrimSuffix(err.Error(), "."))})
			continue
		}
		values[m.Attribute] = v
	}
	return values, problems
}

// readPath returns the text at one mapping's path, or why there is none.
func readPath(res Response, m Mapping) (string, string) {
	path := strings.TrimSpace(m.Path)
	switch {
	case path == RootStatus:
		return strconv.Itoa(res.Status), ""
	case path == RootBody:
		if res.IsJSON {
			return resultText(gjson.Parse(res.Body)), ""
		}
		return res.Body, ""
	case strings.HasPrefix(path, RootHeaders+"."):
		name := strings.TrimPrefix(path, RootHeaders+".")
		var vals []string
		for _, h := range res.Headers {
			if strings.EqualFold(h.Key, name) {
				vals = append(vals, h.Value)
			}
		}
		if vals == nil {
			return "", fmt.Sprintf("The response has no %s header, so %s was not set.", name, m.Attribute)
		}
		return strings.Join(vals, ", "), ""
	case !res.IsJSON:
		return "", fmt.Sprintf("The response is not JSON, so %s was not set.", m.Attribute)
	}
	r := gjson.Get(res.Body, path)
	if !r.Exists() {
		return "", fmt.Sprintf("The response has no %s, so %s was not set.", path, m.Attribute)
	}
	return resultText(r), ""
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
