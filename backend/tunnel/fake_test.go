package tunnel

import (
	"context"
	"net"
	"sync"
	"testing"
	"time"
)

// fakeProvider stands in for ngrok: each Open takes the next scripted error,
// and once the script is used up it opens a real loopback listener that the
// test reaches as "the public internet".
type fakeProvider struct {
	mu     sync.Mutex
	script []error
	opens  int
	notify func(Event)
	last   *fakeEndpoint
	opened chan *fakeEndpoint
}

func newFakeProvider(script ...error) *fakeProvider {
	return &fakeProvider{script: script, opened: make(chan *fakeEndpoint, 16)}
}

func (p *fakeProvider) Open(ctx context.Context, cfg Config, notify func(Event)) (Endpoint, error) {
	p.mu.Lock()
	p.opens++
	var err error
	if len(p.script) > 0 {
		err, p.script = p.script[0], p.script[1:]
	}
	p.notify = notify
	p.mu.Unlock()
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	host := "random-words.ngrok-free.app"
	if cfg.Domain != "" {
		host = cfg.Domain
	}
	ep := &fakeEndpoint{Listener: ln, url: "https://" + host}
	p.mu.Lock()
	p.last = ep
	p.mu.Unlock()
	p.opened <- ep
	return ep, nil
}

// emit sends a connection event as the SDK would after a network change.
func (p *fakeProvider) emit(ev Event) {
	p.mu.Lock()
	notify := p.notify
	p.mu.Unlock()
	notify(ev)
}

func (p *fakeProvider) openCount() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.opens
}

type fakeEndpoint struct {
	net.Listener
	url    string
	mu     sync.Mutex
	closed bool
}

func (e *fakeEndpoint) URL() string { return e.url }

func (e *fakeEndpoint) Close() error {
	e.mu.Lock()
	e.closed = true
	e.mu.Unlock()
	return e.Listener.Close()
}

func (e *fakeEndpoint) isClosed() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.closed
}

// recorder keeps every status the tunnel reported, in order.
type recorder struct {
	mu  sync.Mutex
	all []Status
	ch  chan Status
}

func newRecorder() *recorder { return &recorder{ch: make(chan Status, 256)} }

func (r *recorder) onChange(s Status) {
	r.mu.Lock()
	r.all = append(r.all, s)
	r.mu.Unlock()
	r.ch <- s
}

// waitFor returns the first reported status in state, failing after 10 s.
func (r *recorder) waitFor(t *testing.T, state string) Status {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case s := <-r.ch:
			if s.State == state {
				return s
			}
		case <-timeout:
			t.Fatalf("no %q state within 10 s; saw %+v", state, r.states())
		}
	}
}

func (r *recorder) states() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]string, len(r.all))
	for i, s := range r.all {
		out[i] = s.State
	}
	return out
}
