// Package notify lets the business's own systems reach a customer: an
// order system posts {"phone": ..., "attributes": {...}} to
// POST /notify/{trigger} on the webhook listener, authorised by the
// trigger's secret token, and the trigger starts a chosen flow for that
// contact or sends a chosen template. This package holds the request
// parser, the tokens, the per-trigger rate limit and the HTTP handler; the
// inbox stores and runs what it accepts.
package notify

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxBodyBytes caps a notification body. A phone number and a few
// attribute values fit many times over.
const MaxBodyBytes = 64 << 10

// Limits on what one request may carry.
const (
	MaxAttributes     = 100
	MaxAttributeValue = 16 << 10
	maxNameLength     = 64
)

// Request is one parsed notification: the customer's number (digits only)
// and the attribute values to set before the flow or template runs. Values
// are text; JSON numbers and booleans are kept as written, null means
// "clear", and arrays or objects are kept as compact JSON.
type Request struct {
	Phone      string            `json:"phone"`
	Attributes map[string]string `json:"attributes"`
}

// ErrBadRequest is wrapped by every parse error; the error's text is one
// sentence for the caller.
var ErrBadRequest = errors.New("notify: bad request")

// badRequest is a parse error whose text is the sentence itself.
type badRequest string

func (e badRequest) Error() string { return string(e) }
func (e badRequest) Unwrap() error { return ErrBadRequest }

func bad(format string, args ...any) error { return badRequest(fmt.Sprintf(format, args...)) }

// ParseRequest reads a notification body. Unknown top-level fields are
// refused (a misspelt "atributes" would otherwise be lost silently), and so
// are duplicate keys, which JSON parsers disagree about.
func ParseRequest(body []byte) (Request, error) {
	if len(body) > MaxBodyBytes {
		return Request{}, bad("The body is larger than %d KiB.", MaxBodyBytes>>10)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return Request{}, bad(`The body is empty; send {"phone": "...", "attributes": {...}}.`)
	}
	if !utf8.Valid(body) {
		return Request{}, bad("The body is not UTF-8 text.")
	}
	var raw struct {
		Phone      json.RawMessage `json:"phone"`
		Attributes json.RawMessage `json:"attributes"`
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return Request{}, bad("The body is not the expected JSON object: %s.", jsonProblem(err))
	}
	if dec.More() {
		return Request{}, bad("The body has more than one JSON value.")
	}
	if err := noDuplicateKeys(body); err != nil {
		return Request{}, err
	}
	var r Request
	var err error
	if r.Phone, err = parsePhone(raw.Phone); err != nil {
		return Request{}, err
	}
	if r.Attributes, err = parseAttributes(raw.Attributes); err != nil {
		return Request{}, err
	}
	return r, nil
}

// jsonProblem turns encoding/json's error into a readable clause.
func jsonProblem(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("invalid JSON at byte %d", syn.Offset)
	case errors.As(err, &typ):
		return "it must be an object"
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return "unknown field " + strings.TrimPrefix(err.Error(), "json: unknown field ") + ` (only "phone" and "attributes" are read)`
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// parsePhone accepts the number as a string (or a bare JSON number, which
// many systems send), drops the usual separators and a leading + or 00, and
// requires 6 to 15 digits (E.164's longest).
func parsePhone(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", bad(`"phone" is missing; give the customer's number with its country code, such as "15550001111".`)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		var n json.Number
		if json.Unmarshal(raw, &n) != nil {
			return "", bad(`"phone" must be a string such as "15550001111".`)
		}
		s = n.String()
	}
	var digits strings.Builder
	for i, r := range strings.TrimSpace(s) {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case r == '+' && i == 0, r == ' ', r == '-', r == '.', r == '(', r == ')':
		default:
			return "", bad(`"phone" may hold only digits, spaces, dashes, dots, brackets and a leading +.`)
		}
	}
	d := strings.TrimPrefix(digits.String(), "00")
	if len(d) < 6 || len(d) > 15 || d[0] == '0' {
		return "", bad(`"phone" must be a full international number of 6 to 15 digits with its country code, such as "15550001111".`)
	}
	return d, nil
}

// parseAttributes reads the attribute values.
func parseAttributes(raw json.RawMessage) (map[string]string, error) {
	out := map[string]string{}
	if len(raw) == 0 || string(raw) == "null" {
		return out, nil
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil, bad(`"attributes" must be an object of names and values.`)
	}
	if len(fields) > MaxAttributes {
		return nil, bad(`"attributes" holds more than %d values.`, MaxAttributes)
	}
	names := make([]string, 0, len(fields))
	for name := range fields {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if !validName(name) {
			return nil, bad("%s is not an attribute name.", strconv.Quote(clipName(name)))
		}
		v, err := attributeValue(fields[name])
		if err != nil {
			return nil, bad("The value of %s %s.", name, err.Error())
		}
		if len(v) > MaxAttributeValue {
			return nil, bad("The value of %s is longer than %d KiB.", name, MaxAttributeValue>>10)
		}
		out[name] = v
	}
	return out, nil
}

// attributeValue turns one JSON value into the text stored for it.
func attributeValue(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", errors.New("is missing")
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", errors.New("is not a readable string")
		}
		if strings.ContainsRune(s, 0) {
			return "", errors.New("contains a NUL character")
		}
		return s, nil
	case 'n':
		return "", nil
	case 't', 'f':
		return string(raw), nil
	case '[', '{':
		var buf bytes.Buffer
		if err := json.Compact(&buf, raw); err != nil {
			return "", errors.New("is not valid JSON")
		}
		return buf.String(), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		return "", errors.New("is not a JSON value")
	}
	return n.String(), nil
}

// validName follows attribute names: letters, digits, underscores and dots,
// starting with a letter.
func validName(name string) bool {
	if name == "" || len(name) > maxNameLength {
		return false
	}
	for i, r := range name {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || r == '_' || r == '.' || (i > 0 && unicode.IsDigit(r))):
		default:
			return false
		}
	}
	return unicode.IsLetter(rune(name[0]))
}

func clipName(s string) string {
	if len(s) <= maxNameLength {
		return s
	}
	return s[:maxNameLength] + "…"
}
