package config

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"strings"

	"chatflow/backend/apperr"
)

// The public address: how Meta reaches the webhook listener.
const (
	// KeyAddressMode is ModeBuiltIn (the app opens an ngrok tunnel itself)
	// or ModeOwn (the owner's tunnel or server at KeyPublicURL). Unset is
	// ModeOwn: the built-in tunnel is off unless switched on.
	KeyAddressMode = "tunnel.mode"
	// KeyNgrokAuthtoken is the built-in tunnel's ngrok authtoken (a secret:
	// it never leaves Go and is never logged).
	KeyNgrokAuthtoken = "tunnel.ngrok_authtoken"
	// KeyNgrokDomain is the optional static domain of the built-in tunnel.
	KeyNgrokDomain = "tunnel.ngrok_domain"
)

// The modes of the public address.
const (
	ModeBuiltIn = "ngrok"
	ModeOwn     = "own"
)

// The environment of the built-in tunnel.
const (
	// EnvNgrokAuthtoken overrides the stored authtoken (ngrok's own name
	// for it); the tunnel still opens only when switched on.
	EnvNgrokAuthtoken = "NGROK_AUTHTOKEN"
	// EnvNgrokConnectURL and EnvNgrokCAFile point the ngrok SDK at another
	// service (ngrok's connect_url and connect_cas, for dedicated ingress);
	// the browser tests use them to reach a loopback stand-in.
	EnvNgrokConnectURL = "CHATFLOW_NGROK_CONNECT_URL"
	EnvNgrokCAFile     = "CHATFLOW_NGROK_CA_FILE"
)

// PublicAddress is the public address as the Settings page shows it, the
// authtoken masked.
type PublicAddress struct {
	Mode      string      `json:"mode"`
	Authtoken SecretValue `json:"authtoken"`
	Domain    string      `json:"domain"`
	// PublicURL is the owner's own address (ModeOwn).
	PublicURL string `json:"publicUrl"`
}

// PublicAddressInput is a save from the Public address panel. An empty
// Authtoken keeps the stored one; ClearAuthtoken removes it.
type PublicAddressInput struct {
	Mode           string `json:"mode"`
	Authtoken      string `json:"authtoken"`
	ClearAuthtoken bool   `json:"clearAuthtoken"`
	Domain         string `json:"domain"`
	PublicURL      string `json:"publicUrl"`
}

// PublicAddress reads the public address settings.
func (c *Config) PublicAddress(ctx context.Context) (PublicAddress, error) {
	mode, _, err1 := c.value(ctx, KeyAddressMode, "", ModeOwn)
	token, over, err2 := c.value(ctx, KeyNgrokAuthtoken, EnvNgrokAuthtoken, "")
	domain, _, err3 := c.value(ctx, KeyNgrokDomain, "", "")
	public, _, err4 := c.value(ctx, KeyPublicURL, "", "")
	if err := errors.Join(err1, err2, err3, err4); err != nil {
		return PublicAddress{}, err
	}
	if mode != ModeBuiltIn {
		mode = ModeOwn
	}
	return PublicAddress{
		Mode:      mode,
		Authtoken: SecretValue{Set: token != "", Hint: lastFour(token), Overridden: over, EnvVar: EnvNgrokAuthtoken},
		Domain:    domain,
		PublicURL: public,
	}, nil
}

// CheckPublicAddress returns every problem of the input, each naming its
// field, so the panel can show them all at once. hasToken says whether an
// authtoken is stored (or set in the environment).
func CheckPublicAddress(in PublicAddressInput, hasToken bool) []*apperr.Error {
	in = trimAddress(in)
	var out []*apperr.Error
	switch in.Mode {
	case ModeBuiltIn:
		if in.Authtoken == "" && (!hasToken || in.ClearAuthtoken) {
			out = append(out, apperr.Invalid("authtoken", "Paste your ngrok authtoken (dashboard.ngrok.com › Your Authtoken) to open the built-in tunnel."))
		}
		if strings.ContainsAny(in.Authtoken, " \t\r\n") {
			out = append(out, apperr.Invalid("authtoken", "The ngrok authtoken cannot contain spaces; paste it again."))
		}
	case ModeOwn:
		if in.PublicURL != "" && !isHTTPURL(in.PublicURL, true) {
			out = append(out, apperr.Invalid("publicUrl", "The public base URL must be an https address, such as the one ngrok or cloudflared gives you."))
		}
	default:
		out = append(out, apperr.Invalid("mode", "Choose the built-in tunnel or your own address."))
	}
	return out
}

