package flow

import (
	"reflect"
	"strings"
)

// Outputs returns the output handles of n in display order. Unknown types
// have none.
func Outputs(n Node) []string {
	handles := OutputHandles(n)
	if handles == nil {
		return nil
	}
	out := make([]string, len(handles))
	for i, h := range handles {
		out[i] = h.ID
	}
	return out
}

// OutputHandles returns the output handles of n with the words the editor
// draws beside them, following the rules of n's type (Def.Outputs, or the
// first Def.OutputsWhen variant whose field is set). Unknown types have none.
func OutputHandles(n Node) []Output {
	d, ok := byType[n.Type]
	if !ok {
		return nil
	}
	data := reflect.ValueOf(&n.Data).Elem()
	rules := d.Outputs
	for _, v := range d.OutputsWhen {
		if f, ok := dataField(data, v.When); ok && !f.IsZero() && !(f.Kind() == reflect.Slice && f.Len() == 0) {
			rules = v.Outputs
			break
		}
	}
	out := []Output{}
	for _, r := range rules {
		if r.From == "" {
			out = append(out, Output{ID: r.ID, Label: r.Label})
			continue
		}
		list, ok := dataField(data, r.From)
		if !ok || list.Kind() != reflect.Slice {
			continue
		}
		for i := 0; i < list.Len(); i++ {
			id, label := entry(list.Index(i), r)
			if contains(r.Skip, id) {
				continue
			}
			if strings.TrimSpace(label) == "" {
				label = r.Untitled
			}
			out = append(out, Output{ID: id, Label: strings.TrimSpace(label)})
		}
	}
	return out
}

// entry reads the handle and label of one list entry: the entry itself for a
// text, the members IDKey and LabelKey for an object.
func entry(v reflect.Value, r OutputRule) (id, label string) {
	if v.Kind() == reflect.String {
		return v.String(), v.String()
	}
	if idv, ok := dataField(v, r.IDKey); ok && idv.Kind() == reflect.String {
		id = idv.String()
	}
	if lv, ok := dataField(v, r.LabelKey); ok && lv.Kind() == reflect.String {
		label = lv.String()
	}
	return id, label
}
