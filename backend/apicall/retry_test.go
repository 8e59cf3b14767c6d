package apicall_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"chatflow/backend/apicall"
)

// flaky answers each request with the next of answers (the last repeats):
// a status, or "slow" to outlast the client's timeout.
func flaky(t *testing.T, answers ...string) (*httptest.Server, func() []string) {
	t.Helper()
	var (
		mu     sync.Mutex
		n      int
		bodies []string
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		a := answers[min(n, len(answers)-1)]
		n++
		bodies = append(bodies, r.Method+" "+string(body))
		mu.Unlock()
		if a == "slow" {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
			return
		}
		code, header, _ := strings.Cut(a, " ")
		if k, v, ok := strings.Cut(header, ": "); ok {
			w.Header().Set(k, v)
		}
		var status int
		fmt.Sscan(code, &status)
		w.WriteHeader(status)
		fmt.Fprintf(w, `{"try":%d}`, n)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []string { mu.Lock(); defer mu.Unlock(); return append([]string(nil), bodies...) }
}

// waits records the client's waits between tries instead of sleeping.
type waits struct {
	mu sync.Mutex
	d  []time.Duration
}

func (w *waits) sleep(ctx context.Context, d time.Duration) error {
	w.mu.Lock()
	w.d = append(w.d, d)
	w.mu.Unlock()
	return ctx.Err()
}

func retryClient(w *waits) *apicall.Client {
	return &apicall.Client{Sleep: w.sleep, Now: func() time.Time { return time.Date(2026, 5, 2, 10, 0, 0, 0, time.UTC) }}
}

func TestRetries(t *testing.T) {
	tests := []struct {
		name      string
		method    string
		retry     apicall.Retry
		answers   []string
		wantTries int
		status    int
		waits     []time.Duration // exact, or zero for "within the backoff"
		note      string
	}{
		{"503 twice then 200", "GET", apicall.Retry{MaxTries: 3}, []string{"503", "503", "200"}, 3, 200, []time.Duration{0, 0}, ""},
		{"gives up after max tries", "GET", apicall.Retry{MaxTries: 2}, []string{"500"}, 2, 500, []time.Duration{0}, ""},
		{"Retry-After seconds", "GET", apicall.Retry{MaxTries: 3}, []string{"429 Retry-After: 2", "200"}, 2, 200, []time.Duration{2 * time.Second}, ""},
		{"Retry-After date", "GET", apicall.Retry{MaxTries: 3}, []string{"503 Retry-After: Sat, 02 May 2026 10:00:03 GMT", "200"}, 2, 200, []time.Duration{3 * time.Second}, ""},
		{"Retry-After too long", "GET", apicall.Retry{MaxTries: 3}, []string{"429 Retry-After: 120", "200"}, 1, 429, nil, "longer than a customer should wait"},
		{"no retry on 404", "GET", apicall.Retry{MaxTries: 3}, []string{"404", "200"}, 1, 404, nil, ""},
		{"no retry when absent", "GET", apicall.Retry{}, []string{"503", "200"}, 1, 503, nil, ""},
		{"POST is not retried", "POST", apicall.Retry{MaxTries: 3}, []string{"503", "200"}, 1, 503, nil, ""},
		{"PATCH is not retried", "PATCH", apicall.Retry{MaxTries: 3}, []string{"503", "200"}, 1, 503, nil, ""},
		{"idempotent POST is", "POST", apicall.Retry{MaxTries: 3, Idempotent: true}, []string{"502", "200"}, 2, 200, []time.Duration{0}, ""},
		{"PUT is", "PUT", apicall.Retry{MaxTries: 2}, []string{"504", "201"}, 2, 201, []time.Duration{0}, ""},
		{"timeout is retried", "GET", apicall.Retry{MaxTries: 2}, []string{"slow", "200"}, 2, 200, []time.Duration{0}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, got := flaky(t, tt.answers...)
			w := &waits{}
			def := apicall.Definition{Name: "x", Method: tt.method, URL: srv.URL + "/a", Retry: tt.retry, TimeoutMs: 300}
			if tt.method != "GET" {
				def.Body = `{"n":1}`
			}
			res := retryClient(w).Execute(context.Background(), def, nil, nil)
			if len(got()) != tt.wantTries || len(res.Earlier)+1 != tt.wantTries || res.Status != tt.status {
				t.Fatalf("tries %d (earlier %d), status %d; want %d tries, status %d (%s)", len(got()), len(res.Earlier), res.Status, tt.wantTries, tt.status, res.Error)
			}
			if tt.method != "GET" && got()[len(got())-1] != tt.method+` {"n":1}` {
				t.Fatalf("the last try sent %q", got()[len(got())-1])
			}
			if len(w.d) != len(tt.waits) {
				t.Fatalf("waits %v, want %d", w.d, len(tt.waits))
			}
			for i, want := range tt.waits {
				lo, hi := want, want
				if want == 0 { // equal jitter around 500 ms doubling
					base := 500 * time.Millisecond << i
					lo, hi = base/2, base
				}
				if w.d[i] < lo || w.d[i] > hi {
					t.Errorf("wait %d = %s, want %s to %s", i+1, w.d[i], lo, hi)
				}
			}
			if !strings.Contains(res.RetryNote, tt.note) {
				t.Errorf("note %q, want %q", res.RetryNote, tt.note)
			}
			for i, e := range res.Earlier {
				if !strings.HasPrefix(e.RetryNote, fmt.Sprintf("Try %d of %d:", i+1, def.Retry.Tries(def.Method))) {
					t.Errorf("earlier try %d note %q", i+1, e.RetryNote)
				}
			}
		})
	}
}

