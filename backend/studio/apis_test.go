package studio

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/store"
)

// orderServer is a small order-status API: GET /orders/{id} answers the
// order as JSON when the bearer token is right.
func orderServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders/{id}", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer s3cret-token" {
			w.WriteHeader(http.StatusUnauthorized)
			io.WriteString(w, `{"error":"bad token"}`)
			return
		}
		if r.PathValue("id") == "missing" {
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, `{"error":"no such order"}`)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"order": map[string]any{"id": r.PathValue("id"), "status": "shipped", "total": 12.5},
			"items": []map[string]any{{"name": "Tea"}, {"name": "Cake"}}})
	})
	mux.HandleFunc("GET /slow", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestAPIsSaveListDuplicateDelete(t *testing.T) {
	st, ev := newTestStudio(t, nil)
	s := st.APIs
	if _, err := st.Attributes.Create(bg, attribute.Definition{Name: "order_status", Type: attribute.Text}); err != nil {
		t.Fatal(err)
	}
	def := apicall.Definition{Name: "Orders", URL: "https://shop.test/orders/{{order_id}}",
		Mappings: []apicall.Mapping{{Path: "order.status", Attribute: "order_status"}}}
	saved, err := s.Save(bg, def)
	if err != nil || saved.ID == 0 || saved.Method != "GET" || saved.TimeoutMs != 10000 {
		t.Fatalf("Save = %+v, %v", saved, err)
	}
	saveErrors := []struct {
		def  apicall.Definition
		want string
	}{
		{apicall.Definition{Name: "orders", URL: "https://x.test"}, `Another API is already named "orders"; pick another name.`},
		{apicall.Definition{Name: "", URL: "https://x.test"}, "Give the API a name."},
		{apicall.Definition{Name: "B", URL: "https://x.test", TimeoutMs: 61000}, "The timeout must be between 1 and 60 seconds."},
		{apicall.Definition{Name: "B", URL: "https://x.test", Mappings: []apicall.Mapping{{Path: "a", Attribute: "nope"}}},
			`Mapping 1 sets "nope", which is not an attribute yet; create it first.`},
		{apicall.Definition{Name: "B", URL: "https://x.test", Mappings: []apicall.Mapping{{Path: "a", Attribute: "api.status"}}},
			"Mapping 1 sets api.status, which is built in; map it to a custom attribute."},
		{apicall.Definition{ID: 999, Name: "Ghost", URL: "https://x.test"}, "This API no longer exists; it may have been deleted."},
	}
	for _, c := range saveErrors {
		if _, err := s.Save(bg, c.def); err == nil || err.Error() != c.want {
			t.Errorf("Save(%s) = %v, want %q", c.def.Name, err, c.want)
		}
	}

	dup, err := s.Duplicate(bg, saved.ID)
	if err != nil || dup.Name != "Orders copy" || dup.ID == saved.ID || dup.URL != saved.URL {
		t.Fatalf("Duplicate = %+v, %v", dup, err)
	}
	dup2, err := s.Duplicate(bg, saved.ID)
	if err != nil || dup2.Name != "Orders copy 2" {
		t.Fatalf("second Duplicate = %+v, %v", dup2, err)
	}

	if _, err := st.db.CreateFlow(bg, supportFlow(), store.FlowCheck{Valid: true}); err != nil {
		t.Fatal(err)
	}
	list, err := s.List(bg, "")
	if err != nil || len(list) != 3 || list[0].Name != "Orders" || list[0].MappingCount != 1 ||
		!reflect.DeepEqual(list[0].UsedBy, []string{`flow "Support" (API call “Orders”)`}) {
		t.Fatalf("List = %+v, %v", list, err)
	}
	if _, err := time.Parse(time.RFC3339, list[0].UpdatedAt); err != nil {
		t.Errorf("updatedAt %q is not RFC 3339", list[0].UpdatedAt)
	}
	if found, _ := s.List(bg, "COPY 2"); len(found) != 1 || found[0].ID != dup2.ID {
		t.Errorf("search = %+v", found)
	}

	if err := s.Delete(bg, saved.ID); err == nil || err.Error() != `"Orders" is called by flow "Support" (API call “Orders”), so it cannot be deleted.` {
		t.Fatalf("Delete(used) = %v", err)
	}
	// Renaming follows into the flow.
	saved.Name = "Order lookup"
	if _, err := s.Save(bg, saved); err != nil {
		t.Fatal(err)
	}
	if f, _ := st.db.FlowByName(bg, "Support"); f.Nodes[3].Data.API != "Order lookup" {
		t.Fatalf("flow still calls %q", f.Nodes[3].Data.API)
	}
	if err := s.Delete(bg, dup.ID); err != nil {
		t.Fatalf("Delete(unused) = %v", err)
	}
	if _, err := s.Get(bg, dup.ID); err == nil || err.Error() != "This API no longer exists." {
		t.Fatalf("Get(deleted) = %v", err)
	}
	if n := ev.count(EventAPIsChanged); n != 5 {
		t.Errorf("%d %s events, want 5", n, EventAPIsChanged)
	}
}

func TestAPIsTest(t *testing.T) {
	st, _ := newTestStudio(t, nil)
	s := st.APIs
	srv := orderServer(t)
	for _, d := range []attribute.Definition{{Name: "order_status", Type: attribute.Text}, {Name: "total", Type: attribute.Number}} {
		if _, err := st.Attributes.Create(bg, d); err != nil {
			t.Fatal(err)
		}
	}
	def := apicall.Definition{URL: srv.URL + "/orders/{{order_id}}", Auth: apicall.Auth{Type: apicall.AuthBearer, Token: "{{token}}"},
		Mappings: []apicall.Mapping{{Path: "order.status", Attribute: "order_status"}, {Path: "order.total", Attribute: "total"},
			{Path: "order.nothing", Attribute: "order_status"}, {Path: "", Attribute: ""}}}

	names := st.Tester.Placeholders(def)
	if !reflect.DeepEqual(names, []string{"order_id", "token"}) {
		t.Fatalf("Placeholders = %v", names)
	}
	res, err := st.Tester.Test(bg, "run-1", def, map[string]string{"order_id": "A 7", "token": "s3cret-token"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != 200 || !res.BodyIsJSON || res.Error != "" || res.Size == 0 || len(res.Missing) != 0 {
		t.Fatalf("result = %+v", res)
	}
	if res.Mapped["order_status"] != "shipped" || res.Mapped["total"] != "12.5" || len(res.MappingErrors) != 1 {
		t.Fatalf("mapped = %v, problems %v", res.Mapped, res.MappingErrors)
	}
	paths := map[string]string{}
	for _, p := range res.Structure {
		paths[p.Path] = p.Sample
	}
	if paths["order.id"] != "A 7" || paths["items.#.name"] != `["Tea","Cake"]` {
		t.Fatalf("structure = %v", paths)
	}
	if !strings.HasSuffix(res.Request.URL, "/orders/A%207") || strings.Contains(mustJSON(t, res.Request), "s3cret-token") {
		t.Fatalf("request preview = %+v", res.Request)
	}

	res, err = st.Tester.Test(bg, "", def, map[string]string{"order_id": "missing"})
	if err != nil || res.Status != 401 || !reflect.DeepEqual(res.Missing, []string{"token"}) {
		t.Fatalf("test without token = %+v, %v", res, err)
	}
	if _, err := st.Tester.Test(bg, "", apicall.Definition{URL: "ftp://x"}, nil); err == nil || err.Error() != "The URL must start with http:// or https://." {
		t.Fatalf("invalid test = %v", err)
	}

	log, err := s.CallLog(bg, 0, 10)
	if err != nil || len(log) != 2 || log[0].Status != 401 || log[1].Source != "test" {
		t.Fatalf("CallLog = %+v, %v", log, err)
	}
	if strings.Contains(mustJSON(t, log), "s3cret-token") {
		t.Fatal("the call log holds the token")
	}
	if !strings.Contains(log[1].Error, "has no order.nothing") {
		t.Errorf("log does not explain the unmapped path: %q", log[1].Error)
	}
	if _, err := time.Parse(time.RFC3339Nano, log[0].At); err != nil {
		t.Errorf("at %q: %v", log[0].At, err)
	}

	def.Name = "Orders"
	def.Mappings = def.Mappings[:2]
	saved, err := s.Save(bg, def)
	if err != nil {
		t.Fatal(err)
	}
	saved.SampleResponse = strings.Repeat(" ", maxSampleResponse+1)
	saved.SampleStructure = []apicall.PathSample{{Path: "a", Sample: "1", Type: "number"}}
	if saved, err = s.Save(bg, saved); err != nil || saved.SampleResponse != "" || len(saved.SampleStructure) != 1 {
		t.Fatalf("oversized sample: %q, %v, %v", saved.SampleResponse[:min(10, len(saved.SampleResponse))], saved.SampleStructure, err)
	}
	if _, err := st.Tester.Test(bg, "", saved, map[string]string{"order_id": "1", "token": "s3cret-token"}); err != nil {
		t.Fatal(err)
	}
	if log, _ := s.CallLog(bg, saved.ID, 0); len(log) != 1 || log[0].Status != 200 {
		t.Fatalf("saved API log = %+v", log)
	}
}

func TestAPIsTestCancel(t *testing.T) {
	st, _ := newTestStudio(t, nil)
	s := st.Tester
	srv := orderServer(t)
	done := make(chan TestResult)
	go func() {
		res, _ := s.Test(bg, "run-x", apicall.Definition{URL: srv.URL + "/slow", TimeoutMs: 30000}, nil)
		done <- res
	}()
	deadline := time.After(5 * time.Second)
	for {
		s.mu.Lock()
		_, running := s.runs["run-x"]
		s.mu.Unlock()
		if running {
			break
		}
		select {
		case <-deadline:
			t.Fatal("the test never started")
		case <-time.After(5 * time.Millisecond):
		}
	}
	s.Cancel("run-x")
	select {
	case res := <-done:
		if res.Status != 0 || res.Error != "The call was cancelled." {
			t.Fatalf("cancelled result = %+v", res)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("CancelTest did not stop the test")
	}
	s.Cancel("unknown") // a finished or unknown run: nothing happens
}

func TestAPIsImportCurl(t *testing.T) {
	st, _ := newTestStudio(t, nil)
	s := st.APIs
	def, err := s.ImportCurl(`curl -H 'Authorization: Bearer abc' 'https://shop.test/orders?id=7'`)
	if err != nil || def.Auth.Type != "bearer" || def.Auth.Token != "abc" || def.Query[0] != (apicall.KV{Key: "id", Value: "7"}) {
		t.Fatalf("ImportCurl = %+v, %v", def, err)
	}
	if _, err := s.ImportCurl("wget x"); err == nil || err.Error() != "Could not read the curl command: paste a command that starts with curl." {
		t.Fatalf("ImportCurl(wget) = %v", err)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAPIsDeleteChecksThePublishedCopy(t *testing.T) {
	st, _ := newTestStudio(t, nil)
	s := st.APIs
	api, err := s.Save(bg, apicall.Definition{Name: "Orders", URL: "https://shop.test/x"})
	if err != nil {
		t.Fatal(err)
	}
	f, err := st.db.CreateFlow(bg, supportFlow(), store.FlowCheck{Valid: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.db.PublishFlow(bg, f.ID); err != nil {
		t.Fatal(err)
	}
	// The draft stops calling the API; customers still run the published copy.
	f.Nodes = f.Nodes[:3]
	if _, err := st.db.SaveFlow(bg, f, store.FlowCheck{Valid: true}); err != nil {
		t.Fatal(err)
	}
	err = s.Delete(bg, api.ID)
	if err == nil || err.Error() != `"Orders" is called by the published version of flow "Support" (API call “Orders”), so it cannot be deleted.` {
		t.Fatalf("Delete = %v", err)
	}
}
