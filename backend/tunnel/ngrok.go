package tunnel

import (
	"context"
	"crypto/x509"
	"errors"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"golang.ngrok.com/ngrok/v2"
)

// connectTimeout bounds one attempt to reach and authenticate with ngrok's
// service; a black-holed network would otherwise keep "connecting" forever.
const connectTimeout = 30 * time.Second

// Ngrok opens endpoints on ngrok's service with the ngrok Go SDK.
type Ngrok struct {
	// ConnectURL is the host:port of ngrok's service ("" for the default).
	// ngrok's agent offers the same setting (connect_url) for dedicated
	// ingress; the browser tests point it at a loopback fake service.
	ConnectURL string
	// CAs replaces the roots that verify the service ("" ConnectURL: nil,
	// which keeps the SDK's own ngrok root).
	CAs *x509.CertPool
	// Version is reported to ngrok as the client's version.
	Version string
	Log     *slog.Logger
}

// Open connects once (the SDK's own retry loop is cut short after the
// first failed attempt, because the Tunnel owns the backoff and the page
// must show the failure), then binds an https endpoint on cfg.Domain or on
// an address ngrok assigns. After Open, the SDK reconnects by itself when
// the connection drops, and notify hears of it.
func (p Ngrok) Open(ctx context.Context, cfg Config, notify func(Event)) (Endpoint, error) {
	log := p.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	// The session lives until the endpoint is closed, not until ctx ends:
	// the SDK ties the session's lifetime to the context given to Connect.
	sessCtx, endSession := context.WithCancel(context.Background())
	s := &ngrokSession{notify: notify, endSession: endSession}
	opts := []ngrok.AgentOption{
		ngrok.WithAuthtoken(cfg.Authtoken),
		ngrok.WithClientInfo("chatflow-studio", orDefault(p.Version, "dev")),
		ngrok.WithEventHandler(s.handle),
		ngrok.WithLogger(log),
		ngrok.WithDialer(&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}),
		ngrok.WithAutoConnect(false),
	}
	if p.ConnectURL != "" {
		opts = append(opts, ngrok.WithAgentConnectURL(p.ConnectURL))
	}
	if p.CAs != nil {
		opts = append(opts, ngrok.WithAgentConnectCAs(p.CAs))
	}
	agent, err := ngrok.NewAgent(opts...)
	if err != nil {
		endSession()
		return nil, errorf("new agent: %w", err)
	}
	s.agent = agent
	// Give up the attempt when the caller stops or it takes too long.
	stopWatch := context.AfterFunc(ctx, endSession)
	defer stopWatch()
	guard := time.AfterFunc(connectTimeout, func() {
		s.timedOut.Store(true)
		endSession()
	})
	err = agent.Connect(sessCtx)
	guard.Stop()
	if err != nil {
		endSession()
		return nil, s.connectError(err)
	}
	s.connected.Store(true)
	var epOpts []ngrok.EndpointOption
	if cfg.Domain != "" {
		epOpts = append(epOpts, ngrok.WithURL("https://"+cfg.Domain))
	}
	ln, err := agent.Listen(ctx, epOpts...)
	if err != nil {
		s.close()
		return nil, errorf("listen: %w", err)
	}
	return &ngrokEndpoint{EndpointListener: ln, session: s}, nil
}

// ngrokSession is one agent session and what its events mean.
type ngrokSession struct {
	agent      ngrok.Agent
	notify     func(Event)
	endSession context.CancelFunc
	// connected is set once Connect succeeded; before it, a disconnect is
	// the failed first attempt and ends the session.
	connected atomic.Bool
	closed    atomic.Bool
	timedOut  atomic.Bool
	// firstErr is the failure of the first attempt.
	mu       sync.Mutex
	firstErr error
	once     sync.Once
}

// handle receives the SDK's events. It must not block.
func (s *ngrokSession) handle(ev ngrok.Event) {
	switch e := ev.(type) {
	case *ngrok.EventAgentDisconnected:
		if s.closed.Load() || e.Error == nil {
			return
		}
		if !s.connected.Load() {
			s.mu.Lock()
			if s.firstErr == nil {
				s.firstErr = e.Error
			}
			s.mu.Unlock()
			s.endSession()
			return
		}
		s.notify(Event{Connected: false, Err: e.Error})
	case *ngrok.EventAgentConnectSucceeded:
		if s.connected.Load() && !s.closed.Load() {
			s.notify(Event{Connected: true})
		}
	}
}

// connectError prefers the first attempt's own failure over the
// cancellation that cut the SDK's retries short.
func (s *ngrokSession) connectError(err error) error {
	s.mu.Lock()
	first := s.firstErr
	s.mu.Unlock()
	switch {
	case first != nil:
		return errorf("connect: %w", first)
	case s.timedOut.Load():
		return errorf("connect: %w", context.DeadlineExceeded)
	}
	return errorf("connect: %w", err)
}

func (s *ngrokSession) close() error {
	var err error
	s.once.Do(func() {
		s.closed.Store(true)
		err = s.agent.Disconnect()
		s.endSession()
	})
	return err
}

// ngrokEndpoint is the SDK's listener; closing it ends the agent session.
type ngrokEndpoint struct {
	ngrok.EndpointListener
	session *ngrokSession
}

// URL returns the endpoint's public address.
func (e *ngrokEndpoint) URL() string { return e.EndpointListener.URL().String() }

// Close takes the endpoint offline and disconnects from ngrok.
func (e *ngrokEndpoint) Close() error {
	err := e.EndpointListener.Close()
	if derr := e.session.close(); derr != nil && !errors.Is(derr, net.ErrClosed) {
		err = errors.Join(err, derr)
	}
	return err
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
