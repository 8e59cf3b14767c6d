package apicall_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
)

// fakeStore is an in-memory apicall.Store.
type fakeStore struct {
	mu    sync.Mutex
	apis  map[string]apicall.Definition
	attrs []attribute.Definition
	log   []apicall.LogEntry
}

func (f *fakeStore) APIByName(_ context.Context, name string) (apicall.Definition, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	d, ok := f.apis[name]
	if !ok {
		return d, fmt.Errorf("fake: %w", apicall.ErrNotFound)
	}
	return d, nil
}

func (f *fakeStore) Attributes(context.Context) ([]attribute.Definition, error) { return f.attrs, nil }

func (f *fakeStore) InsertCallLog(_ context.Context, e apicall.LogEntry) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.log = append(f.log, e)
	return int64(len(f.log)), nil
}

func TestRunnerRoutes(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/status/{code}", func(w http.ResponseWriter, r *http.Request) {
		var code int
		fmt.Sscan(r.PathValue("code"), &code)
		w.WriteHeader(code)
		fmt.Fprintf(w, `{"order":{"status":"code %d","total":"9.90"}}`, code)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	mux.HandleFunc("/html", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "<html>hi</html>") })
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, strings.Repeat(" ", apicall.MaxResponseBytes+1))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	mappings := []apicall.Mapping{{Path: "order.status", Attribute: "order_status"}, {Path: "order.total", Attribute: "total"}}
	st := &fakeStore{apis: map[string]apicall.Definition{}, attrs: []attribute.Definition{
		{Name: "order_status", Type: attribute.Text}, {Name: "total", Type: attribute.Number}}}
	add := func(name, path string, timeout int) {
		st.apis[name] = apicall.Definition{ID: int64(len(st.apis) + 1), Name: name, URL: srv.URL + path, TimeoutMs: timeout, Mappings: mappings}
	}
	add("ok", "/status/200", 0)
	add("created", "/status/201", 0)
	add("missing", "/status/404", 0)
	add("teapot", "/status/418", 0)
	add("broken", "/status/503", 0)
	add("slow", "/slow", 150)
	add("html", "/html", 0)
	add("big", "/big", 0)
	st.apis["refused"] = apicall.Definition{ID: 99, Name: "refused", URL: refusedURL(t)}

	routes := []string{"200", "404", "2xx", "5xx"}
	tests := []struct {
		api        string
		wantStatus int
		wantRoute  string
		wantErr    string
		wantMapped map[string]string
	}{
		{"ok", 200, "200", "", map[string]string{"order_status": "code 200", "total": "9.9"}},
		{"created", 201, "2xx", "", map[string]string{"order_status": "code 201", "total": "9.9"}},
		{"missing", 404, "404", "", map[string]string{"order_status": "code 404", "total": "9.9"}},
		{"teapot", 418, "others", "", map[string]string{"order_status": "code 418", "total": "9.9"}},
		{"broken", 503, "5xx", "", map[string]string{"order_status": "code 503", "total": "9.9"}},
		{"slow", 0, "others", "did not answer within", map[string]string{}},
		{"refused", 0, "others", "refused the connection", map[string]string{}},
		{"html", 200, "200", "not JSON", map[string]string{}},
		{"big", 0, "others", "larger than 2 MiB", map[string]string{}},
		{"nope", 0, "others", `The API "nope" does not exist.`, map[string]string{}},
	}
	r := apicall.NewRunner(st, nil, nil)
	for _, tt := range tests {
		t.Run(tt.api, func(t *testing.T) {
			before := len(st.log)
			out := r.RunAPI(context.Background(), apicall.Call{API: tt.api, Routes: routes, ContactID: 5, Source: apicall.SourceLive})
			if out.Status != tt.wantStatus || out.Route != tt.wantRoute {
				t.Errorf("status %d route %q, want %d %q (error %q)", out.Status, out.Route, tt.wantStatus, tt.wantRoute, out.Error)
			}
			if (tt.wantErr == "") != (out.Error == "") || !strings.Contains(out.Error, tt.wantErr) {
				t.Errorf("error %q, want %q", out.Error, tt.wantErr)
			}
			if fmt.Sprint(out.Mapped) != fmt.Sprint(tt.wantMapped) {
				t.Errorf("mapped %v, want %v", out.Mapped, tt.wantMapped)
			}
			logged := len(st.log) - before
			if tt.api == "nope" {
				if logged != 0 {
					t.Errorf("a call that was never sent was logged")
				}
				return
			}
			if logged != 1 {
				t.Fatalf("%d log entries, want 1", logged)
			}
			e := st.log[len(st.log)-1]
			if e.APIName != tt.api || e.ContactID != 5 || e.Source != "live" || e.Status != tt.wantStatus || e.At.IsZero() {
				t.Errorf("log entry %+v", e)
			}
		})
	}
}

func TestRunnerRecordsMappingProblems(t *testing.T) {
	srv, _ := echoServer(t)
	st := &fakeStore{apis: map[string]apicall.Definition{"o": {ID: 1, Name: "o", URL: srv.URL,
		Mappings: []apicall.Mapping{{Path: "order.nothing", Attribute: "x"}, {Path: "order.status", Attribute: "y"}}}}}
	out := apicall.NewRunner(st, nil, nil).RunAPI(context.Background(), apicall.Call{API: "o", Values: map[string]string{}})
	if out.Error != "" || out.Mapped["y"] != "shipped" || len(out.Mapped) != 1 {
		t.Fatalf("outcome %+v", out)
	}
	if got := st.log[0].Error; !strings.Contains(got, "has no order.nothing") {
		t.Fatalf("log error %q does not explain the unmapped path", got)
	}
}

func TestRunnerLoadFailure(t *testing.T) {
	st := &failingStore{}
	r := apicall.NewRunner(st, nil, nil)
	out := r.RunAPI(context.Background(), apicall.Call{API: "x"})
	if out.Route != apicall.OthersRoute || out.Error != `The API "x" could not be loaded.` {
		t.Fatalf("outcome %+v", out)
	}
	r.NotFound = func(error) bool { return true }
	if out := r.RunAPI(context.Background(), apicall.Call{API: "x"}); !strings.Contains(out.Error, "does not exist") {
		t.Fatalf("custom NotFound ignored: %+v", out)
	}
}

type failingStore struct{}

func (failingStore) APIByName(context.Context, string) (apicall.Definition, error) {
	return apicall.Definition{}, errors.New("disk on fire")
}
func (failingStore) Attributes(context.Context) ([]attribute.Definition, error) { return nil, nil }
func (failingStore) InsertCallLog(context.Context, apicall.LogEntry) (int64, error) {
	return 0, errors.New("disk on fire")
}

func TestRunnerCancelledContextStillLogs(t *testing.T) {
	srv, _ := echoServer(t)
	st := &fakeStore{apis: map[string]apicall.Definition{"o": {ID: 1, Name: "o", URL: srv.URL}}}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := apicall.NewRunner(st, nil, nil).RunAPI(ctx, apicall.Call{API: "o"})
	if out.Status != 0 || out.Error != "The call was cancelled." || len(st.log) != 1 {
		t.Fatalf("outcome %+v, %d log entries", out, len(st.log))
	}
}
