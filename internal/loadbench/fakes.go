//go:build linux

package loadbench

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"time"

	"chatflow/backend/whatsapp"
	"chatflow/backend/whatsapp/whatsapptest"
)

// downMarker is in the order bot's reply when the order API call failed.
const downMarker = "order system is down"

// Graph is the load test's fake Graph API. It answers like Meta (the same
// path, token and phone number id as whatsapptest.Graph) but, instead of
// keeping every request for assertions, it tallies each reply under the
// message it echoes the moment it arrives, which is what latency figures
// and the lost/duplicated count need at thousands of requests per second.
type Graph struct {
	srv   *httptest.Server
	tally atomic.Pointer[Tally]
	seq   atomic.Int64
	bad   atomic.Int64
}

// NewGraph starts the fake on 127.0.0.1; tally receives the replies.
func NewGraph(t *Tally) *Graph {
	g := &Graph{}
	g.tally.Store(t)
	g.srv = httptest.NewServer(http.HandlerFunc(g.serve))
	return g
}

// SetTally directs later replies to t (one tally per target).
func (g *Graph) SetTally(t *Tally) { g.tally.Store(t) }

// URL is the base URL to configure as WHATSAPP_GRAPH_URL.
func (g *Graph) URL() string { return g.srv.URL }

// Accepted counts the messages accepted so far.
func (g *Graph) Accepted() int64 { return g.seq.Load() }

// Refused counts requests that were not a valid Cloud API message.
func (g *Graph) Refused() int64 { return g.bad.Load() }

// Close stops the server.
func (g *Graph) Close() { g.srv.Close() }

func (g *Graph) serve(w http.ResponseWriter, r *http.Request) {
	now := time.Now()
	if r.Method != http.MethodPost || r.URL.Path != "/"+whatsapptest.Version+"/"+whatsapptest.PhoneNumberID+"/messages" ||
		r.Header.Get("Authorization") != "Bearer "+whatsapptest.Token {
		g.bad.Add(1)
		http.Error(w, `{"error":{"message":"Unknown path components","code":2500}}`, http.StatusNotFound)
		return
	}
	var m struct {
		To   string `json:"to"`
		Type string `json:"type"`
		Text struct {
			Body string `json:"body"`
		} `json:"text"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&m); err != nil || m.To == "" || m.Type != "text" {
		g.bad.Add(1)
		http.Error(w, `{"error":{"message":"(#100) Invalid parameter","code":100}}`, http.StatusBadRequest)
		return
	}
	if t := g.tally.Load(); t != nil {
		t.Reply(m.Text.Body, now, strings.Contains(m.Text.Body, downMarker))
	}
	id := g.seq.Add(1)
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"messaging_product":"whatsapp","contacts":[{"input":%q,"wa_id":%q}],"messages":[{"id":"wamid.lb%08d"}]}`, m.To, m.To, id)
}

// GraphConfig is the sender configuration that reaches a fake Graph API at
// url (the token, version and phone number id it expects).
func GraphConfig(url string) whatsapp.Config {
	return whatsapp.Config{GraphURL: url, APIVersion: whatsapptest.Version, PhoneNumberID: whatsapptest.PhoneNumberID,
		AccessToken: whatsapptest.Token}
}

// Orders is the fake order API the bot calls: GET /orders/{id} answers
// {"order":{"id":...,"status":"shipped"}}.
type Orders struct {
	srv   *httptest.Server
	calls atomic.Int64
}

// NewOrders starts the fake order API on 127.0.0.1.
func NewOrders() *Orders {
	o := &Orders{}
	o.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		o.calls.Add(1)
		id, ok := strings.CutPrefix(r.URL.Path, "/orders/")
		if !ok || r.Method != http.MethodGet {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"order":{"id":%q,"status":"shipped","total":42.5}}`, id)
	}))
	return o
}

// URL is the API's base URL.
func (o *Orders) URL() string { return o.srv.URL }

// Calls counts the requests so far.
func (o *Orders) Calls() int64 { return o.calls.Load() }

// Close stops the server.
func (o *Orders) Close() { o.srv.Close() }
