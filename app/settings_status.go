package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"chatflow/backend/server"
	"chatflow/backend/store"
)

// WhatsAppStatus is the live state shown beside the settings form.
type WhatsAppStatus struct {
	Listener server.ListenerStatus `json:"listener"`
	// CallbackURL is what to paste into Meta's dashboard.
	CallbackURL string `json:"callbackUrl"`
	VerifyToken string `json:"verifyToken"`
	// LastVerifiedAt is when Meta's verification handshake last succeeded,
	// and LastEventAt when the last webhook event arrived (RFC 3339, "" never).
	LastVerifiedAt string `json:"lastVerifiedAt"`
	LastEventAt    string `json:"lastEventAt"`
	// Missing lists what must still be filled in to answer customers.
	Missing []string `json:"missing"`
	// Queued, Sent and Failed count outgoing messages.
	Queued int `json:"queued"`
	Sent   int `json:"sent"`
	Failed int `json:"failed"`
}

// Status reports the listener, the handshake and event times, and what is
// missing for a live bot.
func (s *Settings) Status() (WhatsAppStatus, error) {
	ctx := s.deps.Ctx
	cur, err := s.Get()
	if err != nil {
		return WhatsAppStatus{}, err
	}
	st := WhatsAppStatus{CallbackURL: cur.CallbackURL, VerifyToken: cur.VerifyToken.Value}
	if s.deps.Webhook != nil {
		st.Listener = s.deps.Webhook.Status()
	}
	st.LastVerifiedAt = s.timeSetting(ctx, store.SettingWebhookLastVerified)
	st.LastEventAt = s.timeSetting(ctx, store.SettingWebhookLastEvent)
	for _, m := range []struct {
		missing bool
		what    string
	}{
		{cur.PhoneNumberID.Value == "", "phone number ID"},
		{!cur.AccessToken.Set, "access token"},
		{!cur.AppSecret.Set, "app secret"},
		{cur.VerifyToken.Value == "", "verify token"},
		{cur.PublicURL.Value == "", "public base URL"},
	} {
		if m.missing {
			st.Missing = append(st.Missing, m.what)
		}
	}
	counts, err := s.deps.DB.OutboxCounts(ctx)
	if err != nil {
		return WhatsAppStatus{}, s.fail("read the outbox", err)
	}
	st.Queued, st.Sent, st.Failed = counts[store.OutboxPending], counts[store.OutboxSent], counts[store.OutboxFailed]
	return st, nil
}

func (s *Settings) timeSetting(ctx context.Context, key string) string {
	v, _ := s.deps.DB.StringSetting(ctx, key, "")
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// Tunnel is a public address found in a tunnel agent running on this
// machine.
type Tunnel struct {
	Found bool `json:"found"`
	// PublicURL is the tunnel's https address; Target what it forwards to.
	PublicURL string `json:"publicUrl"`
	Target    string `json:"target"`
	Agent     string `json:"agent"`
	// Note explains what was found, or why nothing was.
	Note string `json:"note"`
}

// DetectTunnel asks ngrok's local agent API (127.0.0.1:4040) for a running
// https tunnel, preferring one that forwards to the webhook listener's port,
// so the public base URL can be filled in with one click.
func (s *Settings) DetectTunnel() (Tunnel, error) {
	ctx, cancel := context.WithTimeout(s.deps.Ctx, 2*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.tunnelAPI, nil)
	if err != nil {
		return Tunnel{}, fmt.Errorf("Could not ask ngrok: %s.", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return Tunnel{Note: "No ngrok agent is running on this computer (nothing answers on 127.0.0.1:4040). Start one with: ngrok http " + s.listenPort()}, nil
	}
	defer resp.Body.Close()
	var body struct {
		Tunnels []struct {
			PublicURL string `json:"public_url"`
			Proto     string `json:"proto"`
			Config    struct {
				Addr string `json:"addr"`
			} `json:"config"`
		} `json:"tunnels"`
	}
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode != http.StatusOK || json.Unmarshal(raw, &body) != nil {
		return Tunnel{Note: "Something answers on 127.0.0.1:4040, but it is not ngrok's agent API."}, nil
	}
	var best *Tunnel
	for _, t := range body.Tunnels {
		if !strings.HasPrefix(t.PublicURL, "https://") {
			continue
		}
		cand := Tunnel{Found: true, PublicURL: strings.TrimRight(t.PublicURL, "/"), Target: t.Config.Addr, Agent: "ngrok"}
		if best == nil || (strings.HasSuffix(t.Config.Addr, ":"+s.listenPort()) && !strings.HasSuffix(best.Target, ":"+s.listenPort())) {
			best = &cand
		}
	}
	if best == nil {
		return Tunnel{Note: "ngrok is running but has no https tunnel. Start one with: ngrok http " + s.listenPort()}, nil
	}
	if !strings.HasSuffix(best.Target, ":"+s.listenPort()) {
		best.Note = "This tunnel forwards to " + best.Target + ", not to the webhook listener's port " + s.listenPort() + "."
	} else {
		best.Note = "ngrok forwards " + best.PublicURL + " to the webhook listener."
	}
	return *best, nil
}

// listenPort is the webhook listener's port, for the hints above.
func (s *Settings) listenPort() string {
	addr := DefaultWebhookAddr
	if s.deps.Webhook != nil && s.deps.Webhook.Addr() != "" {
		addr = s.deps.Webhook.Addr()
	}
	return addr[strings.LastIndex(addr, ":")+1:]
}
