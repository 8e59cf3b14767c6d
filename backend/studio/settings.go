package studio

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"time"

	"chatflow/backend/apperr"
	"chatflow/backend/server"
	"chatflow/backend/store"
	"chatflow/backend/studio/config"
)

// Settings are the WhatsApp connection use cases: the form (through the
// config owner), moving the webhook listener, the live status and finding a
// tunnel's public address.
type Settings struct {
	s *Studio
	// TunnelAPI is ngrok's local agent API (a test points it elsewhere).
	TunnelAPI string
}

func newSettings(s *Studio) *Settings {
	return &Settings{s: s, TunnelAPI: "http://127.0.0.1:4040/api/tunnels"}
}

// Status is the live state shown beside the settings form.
type Status struct {
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
	// Sending says why queued replies are not leaving, if they failed.
	Sending SendTrouble `json:"sending"`
}

// SendTrouble sums up the replies waiting to leave, for a line such as
// "3 replies waiting: Could not reach WhatsApp (retry 4 at 12:03)".
type SendTrouble struct {
	// Waiting counts the queued replies; Retrying those that failed at
	// least once.
	Waiting  int `json:"waiting"`
	Retrying int `json:"retrying"`
	// Reason is the last failure of the reply retried next, NextAttempt the
	// number of its next try and RetryAt when (RFC 3339); empty and 0 when
	// nothing is retrying.
	Reason      string `json:"reason"`
	NextAttempt int    `json:"nextAttempt"`
	RetryAt     string `json:"retryAt"`
}

// Get returns the current settings, secrets masked.
func (u *Settings) Get(ctx context.Context) (config.WhatsApp, error) {
	w, err := u.s.cfg.WhatsApp(ctx)
	if err != nil {
		return config.WhatsApp{}, u.s.internal("read the settings", err)
	}
	return w, nil
}

// Save validates and stores the form. A new webhook address moves the
// listener at once; when the port is taken the settings are still saved and
// Status reports the listener's failure.
func (u *Settings) Save(ctx context.Context, in config.WhatsAppInput) (config.WhatsApp, error) {
	oldAddr, newAddr, err := u.s.cfg.SaveWhatsApp(ctx, in)
	if err != nil {
		return config.WhatsApp{}, u.s.internal("save the settings", err)
	}
	if newAddr != oldAddr && u.s.listener != nil {
		if err := u.s.listener.Restart(ctx, newAddr); err != nil {
			u.s.log.Warn("studio: webhook listener not moved", "addr", newAddr, "err", err)
		}
	}
	return u.Get(ctx)
}

// GenerateVerifyToken returns a new random verify token for the form (it is
// stored when the form is saved).
func (u *Settings) GenerateVerifyToken() (string, error) {
	b := make([]byte, 18)
	if _, err := rand.Read(b); err != nil {
		return "", apperr.Errorf(apperr.EINTERNAL, "Could not generate a token: %w.", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// Status reports the listener, the handshake and event times, and what is
// missing for a live bot.
func (u *Settings) Status(ctx context.Context) (Status, error) {
	cur, err := u.Get(ctx)
	if err != nil {
		return Status{}, err
	}
	addr, err := u.PublicAddress(ctx)
	if err != nil {
		return Status{}, err
	}
	st := Status{CallbackURL: addr.CallbackURL, VerifyToken: cur.VerifyToken.Value,
		LastVerifiedAt: addr.LastVerifiedAt, LastEventAt: addr.LastEventAt}
	// The public address may come from the built-in tunnel rather than
	// the form's public base URL.
	for _, m := range cur.Missing() {
		if m != "public base URL" {
			st.Missing = append(st.Missing, m)
		}
	}
	if addr.CallbackURL == "" {
		st.Missing = append(st.Missing, "public address")
	}
	if u.s.listener != nil {
		st.Listener = u.s.listener.Status()
	}
	counts, err := u.s.db.OutboxCounts(ctx)
	if err != nil {
		return Status{}, u.s.internal("read the outbox", err)
	}
	st.Queued, st.Sent, st.Failed = counts[store.OutboxPending], counts[store.OutboxSent], counts[store.OutboxFailed]
	t, err := u.s.db.SendTrouble(ctx)
	if err != nil {
		return Status{}, u.s.internal("read the waiting replies", err)
	}
	st.Sending = SendTrouble{Waiting: t.Waiting, Retrying: t.Retrying, Reason: t.Reason, RetryAt: rfc3339(t.NextAttemptAt)}
	if t.Retrying > 0 {
		st.Sending.NextAttempt = t.Attempts + 1
	}
	return st, nil
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
func (u *Settings) DetectTunnel(ctx context.Context) (Tunnel, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.TunnelAPI, nil)
	if err != nil {
		return Tunnel{}, apperr.Errorf(apperr.EINTERNAL, "Could not ask ngrok: %w.", err)
	}
	port := u.listenPort()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return Tunnel{Note: "No ngrok agent is running on this computer (nothing answers on 127.0.0.1:4040). Start one with: ngrok http " + port}, nil
	}
	defer resp.Body.Close()
	var body struct {
		Tunnels []struct {
			PublicURL string `json:"public_url"`
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
		if best == nil || (strings.HasSuffix(t.Config.Addr, ":"+port) && !strings.HasSuffix(best.Target, ":"+port)) {
			best = &cand
		}
	}
	switch {
	case best == nil:
		return Tunnel{Note: "ngrok is running but has no https tunnel. Start one with: ngrok http " + port}, nil
	case !strings.HasSuffix(best.Target, ":"+port):
		best.Note = "This tunnel forwards to " + best.Target + ", not to the webhook listener's port " + port + "."
	default:
		best.Note = "ngrok forwards " + best.PublicURL + " to the webhook listener."
	}
	return *best, nil
}

// listenPort is the webhook listener's port, for the hints above.
func (u *Settings) listenPort() string {
	addr := config.DefaultWebhookAddr
	if u.s.listener != nil && u.s.listener.Addr() != "" {
		addr = u.s.listener.Addr()
	}
	return addr[strings.LastIndex(addr, ":")+1:]
}
