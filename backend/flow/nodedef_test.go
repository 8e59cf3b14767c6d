package flow

import (
	"reflect"
	"strings"
	"testing"
)

// goTypes are the Go types of NodeData fields each field kind allows.
var goTypes = map[FieldKind]reflect.Type{
	KindText:         reflect.TypeFor[string](),
	KindTemplate:     reflect.TypeFor[string](),
	KindItemTemplate: reflect.TypeFor[string](),
	KindAttribute:    reflect.TypeFor[string](),
	KindExpression:   reflect.TypeFor[string](),
	KindAPI:          reflect.TypeFor[string](),
	KindChoice:       reflect.TypeFor[string](),
	KindNumber:       reflect.TypeFor[int](),
	KindTexts:        reflect.TypeFor[[]string](),
	KindOptions:      reflect.TypeFor[[]Option](),
	KindTemplates:    reflect.TypeFor[[]string](),
}

// TestDefinitionsAreConsistent checks what the compiler cannot: that every
// name in a definition is a real NodeData field of the right Go type, and
// that defaults and output rules use only the type's own fields.
func TestDefinitionsAreConsistent(t *testing.T) {
	data := reflect.TypeFor[NodeData]()
	seen := map[string]bool{}
	for _, d := range Defs() {
		if d.Type == "" || seen[d.Type] {
			t.Fatalf("%q: a type is named once", d.Type)
		}
		seen[d.Type] = true
		if d.Label == "" || !strings.HasSuffix(d.Description, ".") || !contains(groupNames(), string(d.Group)) || d.check == nil {
			t.Errorf("%s: label, a one-sentence description, a palette group and a check are required", d.Type)
		}
		declared := map[string]FieldKind{}
		for _, f := range d.Fields {
			i, ok := jsonFields(data)[f.Name]
			switch {
			case !ok:
				t.Errorf("%s: field %q is not a NodeData field", d.Type, f.Name)
				continue
			case data.Field(i).Type != goTypes[f.Kind]:
				t.Errorf("%s: field %q of kind %q is a %s in NodeData", d.Type, f.Name, f.Kind, data.Field(i).Type)
			case (f.Kind == KindChoice) != (vocabulary(f.Choices) != nil):
				t.Errorf("%s: field %q: a choice, and only a choice, names a vocabulary", d.Type, f.Name)
			case declared[f.Name] != "":
				t.Errorf("%s: field %q declared twice", d.Type, f.Name)
			}
			declared[f.Name] = f.Kind
		}
		defaults := reflect.ValueOf(d.Defaults)
		for name, i := range jsonFields(data) {
			if !defaults.Field(i).IsZero() && declared[name] == "" {
				t.Errorf("%s: the defaults set %q, which the type does not declare", d.Type, name)
			}
		}
		rules := d.Outputs
		for _, v := range d.OutputsWhen {
			if declared[v.When] == "" {
				t.Errorf("%s: outputs depend on %q, which the type does not declare", d.Type, v.When)
			}
			rules = append(append([]OutputRule(nil), rules...), v.Outputs...)
		}
		for _, r := range rules {
			kind := declared[r.From]
			switch {
			case r.From == "" && r.ID == "":
				t.Errorf("%s: an output rule has neither a fixed id nor a list field", d.Type)
			case r.From != "" && kind != KindTexts && kind != KindOptions:
				t.Errorf("%s: outputs come from %q, which is not a declared list field", d.Type, r.From)
			case kind == KindOptions && (!hasJSONField[Option](r.IDKey) || !hasJSONField[Option](r.LabelKey)):
				t.Errorf("%s: outputs from %q name option members %q/%q", d.Type, r.From, r.IDKey, r.LabelKey)
			}
		}
		limits := map[string]bool{}
		for _, l := range d.Limits {
			if l.Name == "" || l.Value <= 0 || limits[l.Name] {
				t.Errorf("%s: limit %+v: a unique name and a positive value", d.Type, l)
			}
			limits[l.Name] = true
		}
	}
}

// TestDefaultsValidate drops every node type with its defaults into a flow:
// the only errors left are the choices a user must make (an attribute to
// save into, an API to call, a template to send).
func TestDefaultsValidate(t *testing.T) {
	for _, d := range Defs() {
		n := Node{ID: "n", Type: d.Type, Data: d.Defaults}
		v := &validator{f: Flow{Name: "f", Nodes: []Node{n}}, byID: map[string]Node{}}
		v.checkData(n)
		for _, p := range v.problems {
			if p.Severity == SeverityError && p.Field != "attribute" && p.Field != "api" && p.Field != "template" {
				t.Errorf("%s defaults: %+v", d.Type, p)
			}
		}
	}
}

func TestOutputVariantsAndLabels(t *testing.T) {
	saved := byType[TypeList]
	t.Cleanup(func() { byType[TypeList] = saved })
	variant := *saved
	// "button" stands in for a field such as rowsFrom that switches a list to
	// rows read at run time, with outputs "out" and "empty".
	variant.OutputsWhen = []OutputVariant{{When: "button", Outputs: []OutputRule{Fixed(HandleOut, "Rows"), Fixed("empty", "No rows")}}}
	byType[TypeList] = &variant

	rows := []Option{{ID: "r1", Title: " Orders "}, {ID: "r2", Title: "  "}}
	got := OutputHandles(Node{Type: TypeList, Data: NodeData{Rows: rows}})
	want := []Output{{ID: "r1", Label: "Orders"}, {ID: "r2", Label: "Untitled row"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("outputs without the variant's field = %+v, want %+v", got, want)
	}
	got = OutputHandles(Node{Type: TypeList, Data: NodeData{Rows: rows, Button: "Pick"}})
	want = []Output{{ID: HandleOut, Label: "Rows"}, {ID: "empty", Label: "No rows"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("outputs with the variant's field set = %+v, want %+v", got, want)
	}
}

func groupNames() []string {
	out := make([]string, len(Groups))
	for i, g := range Groups {
		out[i] = string(g)
	}
	return out
}

func hasJSONField[T any](name string) bool {
	_, ok := jsonFields(reflect.TypeFor[T]())[name]
	return ok
}
