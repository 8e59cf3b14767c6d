package engine_test

import (
	"reflect"
	"testing"

	"chatflow/backend/apicall"
	"chatflow/backend/engine"
	"chatflow/backend/flow"
)

func apiFlow() flow.Flow {
	return build([]flow.Node{
		start(),
		node("call", "api", flow.NodeData{API: "Order status", Routes: []string{"200", "404", "5xx"}}),
		node("ok", "message", flow.NodeData{Text: "ok {{order_status}} {{api.status}}"}),
		node("missing", "message", flow.NodeData{Text: "missing {{api.status}}"}),
		node("down", "message", flow.NodeData{Text: "down {{api.status}}"}),
		node("other", "message", flow.NodeData{Text: "other {{api.status}} {{api.error}}"}),
	}, "start:out>call", "call:200>ok", "call:404>missing", "call:5xx>down", "call:others>other")
}

func TestAPINodeRoutes(t *testing.T) {
	tests := []struct {
		name    string
		outcome apicall.Outcome
		want    string
	}{
		{"exact code", apicall.Outcome{Status: 200, Route: "200", Mapped: map[string]string{"order_status": "shipped"}}, "ok shipped 200"},
		{"404", apicall.Outcome{Status: 404, Route: "404"}, "missing 404"},
		{"class", apicall.Outcome{Status: 503, Route: "5xx"}, "down 503"},
		{"timeout", apicall.Outcome{Status: 0, Route: "others", Error: "timed out"}, "other 0 timed out"},
		{"route the node does not list", apicall.Outcome{Status: 302, Route: "3xx"}, "other 302 "},
		{"no route at all", apicall.Outcome{Status: 418}, "other 418 "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, apiFlow(), func(d *engine.Deps) { d.CallSource = "simulator" })
			h.apis.run = func(apicall.Call) apicall.Outcome { return tt.outcome }
			h.s.Attributes = map[string]string{"order_id": "A1"}
			turn := h.say("hi")
			wantTexts(t, turn, tt.want)
			if len(turn.Calls) != 1 || turn.Calls[0].Status != tt.outcome.Status {
				t.Fatalf("calls %+v", turn.Calls)
			}
			call := h.apis.calls[0]
			if call.API != "Order status" || call.ContactID != 7 || call.Source != "simulator" ||
				!reflect.DeepEqual(call.Routes, []string{"200", "404", "5xx"}) || call.Values["order_id"] != "A1" {
				t.Fatalf("call %+v", call)
			}
		})
	}
}

func TestAPINodeClearsOldErrorAndWorksWithoutRunner(t *testing.T) {
	h := newHarness(t, apiFlow(), func(d *engine.Deps) { d.APIs = nil })
	h.s.Attributes = map[string]string{"api.error": "old"}
	turn := h.say("hi")
	wantTexts(t, turn, "other 0 no API runner is configured")

	h = newHarness(t, apiFlow())
	h.apis.run = func(apicall.Call) apicall.Outcome { return apicall.Outcome{Status: 200, Route: "200"} }
	h.s.Attributes = map[string]string{"api.error": "old"}
	if got := h.say("hi").Session.Attributes["api.error"]; got != "" {
		t.Fatalf("api.error after a good call = %q", got)
	}
}
