package app

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"chatflow/backend/demo"
	"chatflow/backend/server"
)

// DefaultWebhookAddr is where the webhook listener binds unless told
// otherwise: loopback, so only a tunnel on this machine can reach it.
const DefaultWebhookAddr = "127.0.0.1:8080"

// settingWebhookAddr is the Settings page's stored listen address.
const settingWebhookAddr = "webhook.addr"

// core is what the desktop and serve modes share: the store, the services
// and the webhook listener, built once and closed once.
type core struct {
	deps *Deps
	app  *App
	// stopLive stops the inbox workers and sender.
	stopLive context.CancelFunc
}

// newLogger returns the process logger: text to stderr.
func newLogger(env Env) *slog.Logger {
	return slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
}

// startCore opens the database and builds every service. It does not start
// the webhook listener; the caller decides what a busy port means.
func startCore(ctx context.Context, env Env, dbPath, mode string) (*core, error) {
	db, err := openDB(ctx, env, dbPath)
	if err != nil {
		return nil, fmt.Errorf("could not open the database (is its disk full or read-only?): %w", err)
	}
	// A read-only or full disk must stop the start here: otherwise the
	// webhook would run and refuse every message with 503.
	if err := db.CheckWritable(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("the database %s cannot be written (is its disk full or read-only?): %w", db.Path, err)
	}
	log := newLogger(env)
	startPprof(env, log)
	deps := &Deps{
		Ctx:     ctx,
		DB:      db,
		Log:     log,
		Events:  &Broadcaster{},
		Mode:    mode,
		Started: time.Now(),
		Getenv:  env.Getenv,
	}
	health := server.Health{Version: Build().Version, Started: deps.Started}
	a := New(deps)
	webhookMux := server.NewWebhookMux(health, a.live.webhook)
	// The templates' demo order API (loopback only; see backend/demo).
	webhookMux.Handle(demo.OrdersPath, demo.OrdersHandler())
	deps.Webhook = server.NewListener("webhook listener", webhookMux, log)
	// The inbox resumes pending messages and unsent replies at once.
	liveCtx, stopLive := context.WithCancel(ctx)
	a.live.calls.start()
	a.live.inbox.Start(liveCtx)
	a.Data.startDailyBackups(liveCtx)
	return &core{deps: deps, app: a, stopLive: stopLive}, nil
}

// webhookAddr picks the listen address: the flag when given, else the saved
// setting, else the default.
func (c *core) webhookAddr(ctx context.Context, flagValue string, flagSet bool) string {
	if flagSet {
		return flagValue
	}
	if addr, _ := c.deps.DB.StringSetting(ctx, settingWebhookAddr, ""); addr != "" {
		return addr
	}
	return flagValue
}

// close stops the listener and closes the database, waiting a bounded time
// for requests in flight.
func (c *core) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := c.deps.Webhook.Stop(ctx); err != nil {
		c.deps.Log.Warn("webhook listener did not stop cleanly", slog.Any("err", err))
	}
	// Stop the inbox and wait for the turn or send in hand before the
	// database closes.
	c.stopLive()
	c.app.live.inbox.Wait()
	c.app.live.calls.close()
	c.app.Data.waitLoops()
	if err := c.deps.DB.Close(); err != nil {
		c.deps.Log.Warn("database did not close cleanly", slog.Any("err", err))
	}
}
