package tunnel

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"chatflow/backend/demo"
	"chatflow/backend/server"
	"chatflow/internal/fakengrok"
)

// Probe is a bound service for the UI server in the exposure test.
type Probe struct{}

// Ping answers the RPC the test tries to reach through the tunnel.
func (Probe) Ping() (string, error) { return "pong", nil }

// uiRequests are the UI server's routes, with the token, as an attacker who
// learned it would try them through the public address.
var uiRequests = []struct{ method, path string }{
	{"GET", "/?token=ui-token"},
	{"GET", "/index.html?token=ui-token"},
	{"POST", "/rpc/Probe.Ping?token=ui-token"},
	{"GET", "/events?token=ui-token"},
}

func send(t *testing.T, base, method, path string) (int, string) {
	t.Helper()
	var body io.Reader
	if method == http.MethodPost {
		body = strings.NewReader("[]")
	}
	req, _ := http.NewRequest(method, base+path, body)
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableKeepAlives: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Content-Type") == "text/event-stream" {
		return resp.StatusCode, "" // the event stream never ends
	}
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	return resp.StatusCode, string(b)
}

// TestTheUIIsNeverReachableThroughTheTunnel runs the UI server and the
// tunnel side by side, as chatflow serve does, and shows that every UI route
// answers on its own loopback listener but not through the public endpoint,
// which serves the webhook listener's routes only.
func TestTheUIIsNeverReachableThroughTheTunnel(t *testing.T) {
	rpc, err := server.NewRegistry([]any{&Probe{}})
	if err != nil {
		t.Fatal(err)
	}
	ui := server.NewListener("UI server", server.NewUIHandler(server.UIConfig{
		Token: "ui-token", RPC: rpc, Events: server.NewHub(),
		Assets: fstest.MapFS{"index.html": {Data: []byte("<html><head></head><body>app</body></html>")}},
	}), nil)
	if err := ui.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	defer ui.Stop(context.Background())

	webhook := server.NewWebhookMux(server.Health{Version: "test", Started: time.Now()}, nil)
	webhook.Handle(demo.OrdersPath, demo.OrdersHandler())
	f := startFake(t, fakengrok.Options{})
	rec := newRecorder()
	tn := New(Options{Provider: Ngrok{ConnectURL: f.ConnectAddr, CAs: f.CAPool}, Handler: webhook, OnChange: rec.onChange})
	if err := tn.Start(Config{Authtoken: "tok"}); err != nil {
		t.Fatal(err)
	}
	defer stop(t, tn)
	rec.waitFor(t, StateOnline)

	for _, r := range uiRequests {
		code, _ := send(t, "http://"+ui.Addr(), r.method, r.path)
		if code >= 400 {
			t.Fatalf("the UI server itself answered %s %s with %d; the probe proves nothing", r.method, r.path, code)
		}
		code, body := send(t, f.EdgeURL, r.method, r.path)
		if code != http.StatusNotFound && code != http.StatusMethodNotAllowed {
			t.Fatalf("through the tunnel %s %s = %d %q, want 404", r.method, r.path, code, body)
		}
		if strings.Contains(body, "app") || strings.Contains(body, "pong") {
			t.Fatalf("through the tunnel %s %s leaked the UI: %q", r.method, r.path, body)
		}
	}
	if code, _ := send(t, f.EdgeURL, "GET", "/healthz"); code != 200 {
		t.Fatalf("/healthz through the tunnel = %d", code)
	}
	// The demo order API answers loopback callers only; a request through
	// the tunnel comes from the edge's client address.
	if code, _ := send(t, f.EdgeURL, "GET", "/demo/orders/1001"); code != http.StatusNotFound {
		t.Fatalf("the demo order API through the tunnel = %d, want 404", code)
	}
}
