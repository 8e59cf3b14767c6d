package cli

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"chatflow/app"
	"chatflow/backend/demo"
	"chatflow/backend/media"
	"chatflow/backend/server"
	"chatflow/backend/store"
	"chatflow/backend/studio"
	"chatflow/backend/studio/config"
)

// core is what the desktop and serve modes share: the store, the use cases,
// the live bot, the bound services and the webhook listener, built once and
// closed once.
type core struct {
	db      *store.DB
	log     *slog.Logger
	studio  *studio.Studio
	app     *app.App
	events  *app.Broadcaster
	webhook *server.Listener
	live    *live
	// media is the database's media store; its UI route (mediaRoute) is
	// mounted on the UI only, never on the webhook listener.
	media      *media.Library
	mediaRoute http.Handler
	tunnel     *tunnelPort
	started    time.Time
	// stopLive stops the inbox workers, the sender and the daily backups.
	stopLive context.CancelFunc
}

// newLogger returns the process logger: text to stderr.
func newLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo}))
}

// startCore opens the database and builds and starts everything but the
// webhook listener; the caller decides what a busy port means.
func startCore(ctx context.Context, env Env, dbPath, mode string) (*core, error) {
	started := time.Now()
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
	log := newLogger(env.Stderr)
	startPprof(env, log)
	c := &core{db: db, log: log, events: &app.Broadcaster{}, started: started}
	// The listener exists before the use cases (they report and move it);
	// its handler is set once the live bot is wired.
	mux := http.NewServeMux()
	c.webhook = server.NewListener("webhook listener", mux, log)
	cfg := config.New(db, env.Getenv)
	// The built-in tunnel serves the same handler as the listener: the
	// webhook, health and notify routes, never the UI.
	c.tunnel = newTunnel(cfg, mux, c.events, log)
	c.media = media.NewLibrary(db, media.Dir(db.Path), log)
	c.studio = studio.New(studio.Deps{DB: db, Config: cfg, Log: log, Events: c.events, Listener: c.webhook, Tunnel: c.tunnel,
		Media: c.media})
	c.mediaRoute = media.Handler(c.media)
	c.live = newLive(db, c.studio, c.media, c.events, log)
	health := server.Health{Version: app.Build().Version, Started: started}
	webhookMux := server.NewWebhookMux(health, c.live.webhook)
	// Notifications from the business's own systems come in beside
	// Meta's webhook, so they work through the same tunnel.
	webhookMux.Handle("POST /notify/{trigger}", c.studio.Triggers.NotifyHandler(c.live.inbox))
	// The templates' demo order API (loopback only; see backend/demo).
	webhookMux.Handle(demo.OrdersPath, demo.OrdersHandler())
	mux.Handle("/", webhookMux)
	c.app = app.New(&app.Deps{Ctx: ctx, Studio: c.studio, Conversations: c.studio.NewConversations(c.live.inbox, c.media),
		Webhook: c.webhook, Log: log, Events: c.events, Mode: mode, DBPath: db.Path, Started: started,
		Media: c.mediaRoute})
	// The inbox resumes pending messages and unsent replies at once.
	liveCtx, stopLive := context.WithCancel(ctx)
	c.stopLive = stopLive
	c.live.calls.Start()
	c.live.downloads.Start(liveCtx)
	c.live.inbox.Start(liveCtx)
	go c.media.SweepEvery(liveCtx, mediaSweepInterval)
	c.studio.Backups.StartDaily(liveCtx)
	// Opens the built-in tunnel when switched on; with it off this does
	// nothing at all.
	if err := c.studio.Settings.ApplyTunnel(ctx); err != nil {
		log.Warn("tunnel: not opened", slog.Any("err", err))
	}
	return c, nil
}

// webhookAddr picks the listen address: the flag when given, else the saved
// setting, else the flag's default.
func (c *core) webhookAddr(ctx context.Context, flagValue string, flagSet bool) string {
	if flagSet {
		return flagValue
	}
	if addr := c.studio.Config().WebhookAddr(ctx); addr != "" {
		return addr
	}
	return flagValue
}

// close stops the listener and closes the database, waiting a bounded time
// for requests in flight.
func (c *core) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := c.tunnel.Stop(ctx); err != nil {
		c.log.Warn("tunnel did not stop cleanly", slog.Any("err", err))
	}
	if err := c.webhook.Stop(ctx); err != nil {
		c.log.Warn("webhook listener did not stop cleanly", slog.Any("err", err))
	}
	// Stop the inbox and wait for the turn or send in hand before the
	// database closes.
	c.stopLive()
	c.live.inbox.Wait()
	c.live.downloads.Wait()
	c.live.calls.Close()
	c.studio.Backups.Wait()
	if err := c.db.Close(); err != nil {
		c.log.Warn("database did not close cleanly", slog.Any("err", err))
	}
}
