package studio

import (
	"context"
	"strings"
	"sync"
	"testing"

	"chatflow/backend/studio/config"
	"chatflow/backend/tunnel"
)

// fakeTunnel records what the use cases asked of the built-in tunnel.
type fakeTunnel struct {
	mu      sync.Mutex
	started []TunnelConfig
	stops   int
	status  TunnelStatus
}

// Check applies the real tunnel's rules (the test may link the tunnel
// package; the product's use cases may not).
func (f *fakeTunnel) Check(cfg TunnelConfig) error { return tunnel.Config(cfg).Validate() }

func (f *fakeTunnel) Start(cfg TunnelConfig) error {
	if err := f.Check(cfg); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.started = append(f.started, cfg)
	f.status = TunnelStatus{State: TunnelConnecting}
	return nil
}

func (f *fakeTunnel) Stop(context.Context) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.stops++
	f.status = TunnelStatus{State: TunnelOff}
	return nil
}

func (f *fakeTunnel) Status() TunnelStatus {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.status
}

func (f *fakeTunnel) set(st TunnelStatus) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.status = st
}

func newTunnelStudio(t *testing.T, env map[string]string) (*Studio, *fakeTunnel) {
	t.Helper()
	st, _ := newTestStudio(t, env)
	ft := &fakeTunnel{status: TunnelStatus{State: TunnelOff}}
	st.tunnel = ft
	return st, ft
}

func TestPublicAddressIsOffUntilSwitchedOn(t *testing.T) {
	st, ft := newTunnelStudio(t, nil)
	if err := st.Settings.ApplyTunnel(bg); err != nil {
		t.Fatal(err)
	}
	if len(ft.started) != 0 {
		t.Fatalf("the tunnel started on a fresh database: %+v", ft.started)
	}
	addr, err := st.Settings.PublicAddress(bg)
	if err != nil {
		t.Fatal(err)
	}
	if addr.Mode != config.ModeOwn || addr.Tunnel.State != TunnelOff || addr.CallbackURL != "" || addr.Authtoken.Set {
		t.Fatalf("fresh public address = %+v", addr)
	}
	// A token in the environment alone does not switch it on either.
	st2, ft2 := newTunnelStudio(t, map[string]string{config.EnvNgrokAuthtoken: "2envtoken_abcdef"})
	if err := st2.Settings.ApplyTunnel(bg); err != nil || len(ft2.started) != 0 {
		t.Fatalf("ApplyTunnel with only NGROK_AUTHTOKEN: %v, started %+v", err, ft2.started)
	}
}

func TestSavePublicAddressOpensAndClosesTheTunnel(t *testing.T) {
	st, ft := newTunnelStudio(t, nil)
	addr, err := st.Settings.SavePublicAddress(bg, config.PublicAddressInput{Mode: config.ModeBuiltIn, Authtoken: " 2secret_token_1234 ", Domain: "Shop-Demo.ngrok-free.app"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ft.started) != 1 || ft.started[0] != (TunnelConfig{Authtoken: "2secret_token_1234", Domain: "shop-demo.ngrok-free.app"}) {
		t.Fatalf("started %+v", ft.started)
	}
	// The secret never comes back; its last four characters do.
	if !addr.Authtoken.Set || addr.Authtoken.Hint != "1234" || strings.Contains(addr.Authtoken.Hint, "secret") {
		t.Fatalf("authtoken = %+v", addr.Authtoken)
	}
	// With a static domain the callback URL is known before the tunnel is up.
	if addr.CallbackURL != "https://shop-demo.ngrok-free.app/webhook/whatsapp" || addr.Tunnel.State != TunnelConnecting {
		t.Fatalf("while connecting: %+v", addr)
	}
	ft.set(TunnelStatus{State: TunnelOnline, URL: "https://shop-demo.ngrok-free.app"})
	status, err := st.Settings.Status(bg)
	if err != nil {
		t.Fatal(err)
	}
	if status.CallbackURL != "https://shop-demo.ngrok-free.app/webhook/whatsapp" {
		t.Fatalf("status callback = %q", status.CallbackURL)
	}
	for _, m := range status.Missing {
		if strings.Contains(m, "public") {
			t.Fatalf("missing %q while the tunnel is online", m)
		}
	}

	// Saving again without a token keeps the stored one.
	if _, err := st.Settings.SavePublicAddress(bg, config.PublicAddressInput{Mode: config.ModeBuiltIn}); err != nil {
		t.Fatal(err)
	}
	if len(ft.started) != 2 || ft.started[1].Authtoken != "2secret_token_1234" || ft.started[1].Domain != "" {
		t.Fatalf("second start %+v", ft.started)
	}
	// Choosing an address of one's own switches the tunnel off.
	addr, err = st.Settings.SavePublicAddress(bg, config.PublicAddressInput{Mode: config.ModeOwn, PublicURL: "https://mine.example/"})
	if err != nil {
		t.Fatal(err)
	}
	if ft.stops != 1 || addr.Tunnel.State != TunnelOff || addr.CallbackURL != "https://mine.example/webhook/whatsapp" {
		t.Fatalf("own address: stops %d, %+v", ft.stops, addr)
	}
}

func TestCheckPublicAddressNamesEveryField(t *testing.T) {
	st, ft := newTunnelStudio(t, nil)
	got, err := st.Settings.CheckPublicAddress(bg, config.PublicAddressInput{Mode: config.ModeBuiltIn, Domain: "https://x.ngrok-free.app"})
	if err != nil {
		t.Fatal(err)
	}
	fields := map[string]string{}
	for _, p := range got {
		fields[p.Field] = p.Message
	}
	if !strings.Contains(fields["authtoken"], "Paste your ngrok authtoken") || !strings.Contains(fields["domain"], "without https://") || len(got) != 2 {
		t.Fatalf("problems = %+v", got)
	}
	if _, err := st.Settings.SavePublicAddress(bg, config.PublicAddressInput{Mode: config.ModeOwn, PublicURL: "http://plain.example"}); err == nil {
		t.Fatal("an http address was saved")
	}
	if len(ft.started) != 0 || ft.stops != 0 {
		t.Fatalf("a refused save touched the tunnel: %+v %d", ft.started, ft.stops)
	}
	addr, _ := st.Settings.PublicAddress(bg)
	if addr.PublicURL != "" || addr.Mode != config.ModeOwn {
		t.Fatalf("a refused save stored something: %+v", addr)
	}
}
