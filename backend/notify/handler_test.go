package notify_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"chatflow/backend/notify"
	"chatflow/backend/store"
)

// triggers is an in-memory trigger table.
type triggers map[string]store.Trigger

func (ts triggers) TriggerByName(_ context.Context, name string) (store.Trigger, error) {
	for n, t := range ts {
		if strings.EqualFold(n, name) {
			return t, nil
		}
	}
	if name == "broken" {
		return store.Trigger{}, errors.New("disk I/O error")
	}
	return store.Trigger{}, store.ErrNotFound
}

// queue records what reached storage; fail makes the next call fail.
type queue struct {
	mu   sync.Mutex
	got  []notify.Notification
	keys map[string]string
	fail error
}

func (q *queue) Notify(_ context.Context, n notify.Notification) (notify.Queued, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.fail != nil {
		err := q.fail
		q.fail = nil
		return notify.Queued{}, err
	}
	if id, ok := q.keys[n.IdempotencyKey]; ok && n.IdempotencyKey != "" {
		return notify.Queued{ID: id, Duplicate: true}, nil
	}
	q.got = append(q.got, n)
	id := fmt.Sprintf("n%d", len(q.got))
	if q.keys == nil {
		q.keys = map[string]string{}
	}
	q.keys[n.IdempotencyKey] = id
	return notify.Queued{ID: id}, nil
}

func (q *queue) stored() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.got)
}

type fixture struct {
	srv   *httptest.Server
	queue *queue
	token string
}

func newFixture(t *testing.T, rate notify.Rate, now func() time.Time) *fixture {
	t.Helper()
	token, hash, hint, err := notify.NewToken()
	if err != nil {
		t.Fatal(err)
	}
	ts := triggers{
		"order-shipped": {ID: 1, Name: "order-shipped", FlowID: 7, FlowName: "Order shipped", TokenHash: hash, TokenHint: hint},
		"orphan":        {ID: 2, Name: "orphan", TokenHash: hash, TokenHint: hint},
	}
	q := &queue{}
	mux := http.NewServeMux()
	mux.Handle("POST /notify/{trigger}", notify.NewHandler(ts, q, notify.Options{Rate: rate, Now: now}))
	f := &fixture{srv: httptest.NewServer(mux), queue: q, token: token}
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fixture) post(t *testing.T, path, auth, key, body string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, f.srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	if key != "" {
		req.Header.Set("Idempotency-Key", key)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, strings.TrimSpace(string(b))
}

const documented = `{"phone": "15550001111", "attributes": {"order_id": "A1001"}}`

func TestNotifyEndpoint(t *testing.T) {
	f := newFixture(t, notify.Rate{PerMinute: 600, Burst: 100}, time.Now)
	bearer := "Bearer " + f.token
	tests := []struct {
		name, path, auth, key, body string
		queueErr                    error
		status                      int
		want                        string
		stored                      bool
	}{
		{name: "accepted", path: "/notify/order-shipped", auth: bearer, body: documented, status: 202, want: `"id":"n1"`, stored: true},
		{name: "trigger name in another case", path: "/notify/Order-Shipped", auth: bearer, body: documented, status: 202, stored: true},
		{name: "scheme in lower case", path: "/notify/order-shipped", auth: "bearer " + f.token, body: documented, status: 202, stored: true},
		{name: "unknown trigger", path: "/notify/nope", auth: bearer, body: documented, status: 404, want: `There is no trigger named \"nope\".`},
		{name: "no token", path: "/notify/order-shipped", body: documented, status: 401, want: "Bearer"},
		{name: "wrong token", path: "/notify/order-shipped", auth: "Bearer cft_wrong", body: documented, status: 401},
		{name: "basic auth", path: "/notify/order-shipped", auth: "Basic " + f.token, body: documented, status: 401},
		{name: "token of another kind", path: "/notify/order-shipped", auth: "Bearer " + strings.ToUpper(f.token), body: documented, status: 401},
		{name: "wrong token with a bad body", path: "/notify/order-shipped", auth: "Bearer x", body: `{`, status: 401},
		{name: "malformed body", path: "/notify/order-shipped", auth: bearer, body: `{"phone": "12"}`, status: 400,
			want: `must be a full international number`},
		{name: "key too long", path: "/notify/order-shipped", auth: bearer, key: strings.Repeat("k", 256), body: documented, status: 400,
			want: "Idempotency-Key"},
		{name: "key with a space", path: "/notify/order-shipped", auth: bearer, key: "a b", body: documented, status: 400},
		{name: "too large", path: "/notify/order-shipped", auth: bearer, body: `{"phone":"15550001111","attributes":{"a":"` + strings.Repeat("x", 70<<10) + `"}}`,
			status: 413, want: "larger than 64 KiB"},
		{name: "flow deleted", path: "/notify/orphan", auth: bearer, body: documented, status: 409, want: "was deleted"},
		{name: "unknown attribute", path: "/notify/order-shipped", auth: bearer, body: documented,
			queueErr: notify.BadRequest("There is no attribute named order_id."), status: 400, want: "There is no attribute named order_id."},
		{name: "template paused", path: "/notify/order-shipped", auth: bearer, body: documented,
			queueErr: notify.Conflict("The template x is paused."), status: 409, want: "The template x is paused."},
		{name: "storage down", path: "/notify/order-shipped", auth: bearer, body: documented,
			queueErr: errors.New("database is locked"), status: 503, want: "could not be stored"},
		{name: "trigger unreadable", path: "/notify/broken", auth: bearer, body: documented, status: 503},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := f.queue.stored()
			f.queue.mu.Lock()
			f.queue.fail = tt.queueErr
			f.queue.mu.Unlock()
			status, header, body := f.post(t, tt.path, tt.auth, tt.key, tt.body)
			if status != tt.status || !strings.Contains(body, tt.want) {
				t.Fatalf("%d %s, want %d containing %q", status, body, tt.status, tt.want)
			}
			if header.Get("Content-Type") != "application/json" {
				t.Fatalf("Content-Type %q", header.Get("Content-Type"))
			}
			var v map[string]any
			if err := json.Unmarshal([]byte(body), &v); err != nil {
				t.Fatalf("answer is not JSON: %s", body)
			}
			if stored := f.queue.stored() > before; stored != tt.stored {
				t.Fatalf("stored = %v, want %v", stored, tt.stored)
			}
			if status == 401 && header.Get("WWW-Authenticate") == "" {
				t.Fatal("401 without WWW-Authenticate")
			}
		})
	}
	got := f.queue.got[0]
	if got.Trigger.Name != "order-shipped" || got.Phone != "15550001111" || got.Attributes["order_id"] != "A1001" || got.ReceivedAt.IsZero() {
		t.Fatalf("queued %+v", got)
	}
}