func TestRetryAfterARefusedConnection(t *testing.T) {
	w := &waits{}
	def := apicall.Definition{Name: "x", URL: refusedURL(t), Retry: apicall.Retry{MaxTries: 3}}
	res := retryClient(w).Execute(context.Background(), def, nil, nil)
	if len(res.Earlier) != 2 || res.Status != 0 || !strings.Contains(res.Error, "refused") {
		t.Fatalf("earlier %d, status %d, error %q", len(res.Earlier), res.Status, res.Error)
	}
	if !strings.Contains(res.Earlier[0].RetryNote, "refused the connection (is it running?); tried again after") {
		t.Fatalf("note %q", res.Earlier[0].RetryNote)
	}
}

func TestCancelWhileWaitingToRetry(t *testing.T) {
	srv, got := flaky(t, "503")
	ctx, cancel := context.WithCancel(context.Background())
	client := &apicall.Client{Sleep: func(ctx context.Context, d time.Duration) error { cancel(); return ctx.Err() }}
	res := client.Execute(ctx, apicall.Definition{Name: "x", URL: srv.URL, Retry: apicall.Retry{MaxTries: 3}}, nil, nil)
	if len(got()) != 1 || res.Error != "The call was cancelled." || len(res.Earlier) != 1 {
		t.Fatalf("tries %d, error %q, earlier %d", len(got()), res.Error, len(res.Earlier))
	}
}

func TestEveryTryIsInTheCallLog(t *testing.T) {
	srv, _ := flaky(t, "503", "503 Retry-After: 1", "200")
	st := &fakeStore{apis: map[string]apicall.Definition{"Slots": {Name: "Slots", URL: srv.URL, Retry: apicall.Retry{MaxTries: 3},
		Mappings: []apicall.Mapping{{Path: "try", Attribute: "n"}}}}}
	r := apicall.NewRunner(st, retryClient(&waits{}), nil)
	out := r.RunAPI(context.Background(), apicall.Call{API: "Slots", Routes: []string{"200"}, Source: apicall.SourceLive})
	if out.Status != 200 || out.Route != "200" || out.Mapped["n"] != "3" {
		t.Fatalf("outcome %+v", out)
	}
	if len(st.log) != 3 {
		t.Fatalf("%d log entries, want one per try", len(st.log))
	}
	for i, wantStatus := range []int{503, 503, 200} {
		if st.log[i].Status != wantStatus {
			t.Errorf("entry %d status %d", i, st.log[i].Status)
		}
	}
	if !strings.Contains(st.log[0].Error, "Try 1 of 3: The API answered 503; tried again after") ||
		!strings.Contains(st.log[1].Error, "Try 2 of 3: The API answered 503; tried again after 1 second.") || st.log[2].Error != "" {
		t.Fatalf("log errors %q / %q / %q", st.log[0].Error, st.log[1].Error, st.log[2].Error)
	}
}

func TestRetryValidation(t *testing.T) {
	def := apicall.Definition{Name: "x", URL: "https://x.test", Retry: apicall.Retry{MaxTries: 9}}
	if err := def.Validate(); err == nil || !strings.Contains(err.Error(), "at most 5 times") {
		t.Fatalf("Validate = %v", err)
	}
	if n := (apicall.Retry{MaxTries: 9}).Tries("GET"); n != 5 {
		t.Fatalf("Tries capped at %d", n)
	}
}
