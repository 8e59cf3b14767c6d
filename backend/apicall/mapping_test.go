package apicall_test

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/tidwall/gjson"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
)

const orderJSON = `{
  "order": {"id": "A-7", "status": "shipped", "total": 12.50, "paid": true, "note": null, "eta": "2024-05-01"},
  "items": [{"name": "Tea", "qty": 2, "tags": ["hot", "green"]}, {"name": "Cake", "qty": 1, "tags": []}],
  "meta.data": {"odd key": 1},
  "count": "3"
}`

func TestMap(t *testing.T) {
	types := apicall.Types{
		"status": attribute.Text, "total": attribute.Number, "paid": attribute.Boolean, "eta": attribute.Date,
		"count": attribute.Number, "first_item": attribute.Text, "names": attribute.Text, "order_json": attribute.Text,
		"bad_number": attribute.Number, "note": attribute.Text, "odd": attribute.Number,
	}
	tests := []struct {
		name       string
		mapping    apicall.Mapping
		wantValue  string
		wantSet    bool
		wantReport string
	}{
		{"string", apicall.Mapping{Path: "order.status", Attribute: "status"}, "shipped", true, ""},
		{"number normalized", apicall.Mapping{Path: "order.total", Attribute: "total"}, "12.5", true, ""},
		{"boolean", apicall.Mapping{Path: "order.paid", Attribute: "paid"}, "true", true, ""},
		{"date", apicall.Mapping{Path: "order.eta", Attribute: "eta"}, "2024-05-01", true, ""},
		{"numeric string to number", apicall.Mapping{Path: "count", Attribute: "count"}, "3", true, ""},
		{"array element", apicall.Mapping{Path: "items.0.name", Attribute: "first_item"}, "Tea", true, ""},
		{"array across elements", apicall.Mapping{Path: "items.#.name", Attribute: "names"}, `["Tea","Cake"]`, true, ""},
		{"array length", apicall.Mapping{Path: "items.#", Attribute: "count"}, "2", true, ""},
		{"object as raw JSON", apicall.Mapping{Path: "items.1", Attribute: "order_json"}, `{"name":"Cake","qty":1,"tags":[]}`, true, ""},
		{"escaped key", apicall.Mapping{Path: `meta\.data.odd key`, Attribute: "odd"}, "1", true, ""},
		{"null clears", apicall.Mapping{Path: "order.note", Attribute: "note"}, "", true, ""},
		{"missing path", apicall.Mapping{Path: "order.missing", Attribute: "status"}, "", false, "has no order.missing"},
		{"out of range index", apicall.Mapping{Path: "items.5.name", Attribute: "first_item"}, "", false, "has no items.5.name"},
		{"type mismatch", apicall.Mapping{Path: "order.status", Attribute: "bad_number"}, "", false, "does not fit bad_number"},
		{"undeclared attribute is text", apicall.Mapping{Path: "order.id", Attribute: "other"}, "A-7", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			values, problems := apicall.Map(orderJSON, []apicall.Mapping{tt.mapping}, types)
			got, set := values[tt.mapping.Attribute]
			if set != tt.wantSet || got != tt.wantValue {
				t.Errorf("value = %q (set %v), want %q (set %v)", got, set, tt.wantValue, tt.wantSet)
			}
			if tt.wantReport == "" && len(problems) > 0 {
				t.Errorf("unexpected problems %v", problems)
			}
			if tt.wantReport != "" && (len(problems) != 1 || !strings.Contains(problems[0].Message, tt.wantReport)) {
				t.Errorf("problems = %v, want one containing %q", problems, tt.wantReport)
			}
		})
	}
}

func TestMapNotJSON(t *testing.T) {
	m := []apicall.Mapping{{Path: "a", Attribute: "x"}, {Path: "b", Attribute: "y"}}
	for _, body := range []string{"", "<html>", "{broken"} {
		values, problems := apicall.Map(body, m, nil)
		if len(values) != 0 || len(problems) != 2 || !strings.Contains(problems[0].Message, "not JSON") {
			t.Errorf("Map(%q) = %v, %v", body, values, problems)
		}
	}
	if values, problems := apicall.Map("<html>", nil, nil); len(values) != 0 || problems != nil {
		t.Errorf("no mappings should map nothing and report nothing")
	}
}

