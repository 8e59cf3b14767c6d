package studio

import (
	"context"
	"strings"

	"chatflow/backend/apperr"
	"chatflow/backend/studio/config"
	"chatflow/backend/tunnel"
)

// EventTunnelChanged carries the built-in tunnel's tunnel.Status at each
// change (connecting, online, error, off).
const EventTunnelChanged = "tunnel:changed"

// TunnelRunner is the built-in tunnel as the use cases see it. *tunnel.Tunnel
// implements it; the command line has none.
type TunnelRunner interface {
	Start(cfg tunnel.Config) error
	Stop(ctx context.Context) error
	Status() tunnel.Status
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
	Tunnel tunnel.Status `json:"tunnel"`
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
	out := PublicAddress{PublicAddress: addr, VerifyToken: w.VerifyToken.Value, Tunnel: tunnel.Status{State: tunnel.StateOff},
		LastVerifiedAt: rfc3339(u.s.cfg.LastVerifiedAt(ctx)), LastEventAt: rfc3339(u.s.cfg.LastEventAt(ctx))}
	if u.s.tunnel != nil && addr.Mode == config.ModeBuiltIn {
		out.Tunnel = u.s.tunnel.Status()
	}
	out.CallbackURL = callbackURL(u.publicBase(addr, out.Tunnel))
	return out, nil
}

// publicBase is the https address Meta reaches: the tunnel's while it is
// online, else its static domain; or the owner's own address.
func (u *Settings) publicBase(addr config.PublicAddress, st tunnel.Status) string {
	if addr.Mode != config.ModeBuiltIn {
		return addr.PublicURL
	}
	switch {
	case st.State == tunnel.StateOnline && st.URL != "":
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
	return problems(config.CheckPublicAddress(in, cur.Authtoken.Set)), nil
}

// SavePublicAddress stores the public address and applies it at once: the
// built-in tunnel opens (or reconnects with the new authtoken or domain)
// when switched on, and closes when the owner chooses an address of their
// own.
func (u *Settings) SavePublicAddress(ctx context.Context, in config.PublicAddressInput) (PublicAddress, error) {
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
	if err := u.s.tunnel.Start(cfg); err != nil {
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
