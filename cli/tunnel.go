package cli

import (
	"context"
	"log/slog"
	"net/http"
	"os"

	"chatflow/app"
	"chatflow/backend/studio"
	"chatflow/backend/studio/config"
	"chatflow/backend/tunnel"
)

// newTunnel builds the built-in tunnel over the webhook listener's handler
// (never the UI server's). It starts nothing: Settings.ApplyTunnel opens it
// when the owner switched it on.
func newTunnel(cfg *config.Config, handler http.Handler, events *app.Broadcaster, log *slog.Logger) *tunnelPort {
	connectURL, cas, err := cfg.NgrokService()
	if err != nil {
		log.Warn("tunnel: the ngrok service settings are unusable; using ngrok's own", slog.Any("err", err))
		connectURL, cas = "", nil
	}
	// The SDK reports every reconnection at Info; the tunnel's own states
	// are logged by the tunnel package, so only the SDK's warnings are kept.
	sdkLog := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})).With("component", "ngrok")
	return &tunnelPort{tunnel.New(tunnel.Options{
		Provider: tunnel.Ngrok{ConnectURL: connectURL, CAs: cas, Version: app.Build().Version, Log: sdkLog},
		Handler:  handler,
		OnChange: func(st tunnel.Status) { events.Emit(studio.EventTunnelChanged, studio.TunnelStatus(st)) },
		Log:      log,
	})}
}

// tunnelPort adapts backend/tunnel to the use cases' studio.TunnelRunner,
// so backend/studio never links the ngrok SDK.
type tunnelPort struct{ t *tunnel.Tunnel }

func (p *tunnelPort) Check(cfg studio.TunnelConfig) error { return tunnel.Config(cfg).Validate() }
func (p *tunnelPort) Start(cfg studio.TunnelConfig) error { return p.t.Start(tunnel.Config(cfg)) }
func (p *tunnelPort) Stop(ctx context.Context) error      { return p.t.Stop(ctx) }
func (p *tunnelPort) Status() studio.TunnelStatus         { return studio.TunnelStatus(p.t.Status()) }
