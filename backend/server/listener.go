// Package server runs Chatflow Studio's two HTTP surfaces: the webhook
// listener (exposed through a tunnel; only /webhook/whatsapp and /healthz) and
// the browser-mode UI server (loopback, token-protected; the app, /rpc and
// /events). They never share a mux, so nothing of the UI can leak through the
// tunnel.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"syscall"
	"time"
)

// Webhook is the WhatsApp webhook: the verification handshake and the event
// receiver. The WhatsApp package provides it; until it is wired, the listener
// answers 501.
type Webhook interface {
	Verify(w http.ResponseWriter, r *http.Request)
	Receive(w http.ResponseWriter, r *http.Request)
}

// Health is what GET /healthz reports.
type Health struct {
	Version string
	Started time.Time
}

// NewWebhookMux returns the route table of the webhook listener.
func NewWebhookMux(h Health, wh Webhook) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{
			"status":        "ok",
			"version":       h.Version,
			"uptimeSeconds": int64(time.Since(h.Started).Seconds()),
		})
	})
	if wh == nil {
		mux.HandleFunc("/webhook/whatsapp", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "the WhatsApp webhook is not configured in this build", http.StatusNotImplemented)
		})
	} else {
		mux.HandleFunc("GET /webhook/whatsapp", wh.Verify)
		mux.HandleFunc("POST /webhook/whatsapp", wh.Receive)
	}
	return mux
}

// Listener states reported to the Settings page.
const (
	StateStopped   = "stopped"
	StateListening = "listening"
	StateFailed    = "failed"
)

// ListenerStatus is the live state of an HTTP listener.
type ListenerStatus struct {
	Addr  string `json:"addr"`
	State string `json:"state"`
	Error string `json:"error"`
}

// Listener owns one HTTP server whose address can change while the app
// runs (the Settings page moves the webhook listener without a restart).
type Listener struct {
	name    string
	handler http.Handler
	log     *slog.Logger

	mu     sync.Mutex
	srv    *http.Server
	status ListenerStatus
}

// NewListener returns a stopped listener named for its error messages
// ("webhook listener", "UI server").
func NewListener(name string, handler http.Handler, log *slog.Logger) *Listener {
	return &Listener{name: name, handler: handler, log: log, status: ListenerStatus{State: StateStopped}}
}

// Start binds addr at once, so a port in use is reported to the caller
// before anything else happens, then serves in the background.
func (l *Listener) Start(addr string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.srv != nil {
		return fmt.Errorf("server: %s is already running on %s", l.name, l.status.Addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		err = describeListenError(l.name, addr, err)
		l.status = ListenerStatus{Addr: addr, State: StateFailed, Error: err.Error()}
		return err
	}
	srv := &http.Server{
		Handler:           l.handler,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	l.srv = srv
	l.status = ListenerStatus{Addr: ln.Addr().String(), State: StateListening}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			l.log.Error("listener stopped", slog.String("listener", l.name), slog.Any("err", err))
			l.mu.Lock()
			l.status.State, l.status.Error = StateFailed, err.Error()
			l.mu.Unlock()
		}
	}()
	return nil
}

// Stop shuts the server down gracefully, letting requests in flight finish.
func (l *Listener) Stop(ctx context.Context) error {
	l.mu.Lock()
	srv := l.srv
	l.srv = nil
	l.status.State = StateStopped
	l.mu.Unlock()
	if srv == nil {
		return nil
	}
	return srv.Shutdown(ctx)
}

// Restart moves the listener to addr; on failure the old address keeps
// serving nothing and the status says why.
func (l *Listener) Restart(ctx context.Context, addr string) error {
	if err := l.Stop(ctx); err != nil {
		return err
	}
	return l.Start(addr)
}

// Status reports the listener's address and state.
func (l *Listener) Status() ListenerStatus {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.status
}

// Addr is the bound address (with the real port when ":0" was asked).
func (l *Listener) Addr() string { return l.Status().Addr }

func describeListenError(name, addr string, err error) error {
	if errors.Is(err, syscall.EADDRINUSE) {
		return fmt.Errorf("%s: %s is already in use by another program", name, addr)
	}
	return fmt.Errorf("%s: cannot listen on %s: %w", name, addr, err)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
