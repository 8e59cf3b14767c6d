package app

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"

	"chatflow/backend/apperr"
	"chatflow/backend/studio/config"
)

// EventCloseRequested is emitted when the owner closes the desktop window
// and the app should ask whether to keep the bot running or quit.
const EventCloseRequested = "window:close-requested"

// windowControl is what the Data service may do with the desktop window. It
// is empty in browser mode, where there is no window.
type windowControl struct {
	deps *Deps
	mu   sync.Mutex
	ctx  context.Context
	// dialogReady is set once the frontend's close dialog is listening; until
	// then closing the window quits, so a broken page never traps the owner.
	dialogReady atomic.Bool
	// quitting lets the next close through.
	quitting atomic.Bool
}

// attach gives the service the Wails context once the window exists.
func (w *windowControl) attach(ctx context.Context) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.ctx = ctx
}

func (w *windowControl) context() context.Context {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.ctx
}

func (w *windowControl) config() *config.Config { return w.deps.Studio.Config() }

// beforeClose decides what closing the window does; true keeps the window
// open (Wails' OnBeforeClose contract).
func (w *windowControl) beforeClose(ctx context.Context) bool {
	if w.quitting.Load() || !w.dialogReady.Load() {
		return false
	}
	action, _ := w.config().CloseAction(w.deps.Ctx)
	switch action {
	case config.CloseQuit:
		return false
	case config.CloseBackground:
		hideWindow(ctx)
		w.deps.Log.Info("window hidden; the bot keeps running")
		return true
	}
	w.deps.Events.Emit(EventCloseRequested, nil)
	return true
}

// CloseDialogReady is called by the desktop frontend once its close dialog
// listens for EventCloseRequested.
func (d *Data) CloseDialogReady() error {
	d.window.dialogReady.Store(true)
	return nil
}

// CloseWindow answers the close question: "background" hides the window and
// keeps the webhook listener and bot running (starting the app again shows
// it), "quit" ends the app. With remember the answer is kept and the
// question is not asked again.
func (d *Data) CloseWindow(action string, remember bool) error {
	if action != config.CloseBackground && action != config.CloseQuit {
		return apperr.Invalid("action", "Choose to keep the bot running or to quit.")
	}
	ctx := d.window.context()
	if ctx == nil {
		return apperr.Errorf(apperr.EUNAVAILABLE, "There is no window to close in browser mode.")
	}
	if remember {
		if err := d.window.config().SetCloseAction(d.d.Ctx, action); err != nil {
			d.d.Log.Warn("data: remember the close choice", slog.Any("err", err))
		}
	}
	if action == config.CloseBackground {
		hideWindow(ctx)
		d.d.Log.Info("window hidden; the bot keeps running")
		return nil
	}
	return d.Quit()
}

// CloseAction returns the remembered answer to the close question ("" when
// the app asks each time).
func (d *Data) CloseAction() (string, error) { return d.window.config().CloseAction(d.d.Ctx) }

// SetCloseAction changes the remembered answer ("" to ask each time).
func (d *Data) SetCloseAction(action string) error {
	if action != config.CloseAsk && action != config.CloseBackground && action != config.CloseQuit {
		return apperr.Invalid("action", "Choose ask, keep running or quit.")
	}
	return d.window.config().SetCloseAction(d.d.Ctx, action)
}

// Quit ends the desktop app: the window closes, the listener stops and the
// database is closed cleanly.
func (d *Data) Quit() error {
	ctx := d.window.context()
	if ctx == nil {
		return apperr.Errorf(apperr.EUNAVAILABLE, "Browser mode has no window to quit; stop chatflow serve where it runs.")
	}
	d.window.quitting.Store(true)
	rememberGeometry(d.window.config(), ctx)
	quitApp(ctx)
	return nil
}
