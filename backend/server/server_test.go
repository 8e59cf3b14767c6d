package server_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"chatflow/backend/apperr"
	"chatflow/backend/server"
)

// Echo is a bound service used to exercise the RPC transport.
type Echo struct{}

type Pair struct {
	A string `json:"a"`
	B int    `json:"b"`
}

func (Echo) noExport()                       {}
func (*Echo) Upper(s string) (string, error) { return strings.ToUpper(s), nil }
func (*Echo) Swap(p Pair) Pair               { return Pair{A: p.A + "!", B: -p.B} }
func (*Echo) Fail() error                    { return errors.New("it went wrong") }
func (*Echo) Nothing()                       {}
func (*Echo) Boom() (string, error)          { panic("kaboom") }
func (*Echo) Sum(a, b int) (int, error)      { return a + b, nil }
func (*Echo) Taken() error {
	return apperr.Errorf(apperr.ECONFLICT, "A flow named %q already exists.", "x")
}
func (*Echo) Bad() error    { return apperr.Invalid("name", "Give the flow a name.") }
func (*Echo) Gone() error   { return apperr.Errorf(apperr.ENOTFOUND, "This flow no longer exists.") }
func (*Echo) Closed() error { return apperr.Errorf(apperr.EUNAVAILABLE, "There is no window.") }

func newUI(t *testing.T) (http.Handler, *server.Hub) {
	t.Helper()
	reg, err := server.NewRegistry([]any{&Echo{}})
	if err != nil {
		t.Fatal(err)
	}
	hub := server.NewHub()
	assets := fstest.MapFS{
		"index.html":    {Data: []byte("<!doctype html><html><head><title>x</title></head><body>app</body></html>")},
		"assets/app.js": {Data: []byte("console.log(1)")},
	}
	// The media route is the media package's; here it only says what it got.
	media := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("media " + r.Method + " " + r.URL.Path)) })
	return server.NewUIHandler(server.UIConfig{Token: "secret", Assets: assets, RPC: reg, Events: hub, Media: media}), hub
}

func TestUIServerScenarios(t *testing.T) {
	h, _ := newUI(t)
	cookie := "chatflow_token=secret"
	cases := []struct {
		name       string
		method     string
		path       string
		body       string
		cookie     string
		wantStatus int
		wantBody   string
	}{
		{"page without token", "GET", "/", "", "", 401, "open the address"},
		{"page with wrong token", "GET", "/?token=nope", "", "", 401, ""},
		{"page with token redirects without it", "GET", "/?token=secret", "", "", 303, ""},
		{"page with cookie has the bridge first", "GET", "/", "", cookie, 200, "<head><script>(function"},
		{"asset with cookie", "GET", "/assets/app.js", "", cookie, 200, "console.log"},
		{"asset without token", "GET", "/assets/app.js", "", "", 401, ""},
		{"rpc without token", "POST", "/rpc/Echo.Upper", `["hi"]`, "", 401, ""},
		{"rpc with token in query", "POST", "/rpc/Echo.Upper?token=secret", `["hi"]`, "", 200, `"HI"`},
		{"rpc struct argument", "POST", "/rpc/Echo.Swap", `[{"a":"x","b":2}]`, cookie, 200, `{"a":"x!","b":-2}`},
		{"rpc two arguments", "POST", "/rpc/Echo.Sum", `[2,3]`, cookie, 200, `5`},
		{"rpc uncoded method error", "POST", "/rpc/Echo.Fail", `[]`, cookie, 500, `{"error":"it went wrong","code":"EINTERNAL"}`},
		{"rpc conflict", "POST", "/rpc/Echo.Taken", `[]`, cookie, 409, `{"error":"A flow named \"x\" already exists.","code":"ECONFLICT"}`},
		{"rpc invalid with field", "POST", "/rpc/Echo.Bad", `[]`, cookie, 422, `{"error":"Give the flow a name.","code":"EINVALID","field":"name"}`},
		{"rpc not found", "POST", "/rpc/Echo.Gone", `[]`, cookie, 404, `"code":"ENOTFOUND"`},
		{"rpc unavailable", "POST", "/rpc/Echo.Closed", `[]`, cookie, 503, `"code":"EUNAVAILABLE"`},
		{"rpc no result", "POST", "/rpc/Echo.Nothing", ``, cookie, 200, `null`},
		{"rpc panic is contained", "POST", "/rpc/Echo.Boom", `[]`, cookie, 500, `"error":"Internal error in Echo.Boom; the log has the details.","code":"EINTERNAL"`},
		{"rpc unknown method", "POST", "/rpc/Echo.Nope", `[]`, cookie, 404, `"error":"There is no method \"Echo.Nope\".","code":"ENOTFOUND"`},
		{"rpc bad json", "POST", "/rpc/Echo.Upper", `{"a":1}`, cookie, 400, `JSON array`},
		{"rpc bad arguments are EINVALID", "POST", "/rpc/Echo.Upper", `[42]`, cookie, 400, `"code":"EINVALID"`},
		{"rpc wrong type", "POST", "/rpc/Echo.Upper", `[42]`, cookie, 400, `argument 1`},
		{"rpc too many args", "POST", "/rpc/Echo.Upper", `["a","b"]`, cookie, 400, `takes 1 arguments`},
		{"rpc by GET is refused", "GET", "/rpc/Echo.Upper", ``, cookie, 405, ``},
		{"media file with cookie", "GET", "/media/ab12", ``, cookie, 200, `media GET /media/ab12`},
		{"media file with token in query", "GET", "/media/ab12?token=secret", ``, "", 200, `media GET /media/ab12`},
		{"media file without token", "GET", "/media/ab12", ``, "", 401, ``},
		{"attachment upload with cookie", "POST", "/media/attachments", `x`, cookie, 200, `media POST /media/attachments`},
		{"attachment upload without token", "POST", "/media/attachments", `x`, "", 401, ``},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req := httptest.NewRequest(c.method, c.path, strings.NewReader(c.body))
			if c.cookie != "" {
				req.Header.Set("Cookie", c.cookie)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != c.wantStatus {
				t.Fatalf("status %d, want %d (body %q)", rec.Code, c.wantStatus, rec.Body.String())
			}
			if !strings.Contains(rec.Body.String(), c.wantBody) {
				t.Errorf("body %q does not contain %q", rec.Body.String(), c.wantBody)
			}
		})
	}
}

