package studio

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/flow"
)

// Each API call of a simulated turn carries its request (secrets masked),
// its response and the values it mapped (finding 4 of the walk-through).
func TestSimulatorShowsEachCallInFull(t *testing.T) {
	orders := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if r.Header.Get("Authorization") != "Bearer top-secret-key" || !strings.Contains(string(body), `"id":"A17"`) {
			http.Error(w, "bad request", 400)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"order":{"status":"shipped"}}`)
	}))
	defer orders.Close()
	st, _ := newTestStudio(t, nil)
	if _, err := st.Attributes.Create(bg, attribute.Definition{Name: "order_status", Type: attribute.Text}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.APIs.Save(bg, apicall.Definition{Name: "Orders", Method: "POST", URL: orders.URL + "/orders",
		Body: `{"id":"A17"}`, Auth: apicall.Auth{Type: apicall.AuthBearer, Token: "top-secret-key"},
		Mappings: []apicall.Mapping{{Path: "order.status", Attribute: "order_status"}}}); err != nil {
		t.Fatal(err)
	}
	f, err := st.Flows.Create(bg, "Order bot")
	if err != nil {
		t.Fatal(err)
	}
	f.Nodes = append(f.Nodes,
		flow.Node{ID: "call", Type: flow.TypeAPI, Data: flow.NodeData{API: "Orders", Routes: []string{"200"}}},
		flow.Node{ID: "say", Type: flow.TypeMessage, Data: flow.NodeData{Text: "Your order is {{order_status}}."}})
	f.Edges = append(f.Edges,
		flow.Edge{ID: "e1", Source: f.Nodes[0].ID, SourceHandle: "out", Target: "call"},
		flow.Edge{ID: "e2", Source: "call", SourceHandle: "200", Target: "say"})
	if _, err := st.Flows.Save(bg, f); err != nil {
		t.Fatal(err)
	}
	sess, err := st.Simulator.Start(bg, f.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	turn, err := st.Simulator.Send(bg, sess.ID, "hi", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(turn.Calls) != 1 {
		t.Fatalf("calls = %+v", turn.Calls)
	}
	c := turn.Calls[0]
	if c.API != "Orders" || c.Status != 200 || c.Route != "200" || c.Method != "POST" || c.URL != orders.URL+"/orders" {
		t.Fatalf("call = %+v", c)
	}
	if c.RequestBody != `{"id":"A17"}` || c.ResponseBody != `{"order":{"status":"shipped"}}` || c.Mapped["order_status"] != "shipped" {
		t.Fatalf("call = %+v", c)
	}
	var auth string
	for _, h := range c.RequestHeaders {
		if h.Key == "Authorization" {
			auth = h.Value
		}
	}
	if auth == "" || strings.Contains(auth, "top-secret-key") {
		t.Fatalf("Authorization header shown as %q, want it masked", auth)
	}
	// The flow ended, so the next message runs it again: that turn shows
	// its own call only.
	turn, err = st.Simulator.Send(bg, sess.ID, "again", "")
	if err != nil || len(turn.Calls) != 1 {
		t.Fatalf("second turn calls = %+v, %v", turn.Calls, err)
	}
}

// A call that was tried again shows its last try: the response the flow
// got, not the failure before it.
func TestSimulatorShowsTheLastTryOfARetriedCall(t *testing.T) {
	tries := 0
	flaky := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tries++
		if tries == 1 {
			w.Header().Set("Retry-After", "0")
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, `{"ok":true}`)
	}))
	defer flaky.Close()
	st, _ := newTestStudio(t, nil)
	if _, err := st.APIs.Save(bg, apicall.Definition{Name: "Flaky", URL: flaky.URL, Retry: apicall.Retry{MaxTries: 2}}); err != nil {
		t.Fatal(err)
	}
	f, err := st.Flows.Create(bg, "Flaky bot")
	if err != nil {
		t.Fatal(err)
	}
	f.Nodes = append(f.Nodes,
		flow.Node{ID: "call", Type: flow.TypeAPI, Data: flow.NodeData{API: "Flaky", Routes: []string{"200"}}},
		flow.Node{ID: "say", Type: flow.TypeMessage, Data: flow.NodeData{Text: "Done."}})
	f.Edges = append(f.Edges,
		flow.Edge{ID: "e1", Source: f.Nodes[0].ID, SourceHandle: "out", Target: "call"},
		flow.Edge{ID: "e2", Source: "call", SourceHandle: "200", Target: "say"})
	if _, err := st.Flows.Save(bg, f); err != nil {
		t.Fatal(err)
	}
	sess, err := st.Simulator.Start(bg, f.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	turn, err := st.Simulator.Send(bg, sess.ID, "hi", "")
	if err != nil || len(turn.Calls) != 1 {
		t.Fatalf("calls = %+v, %v", turn.Calls, err)
	}
	if c := turn.Calls[0]; tries != 2 || c.Status != 200 || c.ResponseBody != `{"ok":true}` {
		t.Fatalf("after %d tries the call shows %+v", tries, c)
	}
}
