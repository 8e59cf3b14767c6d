package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path/filepath"
	"sync/atomic"

	"chatflow/backend/studio/config"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
)

// GenerateBindings runs the Wails app with the bound services only; the
// Wails CLI builds the program with the bindings tag (GeneratingBindings)
// and runs it this way to write frontend/wailsjs.
func GenerateBindings() error {
	return wails.Run(&options.App{Title: "Chatflow Studio", Bind: New(&Deps{}).Bindings()})
}

// RunWindow opens the desktop window over a and blocks until it closes.
// ctx is the process's: when it ends (SIGTERM) the window quits.
func RunWindow(ctx context.Context, a *App, assets fs.FS) error {
	d := a.Data.d
	cfg := d.Studio.Config()
	var window atomic.Pointer[context.Context]
	geo := cfg.WindowGeometry(ctx)
	return wails.Run(&options.App{
		Title:     "Chatflow Studio",
		Width:     geo.Width,
		Height:    geo.Height,
		MinWidth:  960,
		MinHeight: 600,
		AssetServer: &assetserver.Options{
			Assets: assets,
			// Called for what the assets lack and for every non-GET
			// request: the media files and the editor's attachments.
			Handler: d.Media,
		},
		Bind:           a.Bindings(),
		ErrorFormatter: FormatError,
		Menu: appMenu(func() context.Context {
			if w := window.Load(); w != nil {
				return *w
			}
			return nil
		}, a.Data),
		OnStartup: func(wctx context.Context) {
			window.Store(&wctx)
			a.Data.window.attach(wctx)
			d.Events.Attach(wailsEvents{ctx: wctx})
			go func() {
				// Quit the window when the process is asked to stop (SIGTERM).
				<-ctx.Done()
				a.Data.Quit()
			}()
		},
		OnDomReady: func(wctx context.Context) {
			if geo.Placed {
				placeWindow(wctx, geo.X, geo.Y)
			}
		},
		OnBeforeClose: func(wctx context.Context) bool {
			rememberGeometry(cfg, wctx)
			// Ask (or do as remembered) whether to keep the bot running.
			return a.Data.window.beforeClose(wctx)
		},
		SingleInstanceLock: &options.SingleInstanceLock{
			// One window per database: a second start on the same file
			// focuses the first window instead of opening the file twice.
			UniqueId: instanceID(d.DBPath),
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
func rememberGeometry(cfg *config.Config, wctx context.Context) {
	w, h, x, y := windowGeometry(wctx)
	if w <= 0 || h <= 0 {
		return
	}
	cfg.SetWindowGeometry(context.Background(), config.Geometry{Width: w, Height: h, X: x, Y: y})
}
