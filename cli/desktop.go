package cli

import (
	"context"
	"log/slog"

	"chatflow/app"
	"chatflow/backend/studio/config"
)

// runDesktop opens the window and runs the webhook listener in the same
// process. A busy webhook port does not stop the window from opening: the
// Settings page shows the listener's state and lets the owner pick another.
func runDesktop(ctx context.Context, env Env, args []string) error {
	fl := newFlags("", env)
	dbPath := dbFlag(fl)
	webhookAddr := fl.String("webhook-addr", config.DefaultWebhookAddr, "`address` of the WhatsApp webhook listener")
	applyWhatsApp := addWhatsAppFlags(fl)
	if err := parseFlags(fl, args, 0); err != nil {
		return err
	}
	applyWhatsApp(&env)
	if app.GeneratingBindings {
		// The Wails CLI runs this build only to read the bound methods.
		return app.GenerateBindings()
	}

	c, err := startCore(ctx, env, *dbPath, "desktop")
	if err != nil {
		return err
	}
	defer c.close()
	if err := c.webhook.Start(c.webhookAddr(ctx, *webhookAddr, flagWasSet(fl, "webhook-addr"))); err != nil {
		c.log.Error("webhook listener not started", slog.Any("err", err))
	}
	return app.RunWindow(ctx, c.app, env.Assets)
}
