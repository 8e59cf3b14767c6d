package cli

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"chatflow/backend/server"
	"chatflow/backend/studio/config"
)

// runServe runs without a window: the webhook listener plus the same UI
// served to a browser on loopback behind a token.
func runServe(ctx context.Context, env Env, args []string) error {
	fl := newFlags("serve", env)
	dbPath := dbFlag(fl)
	webhookAddr := fl.String("webhook-addr", config.DefaultWebhookAddr, "`address` of the WhatsApp webhook listener")
	uiAddr := fl.String("ui-addr", config.DefaultUIAddr, "`address` of the browser UI (keep it on loopback)")
	token := fl.String("ui-token", "", "access `token` for the browser UI (default: random at each start)")
	applyWhatsApp := addWhatsAppFlags(fl)
	if err := parseFlags(fl, args, 0); err != nil {
		return err
	}
	applyWhatsApp(&env)
	if *token == "" {
		*token = server.NewToken()
	}

	c, err := startCore(ctx, env, *dbPath, "browser")
	if err != nil {
		return err
	}
	defer c.close()

	hub := server.NewHub()
	c.events.Attach(hub)
	rpc, err := server.NewRegistry(c.app.Bindings())
	if err != nil {
		return err
	}
	ui := server.NewListener("UI server", server.NewUIHandler(server.UIConfig{
		Token: *token, Assets: env.Assets, RPC: rpc, Events: hub, Media: c.mediaRoute,
	}), c.log)

	if err := c.webhook.Start(c.webhookAddr(ctx, *webhookAddr, flagWasSet(fl, "webhook-addr"))); err != nil {
		return err
	}
	if err := ui.Start(*uiAddr); err != nil {
		return err
	}
	defer func() {
		stopCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		ui.Stop(stopCtx)
	}()

	// These two lines are a contract: scripts and tests read the addresses
	// from them (ports may be chosen by the system with :0).
	fmt.Fprintf(env.Stdout, "ui: http://%s/?token=%s\n", ui.Addr(), *token)
	fmt.Fprintf(env.Stdout, "webhook: http://%s\n", c.webhook.Addr())
	c.log.Info("chatflow serve ready", slog.String("db", c.db.Path), slog.Duration("startup", time.Since(c.started)))
	releaseUnusedPages(c.log)

	<-ctx.Done()
	c.log.Info("shutting down")
	return nil
}