func TestStructure(t *testing.T) {
	got := apicall.Structure(orderJSON)
	want := map[string][2]string{
		"order":              {"object", ""},
		"order.status":       {"string", "shipped"},
		"order.total":        {"number", "12.50"},
		"order.paid":         {"boolean", "true"},
		"order.note":         {"null", "null"},
		"items":              {"array", ""},
		"items.#":            {"number", "2"},
		"items.0":            {"object", ""},
		"items.0.name":       {"string", "Tea"},
		"items.#.name":       {"array", `["Tea","Cake"]`},
		"items.0.tags":       {"array", `["hot","green"]`},
		"items.0.tags.#":     {"number", "2"},
		"items.0.tags.0":     {"string", "hot"},
		"items.#.tags.0":     {"array", `["hot"]`},
		`meta\.data`:         {"object", `{"odd key":1}`},
		`meta\.data.odd key`: {"number", "1"},
	}
	byPath := map[string]apicall.PathSample{}
	for _, p := range got {
		if _, dup := byPath[p.Path]; dup {
			t.Errorf("path %q listed twice", p.Path)
		}
		byPath[p.Path] = p
		if !gjson.Get(orderJSON, p.Path).Exists() {
			t.Errorf("listed path %q does not resolve with gjson", p.Path)
		}
	}
	for path, w := range want {
		p, ok := byPath[path]
		if !ok {
			t.Errorf("missing path %q", path)
			continue
		}
		if p.Type != w[0] || (w[1] != "" && p.Sample != w[1]) {
			t.Errorf("%s = %s %q, want %s %q", path, p.Type, p.Sample, w[0], w[1])
		}
	}
}

func TestStructureEdges(t *testing.T) {
	tests := []struct {
		body string
		want []string
	}{
		{`[{"a":1}]`, []string{"#", "0", "0.a", "#.a"}},
		{`"just a string"`, []string{}},
		{`not json`, []string{}},
		{`{"":1,"b":[]}`, []string{"b", "b.#"}},
	}
	for _, tt := range tests {
		var paths []string
		for _, p := range apicall.Structure(tt.body) {
			paths = append(paths, p.Path)
		}
		if paths == nil {
			paths = []string{}
		}
		if !reflect.DeepEqual(paths, tt.want) {
			t.Errorf("Structure(%s) paths = %v, want %v", tt.body, paths, tt.want)
		}
	}
	long := `{"s":"` + strings.Repeat("é", 500) + `"}`
	if s := apicall.Structure(long)[0].Sample; len([]rune(s)) > 120 || !strings.HasSuffix(s, "…") {
		t.Errorf("long sample not cut: %d runes", len([]rune(s)))
	}
	var big strings.Builder
	big.WriteString("{")
	for i := range 2000 {
		if i > 0 {
			big.WriteString(",")
		}
		big.WriteString(`"k` + strconv.Itoa(i) + `":1`)
	}
	big.WriteString("}")
	if n := len(apicall.Structure(big.String())); n != 500 {
		t.Errorf("structure of a 2000-key object has %d paths, want the cap of 500", n)
	}
}

func TestMatchRoute(t *testing.T) {
	routes := []string{"200", "404", "2xx", "5XX", " 301 "}
	tests := []struct {
		status int
		want   string
	}{
		{200, "200"},
		{201, "2xx"},
		{404, "404"},
		{403, apicall.OthersRoute},
		{500, "5XX"},
		{503, "5XX"},
		{301, " 301 "},
		{302, apicall.OthersRoute},
		{0, apicall.OthersRoute},
		{-1, apicall.OthersRoute},
	}
	for _, tt := range tests {
		if got := apicall.MatchRoute(tt.status, routes); got != tt.want {
			t.Errorf("MatchRoute(%d) = %q, want %q", tt.status, got, tt.want)
		}
	}
	if got := apicall.MatchRoute(200, nil); got != apicall.OthersRoute {
		t.Errorf("MatchRoute with no routes = %q", got)
	}
	if got := apicall.MatchRoute(204, []string{"2xx", "204"}); got != "204" {
		t.Errorf("an exact code listed after its class must still win, got %q", got)
	}
}
