package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"

	"chatflow/app"
	"chatflow/backend/store"
	"chatflow/backend/studio/config"
)

// runDesktop opens the window and runs the webhook listener in the same
// process. A busy webhook port does not stop the window from opening: the
// Settings page shows the listener's state and lets the owner pick another.
func runDesktop(ctx context.Context, env Env, args []string) error {
	fl := newFlags("", env)
	dbPath := dbFlag(fl)
	webhookAddr := fl.String("webhook-addr", config.DefaultWebhookAddr, "`address` of the WhatsApp webhook listener")
	openFlow := fl.String("open-flow", "", "open the window on the editor of the flow called `name`")
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
	if *openFlow != "" {
		f, err := c.db.FlowByName(ctx, *openFlow)
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("--open-flow: there is no flow called %q in %s", *openFlow, c.db.Path)
		}
		if err != nil {
			return fmt.Errorf("--open-flow: %w", err)
		}
		c.app.OpenOn("#/flows/" + strconv.FormatInt(f.ID, 10))
	}
	if err := c.webhook.Start(c.webhookAddr(ctx, *webhookAddr, flagWasSet(fl, "webhook-addr"))); err != nil {
		c.log.Error("webhook listener not started", slog.Any("err", err))
	}
	return app.RunWindow(ctx, c.app, env.Assets)
}
