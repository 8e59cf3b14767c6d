package main

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// maxLine is the width under which a value is written on one line.
const maxLine = 120

// A value is written as TypeScript: strings, numbers, booleans, lists,
// objects with ordered keys, and raw code (a function, a constant's name).
type (
	object []member
	member struct {
		key   string
		value any
	}
	list []any
	raw  string
	// thunk is a function returning a fresh copy of value on every call.
	thunk struct{ value any }
)

// write renders v at the given indent depth, after prefix (what precedes it
// on its first line), in Prettier's manner: on one line when it fits, else
// one entry per line with a trailing comma.
func write(v any, depth int, prefix string) string {
	flat := inline(v)
	if len(strings.Repeat("  ", depth))+len(prefix)+len(flat) <= maxLine {
		return flat
	}
	pad := strings.Repeat("  ", depth+1)
	var b strings.Builder
	switch v := v.(type) {
	case object:
		b.WriteString("{\n")
		for _, m := range v {
			p := key(m.key) + ": "
			fmt.Fprintf(&b, "%s%s%s,\n", pad, p, write(m.value, depth+1, p))
		}
		b.WriteString(strings.Repeat("  ", depth) + "}")
	case list:
		b.WriteString("[\n")
		for _, e := range v {
			fmt.Fprintf(&b, "%s%s,\n", pad, write(e, depth+1, ""))
		}
		b.WriteString(strings.Repeat("  ", depth) + "]")
	case thunk:
		return "() => (" + write(v.value, depth, prefix+"() => (") + ")"
	default:
		return flat
	}
	return b.String()
}

// inline renders v on one line.
func inline(v any) string {
	switch v := v.(type) {
	case string:
		return quote(v)
	case int:
		return strconv.Itoa(v)
	case bool:
		return strconv.FormatBool(v)
	case raw:
		return string(v)
	case thunk:
		return "() => (" + inline(v.value) + ")"
	case list:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = inline(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case object:
		if len(v) == 0 {
			return "{}"
		}
		parts := make([]string, len(v))
		for i, m := range v {
			parts[i] = key(m.key) + ": " + inline(m.value)
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	}
	panic(fmt.Sprintf("gen: cannot write %T", v))
}

// quote writes s as a single-quoted TypeScript string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range s {
		switch {
		case r == '\\' || r == '\'':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x2028 || r == 0x2029:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// key writes an object key, quoted only when it is not an identifier.
func key(k string) string {
	for i, r := range k {
		if !(r == '_' || r == '$' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return quote(k)
		}
	}
	return k
}

// jsonValue turns a Go value into a written value the way encoding/json
// would encode it (JSON names, omitempty honoured), keeping field order.
func jsonValue(v reflect.Value) any {
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Int:
		return int(v.Int())
	case reflect.Bool:
		return v.Bool()
	case reflect.Slice:
		out := list{}
		for i := 0; i < v.Len(); i++ {
			out = append(out, jsonValue(v.Index(i)))
		}
		return out
	case reflect.Struct:
		out := object{}
		for i := 0; i < v.NumField(); i++ {
			name, opts, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
			f := v.Field(i)
			if name == "" || name == "-" || opts == "omitempty" && (f.IsZero() || f.Kind() == reflect.Slice && f.Len() == 0) {
				continue
			}
			out = append(out, member{name, jsonValue(f)})
		}
		return out
	}
	panic(fmt.Sprintf("gen: cannot encode %s", v.Kind()))
}
