package tunnel

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// serviceError is an error of ngrok's service as the SDK returns it.
type serviceError struct{ code, msg string }

func (e serviceError) Error() string {
	return e.msg + "\n\n" + e.code + "\nhttps://ngrok.com/docs/errors/"
}
func (e serviceError) Code() string { return e.code }

var refused = &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}

func hello(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "hello from "+r.URL.Path) }

func newTestTunnel(p Provider, rec *recorder) *Tunnel {
	return New(Options{
		Provider: p,
		Handler:  http.HandlerFunc(hello),
		OnChange: rec.onChange,
		Backoff:  func(int) time.Duration { return time.Millisecond },
	})
}

func stop(t *testing.T, tn *Tunnel) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := tn.Stop(ctx); err != nil {
		t.Fatalf("Stop: %v", err)
	}
}

func get(t *testing.T, ep *fakeEndpoint, path string) (int, string) {
	t.Helper()
	resp, err := http.Get("http://" + ep.Addr().String() + path)
	if err != nil {
		t.Fatalf("GET %s through the tunnel: %v", path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestNewCostsNothing(t *testing.T) {
	before := runtime.NumGoroutine()
	tn := New(Options{Provider: newFakeProvider(), Handler: http.HandlerFunc(hello)})
	if got := tn.Status(); got.State != StateOff || got.URL != "" || got.Error != "" {
		t.Fatalf("new tunnel status = %+v, want off", got)
	}
	if after := runtime.NumGoroutine(); after > before {
		t.Fatalf("New started goroutines: %d -> %d", before, after)
	}
	stop(t, tn) // stopping a tunnel that never started is harmless
}

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		cfg  Config
		want string
	}{
		{Config{Authtoken: "2abc_def"}, ""},
		{Config{Authtoken: "2abc_def", Domain: "shop-demo.ngrok-free.app"}, ""},
		{Config{}, "authtoken is empty"},
		{Config{Authtoken: "2abc def"}, "cannot contain spaces"},
		{Config{Authtoken: "t", Domain: "https://shop.ngrok-free.app"}, "host name"},
		{Config{Authtoken: "t", Domain: "shop"}, "host name"},
		{Config{Authtoken: "t", Domain: "Shop.ngrok-free.app/x"}, "host name"},
	}
	for _, tt := range tests {
		err := tt.cfg.Validate()
		if (tt.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("Validate(%+v) = %v, want %q", tt.cfg, err, tt.want)
		}
	}
	tn := New(Options{Provider: newFakeProvider(), Handler: http.HandlerFunc(hello)})
	if err := tn.Start(Config{}); err == nil || tn.Status().State != StateOff {
		t.Fatalf("Start with no authtoken = %v, state %s; want an error and off", err, tn.Status().State)
	}
}

func TestRetriesNetworkErrorsUntilOnline(t *testing.T) {
	p := newFakeProvider(refused, &net.DNSError{Err: "no such host", Name: "connect.ngrok-agent.com"})
	rec := newRecorder()
	tn := newTestTunnel(p, rec)
	if err := tn.Start(Config{Authtoken: "tok"}); err != nil {
		t.Fatal(err)
	}
	defer stop(t, tn)
	online := rec.waitFor(t, StateOnline)
	if online.URL != "https://random-words.ngrok-free.app" || online.Error != "" || online.Since == "" {
		t.Fatalf("online status = %+v", online)
	}
	want := []string{StateConnecting, StateError, StateConnecting, StateError, StateConnecting, StateOnline}
	if got := rec.states(); !slices.Equal(got, want) {
		t.Fatalf("states = %v, want %v", got, want)
	}
	rec.mu.Lock()
	first, second := rec.all[1], rec.all[3]
	rec.mu.Unlock()
	if !strings.Contains(first.Error, "connection was refused") || first.RetryAt == "" {
		t.Fatalf("first failure = %+v, want a refused sentence and a retry time", first)
	}
	if !strings.Contains(second.Error, "name lookup failed") {
		t.Fatalf("second failure = %+v", second)
	}
	if code, body := get(t, p.last, "/healthz"); code != 200 || body != "hello from /healthz" {
		t.Fatalf("through the tunnel: %d %q", code, body)
	}
}

func TestRefusedAuthtokenWaitsForTheOwner(t *testing.T) {
	p := newFakeProvider(serviceError{"ERR_NGROK_107", "The authtoken you specified is properly formed, but it is invalid."})
	rec := newRecorder()
	tn := newTestTunnel(p, rec)
	if err := tn.Start(Config{Authtoken: "revoked"}); err != nil {
		t.Fatal(err)
	}
	st := rec.waitFor(t, StateError)
	want := "ngrok refused the authtoken: The authtoken you specified is properly formed, but it is invalid (ERR_NGROK_107). Copy it again from your ngrok dashboard."
	if st.Error != want || st.RetryAt != "" {
		t.Fatalf("status = %+v, want %q and no retry", st, want)
	}
	if strings.Contains(st.Error, "revoked") {
		t.Fatal("the authtoken leaked into the sentence")
	}
	// A new token is a new start.
	if err := tn.Start(Config{Authtoken: "good"}); err != nil {
		t.Fatal(err)
	}
	rec.waitFor(t, StateOnline)
	if n := p.openCount(); n != 2 {
		t.Fatalf("%d opens, want 2 (no retry of a refused token)", n)
	}
	stop(t, tn)
}

func TestReconnectsAfterTheConnectionIsLost(t *testing.T) {
	p := newFakeProvider()
	rec := newRecorder()
	tn := newTestTunnel(p, rec)
	if err := tn.Start(Config{Authtoken: "tok", Domain: "shop-demo.ngrok-free.app"}); err != nil {
		t.Fatal(err)
	}
	defer stop(t, tn)
	if st := rec.waitFor(t, StateOnline); st.URL != "https://shop-demo.ngrok-free.app" {
		t.Fatalf("URL = %q", st.URL)
	}
	// The laptop slept: the SDK lost its connection and reconnects.
	p.emit(Event{Connected: false, Err: errors.New("heartbeat timeout")})
	lost := rec.waitFor(t, StateConnecting)
	if lost.URL != "" || !strings.HasSuffix(lost.Error, "; reconnecting.") {
		t.Fatalf("while reconnecting: %+v", lost)
	}
	p.emit(Event{Connected: true})
	if st := rec.waitFor(t, StateOnline); st.URL != "https://shop-demo.ngrok-free.app" || st.Error != "" {
		t.Fatalf("back online: %+v", st)
	}
}

func TestReopensAnEndpointThatClosedByItself(t *testing.T) {
	p := newFakeProvider()
	rec := newRecorder()
	tn := newTestTunnel(p, rec)
	if err := tn.Start(Config{Authtoken: "tok"}); err != nil {
		t.Fatal(err)
	}
	defer stop(t, tn)
	first := <-p.opened
	rec.waitFor(t, StateOnline)
	first.Listener.Close() // the provider gave the endpoint up
	if st := rec.waitFor(t, StateError); st.RetryAt == "" {
		t.Fatalf("after the endpoint closed: %+v, want a retry", st)
	}
	second := <-p.opened
	rec.waitFor(t, StateOnline)
	if code, _ := get(t, second, "/healthz"); code != 200 {
		t.Fatalf("the reopened endpoint answered %d", code)
	}
}

func TestStopFinishesRequestsInFlightAndClosesTheEndpoint(t *testing.T) {
	p := newFakeProvider()
	rec := newRecorder()
	started, release := make(chan struct{}), make(chan struct{})
	tn := New(Options{Provider: p, OnChange: rec.onChange, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release
		io.WriteString(w, "done")
	})})
	if err := tn.Start(Config{Authtoken: "tok"}); err != nil {
		t.Fatal(err)
	}
	ep := <-p.opened
	rec.waitFor(t, StateOnline)
	got := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + ep.Addr().String() + "/webhook/whatsapp")
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- string(b)
	}()
	<-started
	stopped := make(chan error, 1)
	go func() { stopped <- tn.Stop(context.Background()) }()
	// Stop closes the endpoint first, then waits for the request.
	for deadline := time.Now().Add(5 * time.Second); !ep.isClosed(); {
		if time.Now().After(deadline) {
			t.Fatal("Stop did not close the endpoint")
		}
		runtime.Gosched()
	}
	select {
	case err := <-stopped:
		t.Fatalf("Stop returned (%v) before the request in flight finished", err)
	default:
	}
	close(release)
	if body := <-got; body != "done" {
		t.Fatalf("request in flight got %q, want done", body)
	}
	if err := <-stopped; err != nil {
		t.Fatalf("Stop: %v", err)
	}
	if !ep.isClosed() || tn.Status().State != StateOff {
		t.Fatalf("after Stop: endpoint closed %v, status %+v", ep.isClosed(), tn.Status())
	}
	if _, err := net.DialTimeout("tcp", ep.Addr().String(), time.Second); err == nil {
		t.Fatal("the endpoint still accepts connections after Stop")
	}
}

func TestStopWhileConnecting(t *testing.T) {
	block := make(chan struct{})
	p := &blockingProvider{entered: make(chan struct{}), release: block}
	tn := New(Options{Provider: p, Handler: http.HandlerFunc(hello)})
	if err := tn.Start(Config{Authtoken: "tok"}); err != nil {
		t.Fatal(err)
	}
	<-p.entered
	stop(t, tn)
	if st := tn.Status(); st.State != StateOff {
		t.Fatalf("status after Stop = %+v", st)
	}
}

// blockingProvider's Open waits until its context ends, like a dial into a
// black-holed network.
type blockingProvider struct {
	entered chan struct{}
	release chan struct{}
}

func (p *blockingProvider) Open(ctx context.Context, _ Config, _ func(Event)) (Endpoint, error) {
	close(p.entered)
	<-ctx.Done()
	return nil, ctx.Err()
}

func TestDefaultBackoff(t *testing.T) {
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, 32 * time.Second, time.Minute, time.Minute}
	for i, w := range want {
		if got := DefaultBackoff(i + 1); got != w {
			t.Errorf("DefaultBackoff(%d) = %v, want %v", i+1, got, w)
		}
	}
}
