package engine

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"

	"chatflow/backend/attribute"
)

// exprEnv is the typed environment expressions see: every attribute under its
// name, numbers as float64, booleans as bool, text and dates as strings,
// lists as []any (of maps for objects), so that len(orders) > 0 and expr's
// list functions (filter, map, any, all, count) work.
// Dotted built-ins are grouped into structs, nested at each dot
// ("message.media.mime" is the field mime of the field media of "message"),
// so that a misspelt member fails at compile time like a misspelt attribute
// does.
type exprEnv struct {
	types  map[string]attribute.Type
	groups map[string]reflect.Type // top-level prefix -> struct type
	// members places each dotted attribute in its group: the prefix and
	// the index path of its field (reflect's FieldByIndex).
	members map[string]memberPath
	// signature identifies the attribute types, so a cached program compiled
	// for other types is not reused.
	signature string
}

// memberPath is where one dotted attribute lives inside its group struct.
type memberPath struct {
	prefix string
	index  []int
}

// groupTree is a group while the environment is built: leaves are
// attributes, children are nested groups, both in name order.
type groupTree struct {
	names    []string
	leaves   map[string]string // member -> full attribute name
	children map[string]*groupTree
}

func newGroupTree() *groupTree {
	return &groupTree{leaves: map[string]string{}, children: map[string]*groupTree{}}
}

func newExprEnv(defs []attribute.Definition) *exprEnv {
	e := &exprEnv{types: attribute.TypeMap(defs), groups: map[string]reflect.Type{}, members: map[string]memberPath{}}
	names := make([]string, 0, len(e.types))
	for n := range e.types {
		names = append(names, n)
	}
	sort.Strings(names)
	trees := map[string]*groupTree{}
	var sig strings.Builder
	for _, n := range names {
		fmt.Fprintf(&sig, "%s:%s;", n, e.types[n])
		parts := strings.Split(n, ".")
		if len(parts) < 2 || slices.Contains(parts, "") {
			continue
		}
		tree := trees[parts[0]]
		if tree == nil {
			tree = newGroupTree()
			trees[parts[0]] = tree
		}
		tree.add(parts[1:], n)
	}
	for prefix, tree := range trees {
		e.groups[prefix] = tree.build(e, prefix, nil)
	}
	e.signature = sig.String()
	return e
}

// add places the attribute full under the member path parts. A name that is
// both a member and a group ("a.b" and "a.b.c") keeps the group.
func (g *groupTree) add(parts []string, full string) {
	head := parts[0]
	if len(parts) == 1 {
		if _, isGroup := g.children[head]; !isGroup {
			if _, seen := g.leaves[head]; !seen {
				g.names = append(g.names, head)
			}
			g.leaves[head] = full
		}
		return
	}
	child := g.children[head]
	if child == nil {
		if _, wasLeaf := g.leaves[head]; wasLeaf {
			delete(g.leaves, head)
		} else {
			g.names = append(g.names, head)
		}
		child = newGroupTree()
		g.children[head] = child
	}
	child.add(parts[1:], full)
}

// build returns the struct type of g and records the field path of every
// attribute below it.
func (g *groupTree) build(e *exprEnv, prefix string, at []int) reflect.Type {
	fields := make([]reflect.StructField, 0, len(g.names))
	for i, member := range g.names {
		path := append(slices.Clone(at), i)
		var typ reflect.Type
		if child, ok := g.children[member]; ok {
			typ = child.build(e, prefix, path)
		} else {
			full := g.leaves[member]
			typ = goType(e.types[full])
			e.members[full] = memberPath{prefix: prefix, index: path}
		}
		fields = append(fields, reflect.StructField{
			Name: "F" + strconv.Itoa(i),
			Type: typ,
			Tag:  reflect.StructTag(`expr:"` + member + `"`),
		})
	}
	return reflect.StructOf(fields)
}

func goType(t attribute.Type) reflect.Type {
	switch t {
	case attribute.Number:
		return reflect.TypeFor[float64]()
	case attribute.Boolean:
		return reflect.TypeFor[bool]()
	case attribute.List:
		return reflect.TypeFor[[]any]()
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
	case attribute.List:
		// Numbers decode as float64, the type expressions compare numbers in.
		var items []any
		if err := json.Unmarshal([]byte(s), &items); err != nil || items == nil {
			return []any{}
		}
		return items
	}
	return s
}

// values builds the environment for one run from the session's attributes.
func (e *exprEnv) values(attrs map[string]string) map[string]any {
	env := make(map[string]any, len(e.types))
	groups := make(map[string]reflect.Value, len(e.groups))
	for prefix, typ := range e.groups {
		groups[prefix] = reflect.New(typ).Elem()
	}
	for name, t := range e.types {
		if m, ok := e.members[name]; ok {
			groups[m.prefix].FieldByIndex(m.index).Set(reflect.ValueOf(typed(t, attrs[name])))
			continue
		}
		if _, taken := e.groups[name]; !taken && !strings.Contains(name, ".") {
			env[name] = typed(t, attrs[name])
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
	case []any, map[string]any:
		// A list an expression built (filter(orders, .open)) is stored as
		// JSON, which a list attribute takes as it is.
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if enc.Encode(x) == nil {
			return strings.TrimSuffix(b.String(), "\n")
		}
	}
	return fmt.Sprint(v)
}