func TestTokenSetsHttpOnlyCookie(t *testing.T) {
	h, _ := newUI(t)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/?token=secret&x=1", nil))
	if loc := rec.Header().Get("Location"); loc != "/?x=1" {
		t.Errorf("redirect to %q, want the same page without the token", loc)
	}
	c := rec.Result().Cookies()
	if len(c) != 1 || c[0].Value != "secret" || !c[0].HttpOnly || c[0].SameSite != http.SameSiteStrictMode {
		t.Fatalf("cookie = %+v", c)
	}
}

func TestBridgeListsBoundMethods(t *testing.T) {
	h, _ := newUI(t)
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Cookie", "chatflow_token=secret")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	for _, m := range []string{`"Echo":[`, `"Upper"`, `"Swap"`, "window.go = { app: app }", "EventsOnMultiple"} {
		if !strings.Contains(rec.Body.String(), m) {
			t.Errorf("bridge script lacks %s", m)
		}
	}
	if strings.Contains(rec.Body.String(), "noExport") {
		t.Error("an unexported method was bound")
	}
}

func TestEventsStreamDeliversEmits(t *testing.T) {
	h, hub := newUI(t)
	srv := httptest.NewServer(h)
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/events?token=secret", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	r := bufio.NewReader(res.Body)
	r.ReadString('\n') // ": connected"
	go func() {
		time.Sleep(50 * time.Millisecond)
		hub.Emit("inbox:message", map[string]int{"contactId": 7})
	}()
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(line, "data: ") {
			var ev struct {
				Name string         `json:"name"`
				Data map[string]int `json:"data"`
			}
			if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev); err != nil {
				t.Fatal(err)
			}
			if ev.Name != "inbox:message" || ev.Data["contactId"] != 7 {
				t.Fatalf("event %+v", ev)
			}
			return
		}
	}
}

func TestWebhookMuxServesOnlyWebhookAndHealth(t *testing.T) {
	mux := server.NewWebhookMux(server.Health{Version: "1.2.3", Started: time.Now().Add(-time.Minute)}, nil)
	cases := []struct {
		method, path string
		want         int
	}{
		{"GET", "/healthz", 200},
		{"POST", "/webhook/whatsapp", 501},
		{"GET", "/", 404},
		{"POST", "/rpc/System.Info", 404},
		{"GET", "/events", 404},
	}
	for _, c := range cases {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(c.method, c.path, nil))
		if rec.Code != c.want {
			t.Errorf("%s %s = %d, want %d", c.method, c.path, rec.Code, c.want)
		}
	}
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	var health struct {
		Status        string `json:"status"`
		Version       string `json:"version"`
		UptimeSeconds int64  `json:"uptimeSeconds"`
	}
	json.NewDecoder(rec.Body).Decode(&health)
	if health.Status != "ok" || health.Version != "1.2.3" || health.UptimeSeconds < 59 {
		t.Errorf("health = %+v", health)
	}
}

func TestListenerReportsPortInUse(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	l := server.NewListener("webhook listener", http.NotFoundHandler(), slog.New(slog.NewTextHandler(io.Discard, nil)))
	err = l.Start(busy.Addr().String())
	if err == nil || !strings.Contains(err.Error(), "already in use") {
		t.Fatalf("err = %v, want a port-in-use error", err)
	}
	if st := l.Status(); st.State != server.StateFailed {
		t.Errorf("state %q, want failed", st.State)
	}
	if err := l.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	if st := l.Status(); st.State != server.StateListening || strings.HasSuffix(st.Addr, ":0") {
		t.Errorf("status %+v", st)
	}
	res, err := http.Get("http://" + l.Addr() + "/x")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if err := l.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	if st := l.Status(); st.State != server.StateStopped {
		t.Errorf("state after stop %q", st.State)
	}
}
