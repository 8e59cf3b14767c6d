// Package whatsapptest provides a fake WhatsApp Cloud API for tests: an
// httptest server on loopback that accepts POST /{version}/{phone}/messages
// like Meta's, records every request, and can be told to fail for a while.
// It also lists message templates (GET /{version}/{waba-id}/message_templates,
// paged) and fails plain messages to customers outside the 24-hour window.
package whatsapptest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"chatflow/backend/whatsapp"
)

// Token and PhoneNumberID are what the fake expects.
const (
	Token         = "test-token"
	PhoneNumberID = "106540352242922"
	Version       = "v21.0"
)

// Request is one message the fake received.
type Request struct {
	To   string
	Type string
	// Text is the text body, the interactive body or the media caption.
	Text string
	// Options are button titles or list row ids, in order.
	Options []string
	// Template, Language, Params and HeaderLink describe a template send
	// (Text is then the template's name and Options its quick-reply
	// payloads).
	Template   string
	Language   string
	Params     []string
	HeaderLink string
	// Status is what the fake answered; ID the message id it gave.
	Status int
	ID     string
	// MediaID is the id a media message was sent with (media.go), and
	// Filename a document's file name.
	MediaID  string
	Filename string
	// FailedCode is the error a failed status webhook reported after the
	// fake accepted the message (131047 outside the window), or 0.
	FailedCode int
}

// String renders the request compactly, for test failure messages.
func (r Request) String() string {
	s := r.To + " " + r.Type + ": " + r.Text
	if len(r.Params) > 0 {
		s += " (" + strings.Join(r.Params, "|") + ")"
	}
	if len(r.Options) > 0 {
		s += " [" + strings.Join(r.Options, "|") + "]"
	}
	return s
}

// Failure is an answer the fake gives instead of accepting a message.
type Failure struct {
	Status int
	Body   string
}

// Throttled is Meta's rate-limit answer; ServerError a generic 500;
// Permanent a 400 for a recipient outside the allowed list.
var (
	Throttled   = Failure{429, `{"error":{"message":"(#130429) Rate limit hit","type":"OAuthException","code":130429}}`}
	ServerError = Failure{500, `{"error":{"message":"An unknown error occurred","type":"OAuthException","code":1}}`}
	Permanent   = Failure{400, `{"error":{"message":"(#131030) Recipient phone number not in allowed list","type":"OAuthException","code":131030,"error_data":{"details":"Add the number to the allowed list."}}}`}
)

// Graph is the fake Graph API.
type Graph struct {
	*httptest.Server
	mu       sync.Mutex
	all      []Request
	failures []Failure
	seq      int
	hook     *hook
	delay    time.Duration
	media    mediaState
	// templates.go and window.go
	templates []string
	pageSize  int
	listed    int
	closed    map[string]bool
}

// NewGraph starts a fake Graph API; close it with Close.
func NewGraph() *Graph {
	g := &Graph{}
	g.Server = httptest.NewServer(http.HandlerFunc(g.serve))
	return g
}

// Config returns the settings that reach this fake.
func (g *Graph) Config() whatsapp.Config {
	return whatsapp.Config{GraphURL: g.URL, APIVersion: Version, PhoneNumberID: PhoneNumberID, AccessToken: Token,
		BusinessAccountID: WABAID}
}

// FailNext makes the next len(fs) requests fail with the given answers, in
// order; requests after them are accepted again.
func (g *Graph) FailNext(fs ...Failure) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.failures = append(g.failures, fs...)
}

// SlowDown makes every later request wait d before it is answered (0
// restores prompt answers), like a Graph API having a bad minute.
func (g *Graph) SlowDown(d time.Duration) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.delay = d
}

// All returns every request received, failed ones included.
func (g *Graph) All() []Request {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]Request(nil), g.all...)
}

// Accepted returns the requests the fake accepted, in arrival order: what
// the customers would have received (not those it reported failed later).
func (g *Graph) Accepted() []Request {
	var out []Request
	for _, r := range g.All() {
		if r.Status == http.StatusOK && r.FailedCode == 0 {
			out = append(out, r)
		}
	}
	return out
}

// AcceptedTo returns the accepted requests for one recipient.
func (g *Graph) AcceptedTo(to string) []Request {
	var out []Request
	for _, r := range g.Accepted() {
		if r.To == to {
			out = append(out, r)
		}
	}
	return out
}

