package apicall_test

import (
	"strings"
	"testing"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
)

const slotsJSON = `{"slots":[{"id":"s1","date":"2026-05-02","time":"09:00"},{"id":"s2","date":"2026-05-02","time":"09:30"}],
"orders":[{"id":"A1","status":"open"},{"id":"A2","status":"shipped"},{"id":"A3","status":"open"}]}`

func TestMapListsAndRoots(t *testing.T) {
	res := apicall.Response{Status: 201, Body: slotsJSON, IsJSON: true,
		Headers: []apicall.KV{{Key: "X-Total-Count", Value: "14"}, {Key: "Link", Value: "<a>"}, {Key: "Link", Value: "<b>"}}}
	types := apicall.Types{"slots": attribute.List, "open": attribute.List, "ids": attribute.List, "code": attribute.Number,
		"total": attribute.Number, "raw": attribute.Text, "all": attribute.List, "links": attribute.Text, "one": attribute.List}
	mappings := []apicall.Mapping{
		{Path: "slots", Attribute: "slots"},
		{Path: `orders.#(status=="open")#`, Attribute: "open"},
		{Path: "orders.#.id", Attribute: "ids"},
		{Path: "@status", Attribute: "code"},
		{Path: "@headers.x-total-count", Attribute: "total"},
		{Path: "@headers.Link", Attribute: "links"},
		{Path: "@body", Attribute: "raw"},
		{Path: "orders.0", Attribute: "one"},
		{Path: "@headers.X-Missing", Attribute: "links"},
	}
	values, problems := apicall.MapResponse(res, mappings, types)
	want := map[string]string{
		"slots": `[{"id":"s1","date":"2026-05-02","time":"09:00"},{"id":"s2","date":"2026-05-02","time":"09:30"}]`,
		"open":  `[{"id":"A1","status":"open"},{"id":"A3","status":"open"}]`,
		"ids":   `["A1","A2","A3"]`,
		"code":  "201",
		"total": "14",
		"links": "<a>, <b>",
	}
	for k, v := range want {
		if values[k] != v {
			t.Errorf("%s = %s, want %s", k, values[k], v)
		}
	}
	if !strings.HasPrefix(values["raw"], `{"slots":[{"id":"s1"`) {
		t.Errorf("the whole body = %s", values["raw"])
	}
	if len(problems) != 2 || !strings.Contains(problems[0].Message, "orders.0 does not fit one (list)") ||
		!strings.Contains(problems[1].Message, "no X-Missing header") {
		t.Fatalf("problems = %v", problems)
	}
}

func TestMapRootsOfATextResponse(t *testing.T) {
	res := apicall.Response{Status: 200, Body: "OK", Headers: []apicall.KV{{Key: "Location", Value: "/orders/9"}}}
	values, problems := apicall.MapResponse(res, []apicall.Mapping{
		{Path: "@status", Attribute: "code"}, {Path: "@headers.location", Attribute: "where"},
		{Path: "@body", Attribute: "text"}, {Path: "order.id", Attribute: "id"},
	}, apicall.Types{"code": attribute.Number})
	if values["code"] != "200" || values["where"] != "/orders/9" || values["text"] != "OK" {
		t.Fatalf("values = %v", values)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].Message, "not JSON") {
		t.Fatalf("problems = %v", problems)
	}
}

func TestStructureShowsItemShapeAndRoots(t *testing.T) {
	paths := map[string]apicall.PathSample{}
	for _, p := range apicall.Structure(slotsJSON) {
		paths[p.Path] = p
	}
	if s := paths["slots"]; s.Items != 2 || s.ItemShape != "{id, date, time}" {
		t.Fatalf("slots = %+v", s)
	}
	if s := paths["orders.#.id"]; s.Items != 3 || s.ItemShape != "text" {
		t.Fatalf("orders.#.id = %+v", s)
	}
	wide := apicall.Structure(`{"a":[{"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7}],"n":[1],"e":[]}`)
	shapes := map[string]string{}
	for _, p := range wide {
		shapes[p.Path] = p.ItemShape
	}
	if shapes["a"] != "{k1, k2, k3, k4, k5, k6, …}" || shapes["n"] != "number" || shapes["e"] != "" {
		t.Fatalf("shapes = %v", shapes)
	}
	roots := apicall.ResponseRoots(apicall.Response{Status: 200, Body: `[1,2]`, IsJSON: true,
		Headers: []apicall.KV{{Key: "Content-Type", Value: "application/json"}, {Key: "content-type", Value: "x"}}})
	if len(roots) != 3 || roots[0].Path != "@status" || roots[0].Sample != "200" ||
		roots[1].Path != "@headers.Content-Type" || roots[2].Path != "@body" || roots[2].Items != 2 {
		t.Fatalf("roots = %+v", roots)
	}
}
