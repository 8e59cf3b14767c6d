package app

import (
	"context"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// This file is the only place that calls the Wails runtime, so that every
// service stays testable without a window and the browser mode needs no
// second code path.

// wailsEvents delivers events to the desktop window.
type wailsEvents struct{ ctx context.Context }

// Emit sends one event to the window's JavaScript listeners.
func (w wailsEvents) Emit(name string, data any) { runtime.EventsEmit(w.ctx, name, data) }

// windowGeometry reads the window's current size and position.
func windowGeometry(ctx context.Context) (w, h, x, y int) {
	w, h = runtime.WindowGetSize(ctx)
	x, y = runtime.WindowGetPosition(ctx)
	return
}

// placeWindow moves the window to a remembered position.
func placeWindow(ctx context.Context, x, y int) { runtime.WindowSetPosition(ctx, x, y) }

// showWindow brings the window to the front (used by the single-instance lock).
func showWindow(ctx context.Context) {
	runtime.WindowUnminimise(ctx)
	runtime.WindowShow(ctx)
}

// quitApp ends the desktop event loop.
func quitApp(ctx context.Context) { runtime.Quit(ctx) }

// hideWindow hides the window; the process, the webhook listener and the bot
// keep running, and starting the app again shows the window.
func hideWindow(ctx context.Context) { runtime.WindowHide(ctx) }

// reloadWindow reloads the frontend (View > Reload).
func reloadWindow(ctx context.Context) { runtime.WindowReloadApp(ctx) }

// toggleFullscreen switches the window in and out of full screen.
func toggleFullscreen(ctx context.Context) {
	if runtime.WindowIsFullscreen(ctx) {
		runtime.WindowUnfullscreen(ctx)
		return
	}
	runtime.WindowFullscreen(ctx)
}

// infoDialog shows a native message box (Help > About).
func infoDialog(ctx context.Context, title, message string) {
	runtime.MessageDialog(ctx, runtime.MessageDialogOptions{Type: runtime.InfoDialog, Title: title, Message: message})
}
