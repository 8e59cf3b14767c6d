package studio

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sync/atomic"
	"testing"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
)

// TestTesterRunsTheLiveBotsCode sends one saved definition through the
// Test button and through the live bot's runner and checks they behave the
// same: the same retry after a 503 (both tries in the call log), the same
// mapping roots (@status, @headers.Name, @body) and array mapping, the
// same values mapped.
func TestTesterRunsTheLiveBotsCode(t *testing.T) {
	st, _ := newTestStudio(t, nil)
	var calls atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1)%2 == 1 {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Total-Count", "2")
		w.WriteHeader(http.StatusCreated)
		fmt.Fprint(w, `{"slots":[{"id":"s1","time":"9:00"},{"id":"s2","time":"9:30"}]}`)
	}))
	t.Cleanup(srv.Close)
	for _, a := range []attribute.Definition{{Name: "code", Type: attribute.Number}, {Name: "total", Type: attribute.Text},
		{Name: "slots", Type: attribute.List}, {Name: "raw", Type: attribute.Text}} {
		if _, err := st.Attributes.Create(bg, a); err != nil {
			t.Fatal(err)
		}
	}
	def, err := st.APIs.Save(bg, apicall.Definition{Name: "Slots", URL: srv.URL + "/slots/{{day}}",
		Retry: apicall.Retry{MaxTries: 2},
		Mappings: []apicall.Mapping{{Path: "@status", Attribute: "code"}, {Path: "@headers.x-total-count", Attribute: "total"},
			{Path: "slots", Attribute: "slots"}, {Path: "@body", Attribute: "raw"}}})
	if err != nil {
		t.Fatal(err)
	}

	tested, err := st.Tester.Test(bg, "", def, map[string]string{"day": "mon"})
	if err != nil {
		t.Fatal(err)
	}
	live := st.runner.RunAPI(bg, apicall.Call{API: "Slots", Routes: []string{"201"}, Values: map[string]string{"day": "mon"},
		Source: apicall.SourceLive})

	want := map[string]string{"code": "201", "total": "2", "slots": `[{"id":"s1","time":"9:00"},{"id":"s2","time":"9:30"}]`,
		"raw": `{"slots":[{"id":"s1","time":"9:00"},{"id":"s2","time":"9:30"}]}`}
	if tested.Status != 201 || !reflect.DeepEqual(tested.Mapped, want) || len(tested.MappingErrors) != 0 {
		t.Fatalf("tester: status %d, mapped %v, problems %v", tested.Status, tested.Mapped, tested.MappingErrors)
	}
	if live.Status != 201 || live.Route != "201" || !reflect.DeepEqual(live.Mapped, want) {
		t.Fatalf("live: %+v", live)
	}
	log, err := st.APIs.CallLog(bg, def.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	bySource := map[string][]int{}
	for _, e := range log {
		bySource[e.Source] = append(bySource[e.Source], e.Status)
	}
	for _, source := range []string{apicall.SourceTest, apicall.SourceLive} {
		if got := bySource[source]; len(got) != 2 || got[0]+got[1] != 201+503 {
			t.Errorf("%s tries in the call log: %v (want a 503 and a 201)", source, got)
		}
	}
}
