package flow

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// LookupValue returns the value a placeholder name stands for in values (the
// attribute values in their text form). A name that is an
// attribute gives its value. A longer name continues into the JSON an
// attribute holds (a list, or the object a dynamic choice saved): "orders.#"
// is the number of items, "orders.0.id" the id of the first item and
// "chosen.price" a member of an object. ok is false when nothing is there.
//
// Built-in names contain dots themselves (contact.name), so the longest
// prefix that is an attribute wins.
func LookupValue(values map[string]string, name string) (string, bool) {
	if val, ok := values[name]; ok {
		return val, true
	}
	for i := strings.LastIndexByte(name, '.'); i > 0; i = strings.LastIndexByte(name[:i], '.') {
		val, ok := values[name[:i]]
		if !ok {
			continue
		}
		root, ok := decodeJSON(val)
		if !ok {
			return "", false
		}
		got, ok := Resolve(root, name[i+1:])
		if !ok {
			return "", false
		}
		return TextOf(got), true
	}
	return "", false
}

// Resolve follows a dotted path through a decoded JSON value: digits index
// an array (from 0), "#" counts its items, any other segment names an
// object member. ok is false when the path leads nowhere.
func Resolve(v any, path string) (any, bool) {
	if path == "" {
		return v, true
	}
	for _, seg := range strings.Split(path, ".") {
		switch x := v.(type) {
		case []any:
			if seg == "#" {
				v = json.Number(strconv.Itoa(len(x)))
				continue
			}
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(x) || seg != strconv.Itoa(i) {
				return nil, false
			}
			v = x[i]
		case map[string]any:
			m, ok := x[seg]
			if !ok {
				return nil, false
			}
			v = m
		default:
			return nil, false
		}
	}
	return v, true
}

// TextOf is the text form of a decoded JSON value as a template shows it:
// strings unquoted, numbers as written, true/false, nothing for null, and
// objects and arrays as compact JSON.
func TextOf(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return ""
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

// decodeJSON reads one JSON value, keeping numbers as written. It reports
// false when s is not JSON.
func decodeJSON(s string) (any, bool) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		return nil, false
	}
	return v, true
}

// ListItems splits a list value into the text of each item, in order: an
// object item as its JSON text with its members in the order the API sent
// them (which is how a chosen item is stored), a string unquoted, a number
// as written. It reports false when s is not a JSON array; no value is an
// empty list.
func ListItems(s string) ([]string, bool) {
	if strings.TrimSpace(s) == "" {
		return nil, true
	}
	var raw []json.RawMessage
	if err := json.Unmarshal([]byte(s), &raw); err != nil {
		return nil, false
	}
	items := make([]string, len(raw))
	for i, r := range raw {
		items[i] = itemText(r)
	}
	return items, true
}

// itemText is the text form of one raw JSON item.
func itemText(r json.RawMessage) string {
	switch {
	case len(r) == 0:
		return ""
	case r[0] == '"':
		var s string
		if json.Unmarshal(r, &s) == nil {
			return s
		}
	case string(r) == "null":
		return ""
	case r[0] == '{' || r[0] == '[':
		var buf bytes.Buffer
		if json.Compact(&buf, r) == nil {
			return buf.String()
		}
	}
	return string(r)
}
