package tunnel

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"chatflow/internal/fakengrok"
)

// closedPort returns a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func TestNgrokUnreachableGivesAClearErrorAndNoCrash(t *testing.T) {
	rec := newRecorder()
	tn := New(Options{
		Provider: Ngrok{ConnectURL: closedPort(t)},
		Handler:  http.HandlerFunc(hello),
		OnChange: rec.onChange,
		Backoff:  func(int) time.Duration { return time.Hour },
	})
	if err := tn.Start(Config{Authtoken: "2abc_secret_token"}); err != nil {
		t.Fatal(err)
	}
	st := rec.waitFor(t, StateError)
	want := "Could not reach ngrok's service (the connection was refused); is this computer online, or does a firewall block it?"
	if st.Error != want || st.RetryAt == "" {
		t.Fatalf("status = %+v, want %q with a retry time", st, want)
	}
	stop(t, tn)
	if st := tn.Status(); st.State != StateOff {
		t.Fatalf("after Stop: %+v", st)
	}
}

// startFake runs a fake ngrok service for one test.
func startFake(t *testing.T, opts fakengrok.Options) *fakengrok.Server {
	t.Helper()
	f, err := fakengrok.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(f.Close)
	return f
}

func edgeGet(t *testing.T, f *fakengrok.Server, path string) (int, string) {
	t.Helper()
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := client.Get(f.EdgeURL + path)
	if err != nil {
		t.Fatalf("GET %s at the edge: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestNgrokSDKAgainstALoopbackService(t *testing.T) {
	f := startFake(t, fakengrok.Options{Authtokens: []string{"good-token"}})
	rec := newRecorder()
	var remote string
	tn := New(Options{
		Provider: Ngrok{ConnectURL: f.ConnectAddr, CAs: f.CAPool},
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			remote = r.RemoteAddr
			hello(w, r)
		}),
		OnChange: rec.onChange,
		Backoff:  func(int) time.Duration { return 10 * time.Millisecond },
	})
	if err := tn.Start(Config{Authtoken: "good-token", Domain: "shop-demo.ngrok-free.app"}); err != nil {
		t.Fatal(err)
	}
	defer stop(t, tn)
	if st := rec.waitFor(t, StateOnline); st.URL != "https://shop-demo.ngrok-free.app" {
		t.Fatalf("online at %q", st.URL)
	}
	if code, body := edgeGet(t, f, "/webhook/whatsapp"); code != 200 || body != "hello from /webhook/whatsapp" {
		t.Fatalf("through the SDK: %d %q", code, body)
	}
	if !strings.HasPrefix(remote, "203.0.113.10:") {
		t.Fatalf("the handler saw the request from %q, want the edge's client address", remote)
	}

	// A network loss: the SDK reconnects and binds the endpoint again.
	f.DropSessions()
	rec.waitFor(t, StateConnecting)
	if st := rec.waitFor(t, StateOnline); st.URL != "https://shop-demo.ngrok-free.app" {
		t.Fatalf("back online at %q", st.URL)
	}
	if code, _ := edgeGet(t, f, "/healthz"); code != 200 {
		t.Fatalf("after reconnecting: %d", code)
	}
	if n := f.Sessions(); n != 2 {
		t.Fatalf("%d sessions, want 2 (the first and the reconnection)", n)
	}
}

func TestNgrokSDKRefusedAuthtoken(t *testing.T) {
	f := startFake(t, fakengrok.Options{Authtokens: []string{"good-token"}})
	rec := newRecorder()
	tn := New(Options{Provider: Ngrok{ConnectURL: f.ConnectAddr, CAs: f.CAPool}, Handler: http.HandlerFunc(hello), OnChange: rec.onChange})
	if err := tn.Start(Config{Authtoken: "wrong-token"}); err != nil {
		t.Fatal(err)
	}
	defer stop(t, tn)
	st := rec.waitFor(t, StateError)
	if !strings.HasPrefix(st.Error, "ngrok refused the authtoken: ") || !strings.Contains(st.Error, "ERR_NGROK_107") || st.RetryAt != "" {
		t.Fatalf("status = %+v", st)
	}
}

func TestNgrokSDKStopsCleanly(t *testing.T) {
	f := startFake(t, fakengrok.Options{})
	rec := newRecorder()
	tn := New(Options{Provider: Ngrok{ConnectURL: f.ConnectAddr, CAs: f.CAPool}, Handler: http.HandlerFunc(hello), OnChange: rec.onChange})
	if err := tn.Start(Config{Authtoken: "any"}); err != nil {
		t.Fatal(err)
	}
	rec.waitFor(t, StateOnline)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := tn.Stop(ctx); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	for deadline := time.Now().Add(5 * time.Second); f.Endpoints() > 0; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the endpoint is still bound at ngrok 5 s after Stop")
		}
	}
	if code, body := edgeGet(t, f, "/healthz"); code != http.StatusBadGateway {
		t.Fatalf("after Stop the edge answered %d %q, want 502 (endpoint offline)", code, body)
	}
}
