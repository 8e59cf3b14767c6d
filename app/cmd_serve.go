package app

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"chatflow/backend/server"
)

// DefaultUIAddr is where browser mode serves the UI.
const DefaultUIAddr = "127.0.0.1:8081"

// runServe runs without a window: the webhook listener plus the same UI
// served to a browser on loopback behind a token.
func runServe(ctx context.Context, env Env, args []string) error {
	fl := newFlags("serve", env)
	dbPath := dbFlag(fl)
	webhookAddr := fl.String("webhook-addr", DefaultWebhookAddr, "`address` of the WhatsApp webhook listener")
	uiAddr := fl.String("ui-addr", DefaultUIAddr, "`address` of the browser UI (keep it on loopback)")
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
	c.deps.Events.Attach(hub)
	rpc, err := server.NewRegistry(c.app.Bindings())
	if err != nil {
		return err
	}
	ui := server.NewListener("UI server", server.NewUIHandler(server.UIConfig{
		Token: *token, Assets: env.Assets, RPC: rpc, Events: hub,
	}), c.deps.Log)

	if err := c.deps.Webhook.Start(c.webhookAddr(ctx, *webhookAddr, flagWasSet(fl, "webhook-addr"))); err != nil {
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
	fmt.Fprintf(env.Stdout, "webhook: http://%s\n", c.deps.Webhook.Addr())
	c.deps.Log.Info("chatflow serve ready", slog.String("db", c.deps.DB.Path),
		slog.Duration("startup", time.Since(c.deps.Started)))
	releaseUnusedPages(c.deps.Log)

	<-ctx.Done()
	c.deps.Log.Info("shutting down")
	return nil
}
