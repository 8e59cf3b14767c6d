package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"path/filepath"
	"sync/atomic"

	"chatflow/backend/store"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
)

// Window geometry is remembered in these settings between runs.
const (
	settingWindowWidth  = "window.width"
	settingWindowHeight = "window.height"
	settingWindowX      = "window.x"
	settingWindowY      = "window.y"
)

// runDesktop opens the window and runs the webhook listener in the same
// process. A busy webhook port does not stop the window from opening: the
// Settings page shows the listener's state and lets the owner pick another.
func runDesktop(ctx context.Context, env Env, args []string) error {
	fl := newFlags("", env)
	dbPath := dbFlag(fl)
	webhookAddr := fl.String("webhook-addr", DefaultWebhookAddr, "`address` of the WhatsApp webhook listener")
	applyWhatsApp := addWhatsAppFlags(fl)
	if err := parseFlags(fl, args, 0); err != nil {
		return err
	}
	applyWhatsApp(&env)
	if generatingBindings {
		// The Wails CLI runs this build only to read the bound methods.
		return wails.Run(&options.App{Title: "Chatflow Studio", Bind: New(&Deps{}).Bindings()})
	}

	c, err := startCore(ctx, env, *dbPath, "desktop")
	if err != nil {
		return err
	}
	defer c.close()
	if err := c.deps.Webhook.Start(c.webhookAddr(ctx, *webhookAddr, flagWasSet(fl, "webhook-addr"))); err != nil {
		c.deps.Log.Error("webhook listener not started", slog.Any("err", err))
	}

	var window atomic.Pointer[context.Context]
	width, _ := c.deps.DB.IntSetting(ctx, settingWindowWidth, 1280)
	height, _ := c.deps.DB.IntSetting(ctx, settingWindowHeight, 820)
	return wails.Run(&options.App{
		Title:     "Chatflow Studio",
		Width:     width,
		Height:    height,
		MinWidth:  960,
		MinHeight: 600,
		AssetServer: &assetserver.Options{
			Assets: env.Assets,
		},
		Bind: c.app.Bindings(),
		Menu: appMenu(func() context.Context {
			if w := window.Load(); w != nil {
				return *w
			}
			return nil
		}, c.app.Data),
		OnStartup: func(wctx context.Context) {
			window.Store(&wctx)
			c.app.Data.window.attach(wctx)
			c.deps.Events.Attach(wailsEvents{ctx: wctx})
			go func() {
				// Quit the window when the process is asked to stop (SIGTERM).
				<-ctx.Done()
				c.app.Data.Quit()
			}()
		},
		OnDomReady: func(wctx context.Context) {
			_, saved, _ := c.deps.DB.Setting(ctx, settingWindowX)
			if saved {
				x, _ := c.deps.DB.IntSetting(ctx, settingWindowX, 0)
				y, _ := c.deps.DB.IntSetting(ctx, settingWindowY, 0)
				placeWindow(wctx, x, y)
			}
		},
		OnBeforeClose: func(wctx context.Context) bool {
			rememberGeometry(c.deps.DB, wctx)
			// Ask (or do as remembered) whether to keep the bot running.
			return c.app.Data.window.beforeClose(wctx)
		},
		SingleInstanceLock: &options.SingleInstanceLock{
			// One window per database: a second start on the same file
			// focuses the first window instead of opening the file twice.
			UniqueId: instanceID(c.deps.DB.Path),
			OnSecondInstanceLaunch: func(options.SecondInstanceData) {
				if wctx := window.Load(); wctx != nil {
					showWindow(*wctx)
				}
			},
		},
		Linux: &linux.Options{ProgramName: "chatflow"},
	})
}

// instanceID names the single-instance lock after the database file.
func instanceID(dbPath string) string {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		abs = dbPath
	}
	sum := sha256.Sum256([]byte(abs))
	return "studio.chatflow.desktop." + hex.EncodeToString(sum[:8])
}

// rememberGeometry saves the window's size and position for the next start.
// It runs when the window is closed and before a quit (menu, SIGTERM), which
// Wails does not route through OnBeforeClose. It uses its own context because
// a quit on SIGTERM happens after the process context is cancelled.
func rememberGeometry(db *store.DB, wctx context.Context) {
	w, h, x, y := windowGeometry(wctx)
	if w <= 0 || h <= 0 {
		return
	}
	ctx := context.Background()
	db.SetIntSetting(ctx, settingWindowWidth, w)
	db.SetIntSetting(ctx, settingWindowHeight, h)
	db.SetIntSetting(ctx, settingWindowX, x)
	db.SetIntSetting(ctx, settingWindowY, y)
}
