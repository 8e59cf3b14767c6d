package apicall_test

import (
	"context"
	"encoding/json"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
)

// seen is what the echo server received.
type seen struct {
	Method  string
	Path    string
	RawPath string
	Query   map[string][]string
	Header  http.Header
	Body    string
	User    string
	Pass    string
	HasAuth bool
}

// echoServer answers every request with JSON and remembers the last one.
func echoServer(t *testing.T) (*httptest.Server, func() seen) {
	t.Helper()
	var (
		mu   sync.Mutex
		last seen
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		user, pass, ok := r.BasicAuth()
		mu.Lock()
		last = seen{Method: r.Method, Path: r.URL.Path, RawPath: r.URL.EscapedPath(), Query: r.URL.Query(),
			Header: r.Header.Clone(), Body: string(body), User: user, Pass: pass, HasAuth: ok}
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Trace", "abc")
		_, _ = io.WriteString(w, `{"ok":true,"order":{"status":"shipped","total":12.5},"items":[{"name":"Tea"},{"name":"Cake"}]}`)
	}))
	t.Cleanup(srv.Close)
	return srv, func() seen { mu.Lock(); defer mu.Unlock(); return last }
}

func TestExecuteAuth(t *testing.T) {
	srv, last := echoServer(t)
	values := attribute.Values{"key": "k-123", "tok": "eyJhbGciOi.x.y", "pw": "p@ss:word"}
	tests := []struct {
		name  string
		auth  apicall.Auth
		check func(t *testing.T, s seen)
	}{
		{"none", apicall.Auth{Type: apicall.AuthNone}, func(t *testing.T, s seen) {
			if s.Header.Get("Authorization") != "" || s.HasAuth {
				t.Errorf("unexpected credentials: %v", s.Header)
			}
		}},
		{"api key header", apicall.Auth{Type: apicall.AuthAPIKey, In: apicall.InHeader, Name: "X-API-Key", Value: "{{key}}"}, func(t *testing.T, s seen) {
			if got := s.Header.Get("X-API-Key"); got != "k-123" {
				t.Errorf("X-API-Key = %q", got)
			}
		}},
		{"api key query", apicall.Auth{Type: apicall.AuthAPIKey, In: apicall.InQuery, Name: "api_key", Value: "{{key}}"}, func(t *testing.T, s seen) {
			if got := s.Query["api_key"]; len(got) != 1 || got[0] != "k-123" {
				t.Errorf("api_key = %v", got)
			}
		}},
		{"bearer", apicall.Auth{Type: apicall.AuthBearer, Token: "{{tok}}"}, func(t *testing.T, s seen) {
			if got := s.Header.Get("Authorization"); got != "Bearer eyJhbGciOi.x.y" {
				t.Errorf("Authorization = %q", got)
			}
		}},
		{"basic", apicall.Auth{Type: apicall.AuthBasic, Username: "shop", Password: "{{pw}}"}, func(t *testing.T, s seen) {
			if !s.HasAuth || s.User != "shop" || s.Pass != "p@ss:word" {
				t.Errorf("basic auth = %v %q %q", s.HasAuth, s.User, s.Pass)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			def := apicall.Definition{Name: "x", URL: srv.URL + "/orders", Auth: tt.auth}
			res := apicall.Execute(context.Background(), def, values, nil)
			if res.Error != "" || res.Status != 200 {
				t.Fatalf("status %d, error %q", res.Status, res.Error)
			}
			tt.check(t, last())
		})
	}
}

func TestExecuteSendsRenderedRequest(t *testing.T) {
	srv, last := echoServer(t)
	note := "quote \" backslash \\ newline \n unicode 日本 😀"
	def := apicall.Definition{
		Name: "x", Method: "post", URL: srv.URL + "/orders/{{id}}",
		Query:   []apicall.KV{{Key: "q", Value: "{{q}}"}},
		Headers: []apicall.KV{{Key: "X-Shop", Value: "{{contact.name}}"}},
		Body:    `{"note": "{{note}}", "qty": {{qty}}}`,
	}
	values := attribute.Values{"id": "A/7 8", "q": "a&b", "contact.name": "Ann", "note": note, "qty": "2"}
	res := apicall.Execute(context.Background(), def, values, testTypes)
	if res.Error != "" {
		t.Fatalf("error: %s", res.Error)
	}
	s := last()
	if s.Method != "POST" || s.Path != "/orders/A/7 8" || s.RawPath != "/orders/A%2F7%208" {
		t.Errorf("method %s path %q raw %q", s.Method, s.Path, s.RawPath)
	}
	if s.Query["q"][0] != "a&b" || s.Header.Get("X-Shop") != "Ann" || s.Header.Get("Content-Type") != "application/json" {
		t.Errorf("query %v headers %v", s.Query, s.Header)
	}
	var got struct {
		Note string `json:"note"`
		Qty  int    `json:"qty"`
	}
	if err := json.Unmarshal([]byte(s.Body), &got); err != nil || got.Note != note || got.Qty != 2 {
		t.Errorf("body %q -> %+v, %v", s.Body, got, err)
	}
	if res.Status != 200 || !res.IsJSON || res.Size == 0 || res.DurationMs < 0 {
		t.Errorf("response %+v", res)
	}
	if !hasHeader(res.Headers, "X-Trace", "abc") {
		t.Errorf("response headers %v lack X-Trace", res.Headers)
	}
	if !hasPath(res.Structure, "order.status", "shipped") || !hasPath(res.Structure, "items.#.name", `["Tea","Cake"]`) {
		t.Errorf("structure %v", res.Structure)
	}
}

func hasHeader(h []apicall.KV, k, v string) bool {
	for _, kv := range h {
		if kv.Key == k && kv.Value == v {
			return true
		}
	}
	return false
}

func hasPath(ps []apicall.PathSample, path, sample string) bool {
	for _, p := range ps {
		if p.Path == path && p.Sample == sample {
			return true
		}
	}
	return false
}

// refusedURL returns a loopback URL on which nothing listens.
func refusedURL(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr + "/x"
}

func TestExecuteFailures(t *testing.T) {
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer slow.Close()
	big := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, `{"pad":"`+strings.Repeat("x", apicall.MaxResponseBytes)+`"}`)
	}))
	defer big.Close()
	redirect := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/old" {
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
			return
		}
		_, _ = io.WriteString(w, "<html>moved here</html>")
	}))
	defer redirect.Close()
	tlsSrv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	tlsSrv.Config.ErrorLog = log.New(io.Discard, "", 0) // the handshake failures are expected
	tlsSrv.StartTLS()
	defer tlsSrv.Close()

	tests := []struct {
		name       string
		def        apicall.Definition
		wantStatus int
		wantErr    string
		wantJSON   bool
	}{
		{"timeout", apicall.Definition{URL: slow.URL, TimeoutMs: 200}, 0, "did not answer within 0.2 seconds", false},
		{"connection refused", apicall.Definition{URL: refusedURL(t)}, 0, "refused the connection", false},
		{"oversized", apicall.Definition{URL: big.URL}, 0, "larger than 2 MiB", false},
		{"redirect not followed", apicall.Definition{URL: redirect.URL + "/old"}, 301, "", false},
		{"redirect followed, not JSON", apicall.Definition{URL: redirect.URL + "/old", FollowRedirects: true}, 200, "", false},
		{"untrusted certificate", apicall.Definition{URL: tlsSrv.URL}, 0, "certificate is not trusted", false},
		{"plain HTTP to TLS port", apicall.Definition{URL: strings.Replace(tlsSrv.URL, "https", "http", 1)}, 400, "", false},
		{"bad rendered URL", apicall.Definition{URL: "{{base}}/x"}, 0, "The filled-in URL must start with http://", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.def.Name = "x"
			res := apicall.Execute(context.Background(), tt.def, nil, nil)
			if res.Status != tt.wantStatus {
				t.Errorf("status = %d, want %d (error %q)", res.Status, tt.wantStatus, res.Error)
			}
			if tt.wantErr == "" && res.Error != "" || !strings.Contains(res.Error, tt.wantErr) {
				t.Errorf("error = %q, want it to contain %q", res.Error, tt.wantErr)
			}
			if res.IsJSON != tt.wantJSON {
				t.Errorf("isJSON = %v", res.IsJSON)
			}
			if strings.Contains(res.Error, tt.def.URL) {
				t.Errorf("error %q leaks a URL", res.Error)
			}
		})
	}
}

func TestExecuteCancel(t *testing.T) {
	started := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-r.Context().Done()
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-started; cancel() }()
	res := apicall.Execute(ctx, apicall.Definition{Name: "x", URL: srv.URL}, nil, nil)
	if res.Status != 0 || res.Error != "The call was cancelled." {
		t.Fatalf("status %d error %q, want a cancellation", res.Status, res.Error)
	}
}

func TestExecuteCustomCap(t *testing.T) {
	srv, _ := echoServer(t)
	c := &apicall.Client{MaxResponseBytes: 16}
	res := c.Execute(context.Background(), apicall.Definition{Name: "x", URL: srv.URL}, nil, nil)
	if res.Status != 0 || res.Error != "The response is larger than 16 bytes (HTTP 200), so it was not read." {
		t.Fatalf("status %d error %q", res.Status, res.Error)
	}
}
