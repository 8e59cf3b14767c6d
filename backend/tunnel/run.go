package tunnel

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"sync"
	"time"
)

// run is one started configuration: the loop that opens the endpoint,
// serves the handler on it, and opens it again after a failure.
type run struct {
	t      *Tunnel
	cfg    Config
	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{}

	mu      sync.Mutex
	stopped bool
	srv     *http.Server
	ep      Endpoint
}

func newRun(t *Tunnel, cfg Config) *run {
	ctx, cancel := context.WithCancel(context.Background())
	return &run{t: t, cfg: cfg, ctx: ctx, cancel: cancel, done: make(chan struct{})}
}

// loop opens the endpoint until the run is stopped: after a failure it waits
// (growing backoff) and tries again, except when the failure needs the
// owner (a refused authtoken), where it waits for a new Start.
func (r *run) loop() {
	defer close(r.done)
	failures := 0
	for r.ctx.Err() == nil {
		r.t.setStatus(r, Status{State: StateConnecting}, false)
		ep, err := r.t.opts.Provider.Open(r.ctx, r.cfg, r.notify)
		if r.ctx.Err() != nil {
			if ep != nil {
				ep.Close()
			}
			return
		}
		if err != nil {
			failures++
			f := describe(err)
			r.t.opts.Log.Warn("tunnel: could not open the endpoint", slog.Any("err", err), slog.Int("failures", failures))
			if f.permanent {
				r.t.setStatus(r, Status{State: StateError, Error: f.sentence}, false)
				<-r.ctx.Done()
				return
			}
			if !r.wait(f.sentence, failures) {
				return
			}
			continue
		}
		failures = 0
		err = r.serve(ep)
		if r.ctx.Err() != nil {
			return
		}
		// The endpoint ended by itself (the provider gave up on it).
		failures++
		r.t.opts.Log.Warn("tunnel: the endpoint closed", slog.Any("err", err))
		if !r.wait(describe(err).sentence, failures) {
			return
		}
	}
}

// wait shows the failure with the time of the next attempt and sleeps until
// then; false when the run was stopped meanwhile.
func (r *run) wait(sentence string, failures int) bool {
	d := r.t.opts.Backoff(failures)
	retryAt := time.Now().Add(d).UTC().Format(time.RFC3339)
	r.t.setStatus(r, Status{State: StateError, Error: sentence, RetryAt: retryAt}, false)
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-r.ctx.Done():
		return false
	}
}

// serve reports ep online and runs the handler on it until ep ends or the
// run is stopped.
func (r *run) serve(ep Endpoint) error {
	srv := &http.Server{
		Handler:           r.t.opts.Handler,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(r.t.opts.Log.Handler(), slog.LevelDebug),
	}
	r.mu.Lock()
	if r.stopped {
		r.mu.Unlock()
		return ep.Close()
	}
	r.srv, r.ep = srv, ep
	r.mu.Unlock()
	// Online only now that notify knows the endpoint, so news of a lost
	// connection that comes at once is not dropped.
	r.t.setStatus(r, Status{State: StateOnline, URL: ep.URL()}, false)
	r.t.opts.Log.Info("tunnel: online", slog.String("url", ep.URL()))
	err := srv.Serve(ep)
	ep.Close()
	r.mu.Lock()
	r.srv, r.ep = nil, nil
	r.mu.Unlock()
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// notify turns the provider's connection news into states: the endpoint
// keeps its URL while the provider reconnects, but it is not reachable, so
// the page says connecting until the provider is back.
func (r *run) notify(ev Event) {
	r.mu.Lock()
	ep := r.ep
	r.mu.Unlock()
	if ep == nil {
		return
	}
	if ev.Connected {
		r.t.setStatus(r, Status{State: StateOnline, URL: ep.URL()}, false)
		return
	}
	r.t.setStatus(r, Status{State: StateConnecting, Error: describeLost(ev.Err)}, false)
}

// stop ends the run: no new attempt starts, the endpoint closes after the
// requests in flight (bounded by ctx), and the loop is waited for.
func (r *run) stop(ctx context.Context) error {
	r.cancel()
	r.mu.Lock()
	r.stopped = true
	srv := r.srv
	r.mu.Unlock()
	var err error
	if srv != nil {
		if err = srv.Shutdown(ctx); err != nil {
			srv.Close()
		}
	}
	select {
	case <-r.done:
	case <-ctx.Done():
		return errorf("stop: %w", ctx.Err())
	}
	return err
}
