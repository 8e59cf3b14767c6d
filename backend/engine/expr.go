package engine

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"

	"chatflow/backend/attribute"
)

// exprEnv is the typed environment expressions see: every attribute under its
// name, numbers as float64, booleans as bool, text and dates as strings.
// Dotted built-ins are grouped into structs ("contact.name" is the field name
// of "contact"), so that a misspelt member fails at compile time like a
// misspelt attribute does.
type exprEnv struct {
	types  map[string]attribute.Type
	groups map[string]reflect.Type // prefix -> struct type with one field per member
	// signature identifies the attribute types, so a cached program compiled
	// for other types is not reused.
	signature string
}

func newExprEnv(defs []attribute.Definition) *exprEnv {
	e := &exprEnv{types: attribute.TypeMap(defs), groups: map[string]reflect.Type{}}
	names := make([]string, 0, len(e.types))
	for n := range e.types {
		names = append(names, n)
	}
	sort.Strings(names)
	members := map[string][]reflect.StructField{}
	var sig strings.Builder
	for _, n := range names {
		fmt.Fprintf(&sig, "%s:%s;", n, e.types[n])
		prefix, member, dotted := strings.Cut(n, ".")
		if !dotted || strings.Contains(member, ".") {
			continue
		}
		members[prefix] = append(members[prefix], reflect.StructField{
			Name: "F" + strconv.Itoa(len(members[prefix])),
			Type: goType(e.types[n]),
			Tag:  reflect.StructTag(`expr:"` + member + `"`),
		})
	}
	for prefix, fields := range members {
		e.groups[prefix] = reflect.StructOf(fields)
	}
	e.signature = sig.String()
	return e
}

func goType(t attribute.Type) reflect.Type {
	switch t {
	case attribute.Number:
		return reflect.TypeFor[float64]()
	case attribute.Boolean:
		return reflect.TypeFor[bool]()
	}
	return reflect.TypeFor[string]()
}

// typed converts a stored text value into the Go value of type t. Missing or
// unreadable values become the zero value (0, false, "").
func typed(t attribute.Type, s string) any {
	switch t {
	case attribute.Number:
		f, _ := strconv.ParseFloat(strings.TrimSpace(s), 64)
		return f
	case attribute.Boolean:
		return strings.TrimSpace(s) == "true"
	}
	return s
}

// values builds the environment for one run from the session's attributes.
func (e *exprEnv) values(attrs map[string]string) map[string]any {
	env := make(map[string]any, len(e.types))
	groups := map[string]reflect.Value{}
	for prefix, typ := range e.groups {
		groups[prefix] = reflect.New(typ).Elem()
	}
	for name, t := range e.types {
		prefix, member, dotted := strings.Cut(name, ".")
		g, isGroup := groups[prefix]
		if !dotted || !isGroup {
			if _, taken := e.groups[name]; !taken {
				env[name] = typed(t, attrs[name])
			}
			continue
		}
		typ := g.Type()
		for i := range typ.NumField() {
			if typ.Field(i).Tag.Get("expr") == member {
				g.Field(i).Set(reflect.ValueOf(typed(t, attrs[name])))
			}
		}
	}
	for prefix, g := range groups {
		env[prefix] = g.Interface()
	}
	return env
}

// compile compiles src against the typed environment. asBool requires a
// true/false result (conditions).
func (e *exprEnv) compile(src string, asBool bool) (*vm.Program, error) {
	opts := []expr.Option{expr.Env(e.values(nil))}
	if asBool {
		opts = append(opts, expr.AsBool())
	}
	p, err := expr.Compile(src, opts...)
	if err != nil {
		return nil, fmt.Errorf("%s", firstLine(err.Error()))
	}
	return p, nil
}

// firstLine keeps expr's one-line message and drops its ASCII-art pointer.
func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return strings.TrimSpace(s)
}

// formatValue turns an expression result into the text form of an attribute.
func formatValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	}
	return fmt.Sprint(v)
}
