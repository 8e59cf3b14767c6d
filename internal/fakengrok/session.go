package fakengrok

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"

	"golang.ngrok.com/muxado/v2"
)

// agentSession is one connected agent.
type agentSession struct {
	srv *Server
	mux *muxado.Heartbeat
}

// serve answers the agent's requests until its connection ends. The
// heartbeat wrapper answers the agent's heartbeats by itself.
func (a *agentSession) serve() {
	defer a.mux.Close()
	for {
		stream, err := a.mux.AcceptTypedStream()
		if err != nil {
			return
		}
		go a.handle(stream)
	}
}

func (a *agentSession) handle(stream muxado.TypedStream) {
	defer stream.Close()
	dec := json.NewDecoder(stream)
	enc := json.NewEncoder(stream)
	switch stream.StreamType() {
	case authReq:
		var req struct {
			Extra struct{ Authtoken string }
		}
		if dec.Decode(&req) != nil {
			return
		}
		if !a.srv.accepts(req.Extra.Authtoken) {
			enc.Encode(map[string]any{"Version": "3", "Error": "The authtoken you specified is properly formed, but it is invalid.\n\nERR_NGROK_107\n"})
			return
		}
		a.srv.mu.Lock()
		a.srv.accepted++
		n := a.srv.accepted
		a.srv.mu.Unlock()
		enc.Encode(map[string]any{"Version": "3", "ClientId": fmt.Sprintf("fake-%d", n),
			"Extra": map[string]any{"Region": "local", "AgentSessionID": fmt.Sprintf("as_fake_%d", n), "Cookie": "c"}})
	case bindReq:
		var req struct {
			ID    string `json:"Id"`
			Proto string
			Opts  struct{ URL, Domain, Hostname string }
		}
		if dec.Decode(&req) != nil {
			return
		}
		host := a.srv.opts.Hostname
		for _, u := range []string{req.Opts.URL, req.Opts.Domain, req.Opts.Hostname} {
			if u != "" {
				host = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
				break
			}
		}
		id := req.ID
		if id == "" {
			id = "bind-" + host
		}
		url := "https://" + host
		a.srv.mu.Lock()
		a.srv.binds = append(a.srv.binds, &bind{sess: a, id: id, url: url})
		a.srv.mu.Unlock()
		enc.Encode(map[string]any{"Id": id, "URL": url, "Proto": "https",
			"Opts": map[string]any{"URL": url, "Hostname": host}, "Extra": map[string]any{"Token": "t-" + id, "TunnelID": "tn_" + id}})
	case unbindReq:
		var req struct {
			ID string `json:"Id"`
		}
		if dec.Decode(&req) != nil {
			return
		}
		a.srv.mu.Lock()
		kept := a.srv.binds[:0]
		for _, b := range a.srv.binds {
			if b.sess != a || b.id != req.ID {
				kept = append(kept, b)
			}
		}
		a.srv.binds = kept
		a.srv.mu.Unlock()
		enc.Encode(map[string]any{})
	default:
		// SrvInfo, metrics and the rest are not needed by the product.
		enc.Encode(map[string]any{"Error": "not supported by fakengrok"})
	}
}

// writeProxyHeader writes the header the agent reads before a proxied
// connection's bytes: its length (int64, little endian), then the JSON.
func writeProxyHeader(w io.Writer, hdr []byte) error {
	if err := binary.Write(w, binary.LittleEndian, int64(len(hdr))); err != nil {
		return err
	}
	_, err := w.Write(hdr)
	return err
}

// pipe copies both ways until either side ends.
func pipe(a net.Conn, b muxado.Stream) {
	var once sync.Once
	done := make(chan struct{})
	finish := func() { once.Do(func() { close(done) }) }
	go func() {
		io.Copy(b, a)
		b.CloseWrite()
		finish()
	}()
	go func() {
		io.Copy(a, b)
		if tc, ok := a.(*net.TCPConn); ok {
			tc.CloseWrite()
		}
		finish()
	}()
	<-done
}