// SavePublicAddress checks and stores the public address. Nothing is
// stored when a field is wrong (the first problem is returned, coded).
func (c *Config) SavePublicAddress(ctx context.Context, in PublicAddressInput) error {
	in = trimAddress(in)
	cur, err := c.PublicAddress(ctx)
	if err != nil {
		return err
	}
	if problems := CheckPublicAddress(in, cur.Authtoken.Set); len(problems) > 0 {
		return problems[0]
	}
	writes := []error{
		c.set(ctx, KeyAddressMode, in.Mode),
		c.set(ctx, KeyNgrokDomain, strings.ToLower(in.Domain)),
	}
	if in.Mode == ModeOwn {
		writes = append(writes, c.set(ctx, KeyPublicURL, strings.TrimRight(in.PublicURL, "/")))
	}
	switch {
	case in.ClearAuthtoken:
		writes = append(writes, c.db.DeleteSetting(ctx, KeyNgrokAuthtoken))
	case in.Authtoken != "":
		writes = append(writes, c.db.SetSetting(ctx, KeyNgrokAuthtoken, in.Authtoken))
	}
	if err := errors.Join(writes...); err != nil {
		return fmt.Errorf("config: save the public address: %w", err)
	}
	return nil
}

// TunnelSettings is what the built-in tunnel opens.
type TunnelSettings struct {
	Authtoken string
	Domain    string
}

// Tunnel returns what the built-in tunnel opens, and whether it is switched
// on (ModeBuiltIn with an authtoken).
func (c *Config) Tunnel(ctx context.Context) (TunnelSettings, bool, error) {
	mode, _, err1 := c.value(ctx, KeyAddressMode, "", ModeOwn)
	token, _, err2 := c.value(ctx, KeyNgrokAuthtoken, EnvNgrokAuthtoken, "")
	domain, _, err3 := c.value(ctx, KeyNgrokDomain, "", "")
	if err := errors.Join(err1, err2, err3); err != nil {
		return TunnelSettings{}, false, err
	}
	return TunnelSettings{Authtoken: token, Domain: domain}, mode == ModeBuiltIn && token != "", nil
}

// NgrokService returns the ngrok service the SDK connects to: "" and nil
// for ngrok's own, else the environment's address and trusted certificates.
func (c *Config) NgrokService() (connectURL string, cas *x509.CertPool, err error) {
	if c.getenv == nil {
		return "", nil, nil
	}
	connectURL = strings.TrimSpace(c.getenv(EnvNgrokConnectURL))
	file := strings.TrimSpace(c.getenv(EnvNgrokCAFile))
	if file == "" {
		return connectURL, nil, nil
	}
	pem, err := os.ReadFile(file)
	if err != nil {
		return "", nil, fmt.Errorf("config: %s: %w", EnvNgrokCAFile, err)
	}
	cas = x509.NewCertPool()
	if !cas.AppendCertsFromPEM(pem) {
		return "", nil, fmt.Errorf("config: %s: %s holds no PEM certificate", EnvNgrokCAFile, file)
	}
	return connectURL, cas, nil
}

func trimAddress(in PublicAddressInput) PublicAddressInput {
	in.Mode = strings.TrimSpace(in.Mode)
	in.Authtoken = strings.TrimSpace(in.Authtoken)
	in.Domain = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(in.Domain), "/"))
	in.PublicURL = strings.TrimSpace(in.PublicURL)
	return in
}
