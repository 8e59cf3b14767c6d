package studio

import (
	"context"
	"strings"

	"chatflow/backend/apperr"
	"chatflow/backend/studio/config"
)

// EventTunnelChanged carries the built-in tunnel's TunnelStatus at each
// change (connecting, online, error, off).
const EventTunnelChanged = "tunnel:changed"

// The states of the built-in tunnel (TunnelStatus.State).
const (
	TunnelOff        = "off"
	TunnelConnecting = "connecting"
	TunnelOnline     = "online"
	TunnelError      = "error"
)

// TunnelStatus is the built-in tunnel's state as the Settings page shows it.
type TunnelStatus struct {
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

// TunnelConfig is what the built-in tunnel opens: the ngrok authtoken and
// the optional static domain.
type TunnelConfig struct {
	Authtoken string
	Domain    string
}

// TunnelRunner is the built-in tunnel as the use cases see it; the process
// (cli/) adapts backend/tunnel to it, so the use cases never link the ngrok
// SDK. The command line has none.
type TunnelRunner interface {
	// Check says in one sentence what is wrong with cfg ("tunnel: ..."),
	// before anything is stored.
	Check(cfg TunnelConfig) error
	Start(cfg TunnelConfig) error
	Stop(ctx context.Context) error
	Status() TunnelStatus
}

// PublicAddress is the Settings page's "Public address": the built-in
// tunnel or the owner's own address, what to paste into Meta, and the two
// checks that prove it works.
type PublicAddress struct {
	config.PublicAddress
	// CallbackURL is the effective public address + /webhook/whatsapp (""
	// while there is none: the tunnel is not online yet and has no static
	// domain, or no own address is saved).
	CallbackURL string `json:"callbackUrl"`
	VerifyToken string `json:"verifyToken"`
	// Tunnel is the built-in tunnel's state (off in ModeOwn).
	Tunnel TunnelStatus `json:"tunnel"`
	// LastVerifiedAt is when Meta's handshake last succeeded and
	// LastEventAt when the last signed webhook arrived (RFC 3339; "" never).
	LastVerifiedAt string `json:"lastVerifiedAt"`
	LastEventAt    string `json:"lastEventAt"`
}

// FieldProblem is one problem of a form, under the field it names (the
// form's JSON field name).
type FieldProblem struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

func problems(errs []*apperr.Error) []FieldProblem {
	out := []FieldProblem{}
	for _, e := range errs {
		out = append(out, FieldProblem{Field: e.Field, Message: e.Message})
	}
	return out
}

// PublicAddress returns the public address and its state.
func (u *Settings) PublicAddress(ctx context.Context) (PublicAddress, error) {
	addr, err := u.s.cfg.PublicAddress(ctx)
	if err != nil {
		return PublicAddress{}, u.s.internal("read the public address", err)
	}
	w, err := u.Get(ctx)
	if err != nil {
		return PublicAddress{}, err
	}
	out := PublicAddress{PublicAddress: addr, VerifyToken: w.VerifyToken.Value, Tunnel: TunnelStatus{State: TunnelOff},
		LastVerifiedAt: rfc3339(u.s.cfg.LastVerifiedAt(ctx)), LastEventAt: rfc3339(u.s.cfg.LastEventAt(ctx))}
	if u.s.tunnel != nil && addr.Mode == config.ModeBuiltIn {
		out.Tunnel = u.s.tunnel.Status()
	}
	out.CallbackURL = callbackURL(u.publicBase(addr, out.Tunnel))
	return out, nil
}

// publicBase is the https address Meta reaches: the tunnel's while it is
// online, else its static domain; or the owner's own address.
func (u *Settings) publicBase(addr config.PublicAddress, st TunnelStatus) string {
	if addr.Mode != config.ModeBuiltIn {
		return addr.PublicURL
	}
	switch {
	case st.State == TunnelOnline && st.URL != "":
		return st.URL
	case addr.Domain != "":
		return "https://" + addr.Domain
	}
	return ""
}

// CheckPublicAddress returns every problem of the panel's input at once.
func (u *Settings) CheckPublicAddress(ctx context.Context, in config.PublicAddressInput) ([]FieldProblem, error) {
	cur, err := u.s.cfg.PublicAddress(ctx)
	if err != nil {
		return nil, u.s.internal("read the public address", err)
	}
	return problems(u.checkPublicAddress(in, cur.Authtoken.Set)), nil
}

// checkPublicAddress is config's rules plus the tunnel's own word on the
// authtoken and the domain (when the process runs one), every field at
// once.
func (u *Settings) checkPublicAddress(in config.PublicAddressInput, hasToken bool) []*apperr.Error {
	out := config.CheckPublicAddress(in, hasToken)
	if u.s.tunnel == nil || strings.TrimSpace(in.Mode) != config.ModeBuiltIn {
		return out
	}
	reported := map[string]bool{}
	for _, p := range out {
		reported[p.Field] = true
	}
	check := func(field string, cfg TunnelConfig) {
		if reported[field] {
			return
		}
		if err := u.s.tunnel.Check(cfg); err != nil {
			out = append(out, apperr.Invalid(field, sentence(strings.TrimPrefix(err.Error(), "tunnel: "))))
		}
	}
	// A placeholder stands for the part not being checked (an empty
	// authtoken keeps the stored one, checked when it was saved).
	if token := strings.TrimSpace(in.Authtoken); token != "" {
		check("authtoken", TunnelConfig{Authtoken: token})
	}
	if domain := strings.ToLower(strings.TrimSuffix(strings.TrimSpace(in.Domain), "/")); domain != "" {
		check("domain", TunnelConfig{Authtoken: "stored", Domain: domain})
	}
	return out
}

// SavePublicAddress stores the public address and applies it at once: the
// built-in tunnel opens (or reconnects with the new authtoken or domain)
// when switched on, and closes when the owner chooses an address of their
// own.
func (u *Settings) SavePublicAddress(ctx context.Context, in config.PublicAddressInput) (PublicAddress, error) {
	cur, err := u.s.cfg.PublicAddress(ctx)
	if err != nil {
		return PublicAddress{}, u.s.internal("read the public address", err)
	}
	if p := u.checkPublicAddress(in, cur.Authtoken.Set); len(p) > 0 {
		return PublicAddress{}, p[0]
	}
	if err := u.s.cfg.SavePublicAddress(ctx, in); err != nil {
		return PublicAddress{}, u.s.internal("save the public address", err)
	}
	if err := u.ApplyTunnel(ctx); err != nil {
		return PublicAddress{}, err
	}
	return u.PublicAddress(ctx)
}

// RetryTunnel starts the built-in tunnel again now, without waiting for its
// backoff (the "Try again now" button).
func (u *Settings) RetryTunnel(ctx context.Context) (PublicAddress, error) {
	if err := u.ApplyTunnel(ctx); err != nil {
		return PublicAddress{}, err
	}
	return u.PublicAddress(ctx)
}

// ApplyTunnel opens the built-in tunnel when it is switched on and stops it
// otherwise. The process calls it once at start-up; with the tunnel off it
// does nothing, so an owner who never uses it pays nothing.
func (u *Settings) ApplyTunnel(ctx context.Context) error {
	if u.s.tunnel == nil {
		return nil
	}
	cfg, on, err := u.s.cfg.Tunnel(ctx)
	if err != nil {
		return u.s.internal("read the tunnel settings", err)
	}
	if !on {
		if err := u.s.tunnel.Stop(ctx); err != nil {
			return u.s.internal("stop the tunnel", err)
		}
		return nil
	}
	if err := u.s.tunnel.Start(TunnelConfig(cfg)); err != nil {
		return apperr.Invalid("authtoken", strings.TrimPrefix(err.Error(), "tunnel: "))
	}
	return nil
}

func callbackURL(base string) string {
	if base == "" {
		return ""
	}
	return strings.TrimRight(base, "/") + config.CallbackPath
}
