// Package tunnel gives the webhook listener a public https address without a
// second program: it opens an ngrok endpoint from inside the process (the
// ngrok Go SDK, behind the Provider seam) and serves the webhook listener's
// handler on it. It is off unless switched on, and costs nothing while off:
// New starts no goroutine and opens no connection. Only the handler given to
// New is ever served on the endpoint, so the UI and its RPC, which live on
// another listener, can never be reached through the tunnel.
package tunnel

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"
)

// The states of a tunnel, as the Settings page shows them.
const (
	// StateOff: switched off, or no authtoken; nothing runs.
	StateOff = "off"
	// StateConnecting: opening the endpoint, or reconnecting after the
	// connection to ngrok was lost (Status.Error then says why).
	StateConnecting = "connecting"
	// StateOnline: the endpoint is up at Status.URL.
	StateOnline = "online"
	// StateError: the last attempt failed; Status.Error says why in one
	// sentence and Status.RetryAt when the next attempt starts ("" when the
	// owner must change something first, such as a refused authtoken).
	StateError = "error"
)

// Status is the tunnel's state for the Settings page (JSON for the UI).
type Status struct {
	State string `json:"state"`
	// URL is the public base address while online ("" otherwise).
	URL string `json:"url"`
	// Error is one sentence about the last failure ("" when there is none).
	Error string `json:"error"`
	// RetryAt is when the next attempt starts (RFC 3339; "" when none is
	// planned).
	RetryAt string `json:"retryAt"`
	// Since is when the tunnel entered this state (RFC 3339; "" when off
	// since start-up).
	Since string `json:"since"`
}

// Config is what the owner entered: the ngrok authtoken and, optionally, a
// static domain (ngrok gives one free domain per account) that keeps the
// public address the same across restarts.
type Config struct {
	Authtoken string
	Domain    string
}

// domainPattern accepts a host name such as shop-demo.ngrok-free.app.
var domainPattern = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$`)

// Validate checks the configuration and returns one sentence naming what is
// wrong.
func (c Config) Validate() error {
	switch {
	case c.Authtoken == "":
		return errors.New("tunnel: the ngrok authtoken is empty; copy it from your ngrok dashboard")
	case strings.ContainsAny(c.Authtoken, " \t\r\n"):
		return errors.New("tunnel: the ngrok authtoken cannot contain spaces; paste it again")
	case c.Domain != "" && !domainPattern.MatchString(c.Domain):
		return errors.New("tunnel: the static domain is a host name such as shop-demo.ngrok-free.app, without https://")
	}
	return nil
}

// Options builds a Tunnel.
type Options struct {
	// Provider opens endpoints (Ngrok in the product).
	Provider Provider
	// Handler is served on the endpoint: the webhook listener's handler,
	// never the UI's.
	Handler http.Handler
	// OnChange, when set, is told every status change. It runs on the
	// tunnel's goroutine and must not block.
	OnChange func(Status)
	// Backoff says how long to wait before attempt n+1 after n failures in a
	// row (nil: DefaultBackoff).
	Backoff func(failures int) time.Duration
	Log     *slog.Logger
}

// Tunnel runs at most one endpoint at a time and keeps it up.
type Tunnel struct {
	opts Options

	// life serialises Start and Stop.
	life sync.Mutex

	mu     sync.Mutex
	status Status
	// run is the running attempt loop (nil when off).
	run *run
}

// New returns a tunnel that is off. It starts nothing.
func New(opts Options) *Tunnel {
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	if opts.Backoff == nil {
		opts.Backoff = DefaultBackoff
	}
	return &Tunnel{opts: opts, status: Status{State: StateOff}}
}

// Start opens the endpoint for cfg in the background, replacing any running
// one (a new authtoken or domain, or "try again now"). It returns at once;
// the state moves to connecting, then online or error.
func (t *Tunnel) Start(cfg Config) error {
	if err := cfg.Validate(); err != nil {
		return err
	}
	if t.opts.Provider == nil || t.opts.Handler == nil {
		return errors.New("tunnel: no provider or handler")
	}
	t.life.Lock()
	defer t.life.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := t.stop(ctx); err != nil {
		t.opts.Log.Warn("tunnel: the previous endpoint did not stop cleanly", slog.Any("err", err))
	}
	r := newRun(t, cfg)
	t.mu.Lock()
	t.run = r
	t.mu.Unlock()
	go r.loop()
	return nil
}

// Stop takes the endpoint offline, letting requests in flight finish until
// ctx ends, and waits for the tunnel's goroutines. The state becomes off.
func (t *Tunnel) Stop(ctx context.Context) error {
	t.life.Lock()
	defer t.life.Unlock()
	return t.stop(ctx)
}

func (t *Tunnel) stop(ctx context.Context) error {
	t.mu.Lock()
	r := t.run
	t.run = nil
	t.mu.Unlock()
	if r == nil {
		return nil
	}
	err := r.stop(ctx)
	t.setStatus(r, Status{State: StateOff}, true)
	return err
}

// Status returns the current state.
func (t *Tunnel) Status() Status {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.status
}

// setStatus records st when it comes from the current run (a stopped run's
// late news is dropped), stamps Since on a change of state, and tells
// OnChange outside the lock. stopped is set by Stop, whose run is no longer
// current.
func (t *Tunnel) setStatus(from *run, st Status, stopped bool) {
	t.mu.Lock()
	if !stopped && t.run != from {
		t.mu.Unlock()
		return
	}
	if st.State != t.status.State || st.URL != t.status.URL {
		st.Since = time.Now().UTC().Format(time.RFC3339)
	} else {
		st.Since = t.status.Since
	}
	changed := st != t.status
	t.status = st
	t.mu.Unlock()
	if changed {
		t.opts.Log.Info("tunnel: "+st.State, slog.String("url", st.URL), slog.String("error", st.Error))
		if t.opts.OnChange != nil {
			t.opts.OnChange(st)
		}
	}
}

// DefaultBackoff waits 1 s after the first failure and doubles up to a
// minute, so a laptop that wakes or comes back online reconnects soon
// without hammering ngrok while it stays offline.
func DefaultBackoff(failures int) time.Duration {
	d := time.Second
	for i := 1; i < failures && d < time.Minute; i++ {
		d *= 2
	}
	return min(d, time.Minute)
}

// errorf formats a tunnel error with the package prefix.
func errorf(format string, args ...any) error {
	return fmt.Errorf("tunnel: "+format, args...)
}