func (g *Graph) serve(w http.ResponseWriter, r *http.Request) {
	if g.servePhoneNumber(w, r) || g.serveMedia(w, r) {
		return
	}
	if r.Method == http.MethodGet && r.URL.Path == "/"+Version+"/"+WABAID+"/message_templates" {
		g.serveTemplateList(w, r)
		return
	}
	if r.Method != http.MethodPost || r.URL.Path != "/"+Version+"/"+PhoneNumberID+"/messages" {
		http.Error(w, `{"error":{"message":"Unknown path components","code":2500}}`, http.StatusNotFound)
		return
	}
	if r.Header.Get("Authorization") != "Bearer "+Token {
		http.Error(w, `{"error":{"message":"Invalid OAuth access token","code":190}}`, http.StatusUnauthorized)
		return
	}
	g.mu.Lock()
	delay := g.delay
	g.mu.Unlock()
	if delay > 0 {
		time.Sleep(delay)
	}
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	req, callback, err := decode(body)
	if err != nil {
		http.Error(w, `{"error":{"message":"(#100) Invalid parameter","code":100}}`, http.StatusBadRequest)
		return
	}
	g.mu.Lock()
	var fail *Failure
	if len(g.failures) > 0 {
		fail = &g.failures[0]
		g.failures = g.failures[1:]
	}
	if fail == nil && req.MediaID != "" && !g.mediaKnown(req.MediaID) {
		fail = &ExpiredMedia
	}
	if fail == nil {
		g.seq++
		req.Status, req.ID = http.StatusOK, fmt.Sprintf("wamid.fake%06d", g.seq)
		if g.closed[req.To] && req.Type != "template" {
			req.FailedCode = 131047
		}
	} else {
		req.Status = fail.Status
	}
	g.all = append(g.all, req)
	hk := g.hook
	g.mu.Unlock()
	switch {
	case hk == nil || fail != nil:
	case req.FailedCode != 0:
		hk.post(reEngagementStatus(req.ID, req.To, callback, time.Now()))
	default:
		hk.statuses(req.ID, req.To, callback)
	}
	w.Header().Set("Content-Type", "application/json")
	if fail != nil {
		w.WriteHeader(fail.Status)
		io.WriteString(w, fail.Body)
		return
	}
	fmt.Fprintf(w, `{"messaging_product":"whatsapp","contacts":[{"input":%q,"wa_id":%q}],"messages":[{"id":%q}]}`, req.To, req.To, req.ID)
}

// decode reads the parts of a Cloud API message body the tests compare.
func decode(body []byte) (Request, string, error) {
	var m struct {
		Callback    string                `json:"biz_opaque_callback_data"`
		To          string                `json:"to"`
		Recipient   string                `json:"recipient"`
		Type        string                `json:"type"`
		Text        struct{ Body string } `json:"text"`
		Interactive struct {
			Type   string                `json:"type"`
			Body   struct{ Text string } `json:"body"`
			Action struct {
				Buttons []struct {
					Reply struct{ ID, Title string } `json:"reply"`
				} `json:"buttons"`
				Sections []struct {
					Rows []struct{ ID, Title string } `json:"rows"`
				} `json:"sections"`
			} `json:"action"`
		} `json:"interactive"`
		Image, Video, Document, Audio, Sticker *struct {
			Link     string `json:"link"`
			ID       string `json:"id"`
			Caption  string `json:"caption"`
			Filename string `json:"filename"`
		}
	}
	if err := json.Unmarshal(body, &m); err != nil {
		return Request{}, "", err
	}
	req := Request{To: m.To, Type: m.Type}
	if req.To == "" {
		req.To = m.Recipient
	}
	switch m.Type {
	case "template":
		if err := decodeTemplate(body, &req); err != nil {
			return Request{}, "", err
		}
	case "text":
		req.Text = m.Text.Body
	case "interactive":
		req.Type, req.Text = m.Interactive.Type, m.Interactive.Body.Text
		for _, b := range m.Interactive.Action.Buttons {
			req.Options = append(req.Options, b.Reply.Title)
		}
		for _, s := range m.Interactive.Action.Sections {
			for _, row := range s.Rows {
				req.Options = append(req.Options, row.ID)
			}
		}
	default:
		for _, media := range []*struct {
			Link     string `json:"link"`
			ID       string `json:"id"`
			Caption  string `json:"caption"`
			Filename string `json:"filename"`
		}{m.Image, m.Video, m.Document, m.Audio, m.Sticker} {
			if media != nil {
				req.Text, req.MediaID, req.Filename = media.Caption, media.ID, media.Filename
				if media.Link != "" {
					req.Options = []string{media.Link}
				}
			}
		}
	}
	if req.To == "" || req.Type == "" {
		return Request{}, "", fmt.Errorf("missing to or type")
	}
	return req, m.Callback, nil
}