func TestNotifyIdempotencyKey(t *testing.T) {
	f := newFixture(t, notify.DefaultRate, time.Now)
	bearer := "Bearer " + f.token
	status, _, first := f.post(t, "/notify/order-shipped", bearer, "order-A1001-shipped", documented)
	if status != 202 {
		t.Fatal(status, first)
	}
	status, header, again := f.post(t, "/notify/order-shipped", bearer, "order-A1001-shipped", documented)
	if status != 202 || header.Get("Idempotent-Replayed") != "true" || !strings.Contains(again, `"duplicate":true`) ||
		!strings.Contains(again, `"id":"n1"`) || f.queue.stored() != 1 {
		t.Fatalf("replay: %d %s (stored %d)", status, again, f.queue.stored())
	}
	if f.queue.got[0].IdempotencyKey != "order-A1001-shipped" {
		t.Fatalf("key %q", f.queue.got[0].IdempotencyKey)
	}
}

func TestNotifyRateLimitPerTrigger(t *testing.T) {
	now := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	f := newFixture(t, notify.Rate{PerMinute: 6, Burst: 2}, clock)
	bearer := "Bearer " + f.token
	for i := range 2 {
		if status, _, body := f.post(t, "/notify/order-shipped", bearer, "", documented); status != 202 {
			t.Fatalf("request %d within the burst: %d %s", i, status, body)
		}
	}
	status, header, body := f.post(t, "/notify/order-shipped", bearer, "", documented)
	if status != 429 || header.Get("Retry-After") != "10" || !strings.Contains(body, "retry in 10 s") || f.queue.stored() != 2 {
		t.Fatalf("over the rate: %d Retry-After %q %s (stored %d)", status, header.Get("Retry-After"), body, f.queue.stored())
	}
	// Another trigger has its own allowance.
	if status, _, _ := f.post(t, "/notify/orphan", bearer, "", documented); status != 409 {
		t.Fatalf("another trigger was limited too: %d", status)
	}
	// A wrong token does not spend the trigger's allowance.
	mu.Lock()
	now = now.Add(10 * time.Second)
	mu.Unlock()
	if status, _, _ := f.post(t, "/notify/order-shipped", "Bearer nope", "", documented); status != 401 {
		t.Fatal(status)
	}
	if status, _, body := f.post(t, "/notify/order-shipped", bearer, "", documented); status != 202 {
		t.Fatalf("after the refill: %d %s", status, body)
	}
}

func TestTokens(t *testing.T) {
	token, hash, hint, err := notify.NewToken()
	if err != nil {
		t.Fatal(err)
	}
	other, _, _, _ := notify.NewToken()
	if !strings.HasPrefix(token, "cft_") || len(token) != 47 || !strings.HasPrefix(token, hint) || len(hint) != 8 || token == other {
		t.Fatalf("token %q hint %q", token, hint)
	}
	if !notify.TokenMatches(token, hash) || notify.TokenMatches(other, hash) || notify.TokenMatches("", hash) || notify.TokenMatches(token, "") {
		t.Fatal("TokenMatches is wrong")
	}
	if strings.Contains(hash, token[4:]) || len(hash) != 64 {
		t.Fatalf("the stored form reveals the token: %q", hash)
	}
}
