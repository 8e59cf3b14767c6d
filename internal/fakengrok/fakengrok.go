// Package fakengrok is a loopback stand-in for ngrok's service, so the real
// ngrok Go SDK (backend/tunnel.Ngrok) can be tested without the internet. It
// speaks the agent protocol the SDK uses (TLS, muxado streams, JSON
// messages): it authenticates agents, binds https endpoints, answers
// heartbeats, and forwards connections made to its "edge" address (a plain
// HTTP listener on 127.0.0.1 standing in for the public internet) into the
// agent's endpoint. Tests can refuse authtokens, drop sessions (the SDK then
// reconnects) and count them.
package fakengrok

import (
	"bufio"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"sync"

	"golang.ngrok.com/muxado/v2"
)

// The stream types of the agent protocol (golang.ngrok.com/ngrok/v2's
// internal/tunnel/proto; the numbers never change).
const (
	authReq   muxado.StreamType = 0
	bindReq   muxado.StreamType = 1
	unbindReq muxado.StreamType = 2
	proxyReq  muxado.StreamType = 3
)

// Options configures a fake service.
type Options struct {
	// Authtokens accepted; empty accepts any non-empty token.
	Authtokens []string
	// Hostname is the public host assigned to an endpoint that asks for
	// none (default "chatflow-test.ngrok-free.app").
	Hostname string
	// ClientAddr is the address proxied connections claim to come from
	// (default 203.0.113.10:443, a documentation address standing for
	// Meta's servers): like the real service, the agent never sees the
	// edge's loopback address.
	ClientAddr string
}

// Server is a running fake service.
type Server struct {
	// ConnectAddr is host:port for the SDK's connect URL.
	ConnectAddr string
	// EdgeURL is where a test sends "public" traffic (http://127.0.0.1:port);
	// it reaches the newest bound endpoint.
	EdgeURL string
	// CAPEM is the PEM certificate the SDK must trust; CAPool holds it.
	CAPEM  []byte
	CAPool *x509.CertPool

	opts    Options
	control net.Listener
	edge    net.Listener
	wg      sync.WaitGroup

	mu       sync.Mutex
	sessions map[*agentSession]bool
	binds    []*bind
	offline  bool
	accepted int
}

// bind is one endpoint an agent bound.
type bind struct {
	sess *agentSession
	id   string
	url  string
}

// Start listens on two loopback ports (agent protocol and edge) and serves
// until Close.
func Start(opts Options) (*Server, error) {
	if opts.Hostname == "" {
		opts.Hostname = "chatflow-test.ngrok-free.app"
	}
	if opts.ClientAddr == "" {
		opts.ClientAddr = "203.0.113.10:443"
	}
	certPEM, cert, err := selfSigned()
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(certPEM)
	control, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12})
	if err != nil {
		return nil, fmt.Errorf("fakengrok: listen: %w", err)
	}
	edge, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		control.Close()
		return nil, fmt.Errorf("fakengrok: listen: %w", err)
	}
	s := &Server{
		ConnectAddr: control.Addr().String(),
		EdgeURL:     "http://" + edge.Addr().String(),
		CAPEM:       certPEM,
		CAPool:      pool,
		opts:        opts,
		control:     control,
		edge:        edge,
		sessions:    map[*agentSession]bool{},
	}
	s.wg.Add(2)
	go s.acceptAgents()
	go s.acceptEdge()
	return s, nil
}

// Close stops both listeners and every session.
func (s *Server) Close() {
	s.control.Close()
	s.edge.Close()
	s.DropSessions()
	s.wg.Wait()
}

// DropSessions cuts every agent's connection, as a network loss would; the
// SDK reconnects and binds its endpoints again.
func (s *Server) DropSessions() {
	s.mu.Lock()
	sessions := make([]*agentSession, 0, len(s.sessions))
	for a := range s.sessions {
		sessions = append(sessions, a)
	}
	s.mu.Unlock()
	for _, a := range sessions {
		a.mux.Close()
	}
}

// SetOffline makes the service refuse new agent connections (they are
// closed before the TLS handshake), as an unreachable service would.
func (s *Server) SetOffline(offline bool) {
	s.mu.Lock()
	s.offline = offline
	s.mu.Unlock()
}

// Endpoints counts the endpoints bound now (an agent's endpoints go when it
// unbinds them or its session ends).
func (s *Server) Endpoints() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.binds)
}

// Sessions counts the agent sessions that authenticated so far.
func (s *Server) Sessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.accepted
}

func (s *Server) acceptAgents() {
	defer s.wg.Done()
	for {
		conn, err := s.control.Accept()
		if err != nil {
			return
		}
		s.mu.Lock()
		offline := s.offline
		s.mu.Unlock()
		if offline {
			conn.Close()
			continue
		}
		a := &agentSession{srv: s, mux: muxado.NewHeartbeat(muxado.NewTypedStreamSession(muxado.Server(conn, &muxado.Config{})), nil, nil)}
		s.mu.Lock()
		s.sessions[a] = true
		s.mu.Unlock()
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			a.serve()
			s.forget(a)
		}()
	}
}

// forget drops a closed session and its binds.
func (s *Server) forget(a *agentSession) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.sessions, a)
	kept := s.binds[:0]
	for _, b := range s.binds {
		if b.sess != a {
			kept = append(kept, b)
		}
	}
	s.binds = kept
}

// acceptEdge forwards each public connection to the newest endpoint, or
// answers 502 like ngrok's edge when no endpoint is online.
func (s *Server) acceptEdge() {
	defer s.wg.Done()
	for {
		conn, err := s.edge.Accept()
		if err != nil {
			return
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			s.forward(conn)
		}()
	}
}

func (s *Server) forward(conn net.Conn) {
	defer conn.Close()
	s.mu.Lock()
	var b *bind
	if len(s.binds) > 0 {
		b = s.binds[len(s.binds)-1]
	}
	s.mu.Unlock()
	if b == nil {
		// Read the request first: closing a socket with unread bytes
		// resets it, and the client would never see the answer.
		http.ReadRequest(bufio.NewReader(conn))
		fmt.Fprint(conn, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 32\r\nConnection: close\r\n\r\nERR_NGROK_3200 endpoint offline\n")
		return
	}
	stream, err := b.sess.mux.OpenTypedStream(proxyReq)
	if err != nil {
		return
	}
	defer stream.Close()
	hdr, _ := json.Marshal(map[string]any{"Id": b.id, "ClientAddr": s.opts.ClientAddr, "Proto": "https", "EdgeType": "1"})
	if err := writeProxyHeader(stream, hdr); err != nil {
		return
	}
	pipe(conn, stream)
}

// accepts reports whether token may open a session.
func (s *Server) accepts(token string) bool {
	if token == "" {
		return false
	}
	if len(s.opts.Authtokens) == 0 {
		return true
	}
	for _, t := range s.opts.Authtokens {
		if t == token {
			return true
		}
	}
	return false
}
