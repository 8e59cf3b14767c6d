package flow

import (
	"reflect"
	"strings"
	"sync"
)

// fieldIndexes caches, per struct type, the index of each field by its JSON
// name, so definitions can name NodeData fields ("buttons", "rowsFrom") the
// way the document and the editor spell them.
var fieldIndexes sync.Map // reflect.Type -> map[string]int

// dataField returns the field of the struct v whose JSON name is name.
func dataField(v reflect.Value, name string) (reflect.Value, bool) {
	if name == "" || v.Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	i, ok := jsonFields(v.Type())[name]
	if !ok {
		return reflect.Value{}, false
	}
	return v.Field(i), true
}

// jsonFields returns the JSON names of the exported fields of struct type t.
func jsonFields(t reflect.Type) map[string]int {
	if m, ok := fieldIndexes.Load(t); ok {
		return m.(map[string]int)
	}
	m := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.IsExported() && name != "" && name != "-" {
			m[name] = i
		}
	}
	fieldIndexes.Store(t, m)
	return m
}

// stringFields returns pointers to the string fields of d that n's type
// declares with one of the kinds, in declaration order. Unknown types have
// none.
func stringFields(typ string, d *NodeData, kinds ...FieldKind) []*string {
	def, ok := byType[typ]
	if !ok {
		return nil
	}
	data := reflect.ValueOf(d).Elem()
	var out []*string
	for _, f := range def.Fields {
		if !containsKind(kinds, f.Kind) {
			continue
		}
		if v, ok := dataField(data, f.Name); ok && v.Kind() == reflect.String {
			out = append(out, v.Addr().Interface().(*string))
		}
	}
	return out
}

// templateListFields returns pointers to the KindTemplates fields of a
// node's data (lists of texts with placeholders).
func templateListFields(typ string, d *NodeData) []*[]string {
	def, ok := byType[typ]
	if !ok {
		return nil
	}
	data := reflect.ValueOf(d).Elem()
	var out []*[]string
	for _, f := range def.Fields {
		if f.Kind != KindTemplates {
			continue
		}
		if v, ok := dataField(data, f.Name); ok && v.Type() == reflect.TypeFor[[]string]() {
			out = append(out, v.Addr().Interface().(*[]string))
		}
	}
	return out
}

func containsKind(kinds []FieldKind, k FieldKind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}
