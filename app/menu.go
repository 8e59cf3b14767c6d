package app

import (
	"context"
	"fmt"
	goruntime "runtime"

	"github.com/wailsapp/wails/v2/pkg/menu"
	"github.com/wailsapp/wails/v2/pkg/menu/keys"
)

// appMenu builds the desktop window's native menu. window returns the Wails
// context once the window exists (menu clicks only happen after that).
//
// On macOS the App and Edit menus carry the system's roles: without the Edit
// menu Cmd+C/V/X/Z/A do nothing in the web view's text fields. WebKitGTK and
// WebView2 handle those keys themselves, and Wails implements roles only on
// macOS, so Linux and Windows get no Edit menu (whose accelerators would also
// take Ctrl+Z away from the flow editor's own undo).
func appMenu(window func() context.Context, data *Data) *menu.Menu {
	m := menu.NewMenu()
	if goruntime.GOOS == "darwin" {
		m.Append(menu.AppMenu())
	}
	withWindow := func(fn func(ctx context.Context)) menu.Callback {
		return func(*menu.CallbackData) {
			if ctx := window(); ctx != nil {
				fn(ctx)
			}
		}
	}

	file := m.AddSubmenu("File")
	file.AddText("Open data folder", nil, func(*menu.CallbackData) { data.OpenFolder() })
	file.AddText("Back up now", nil, func(*menu.CallbackData) { data.BackupNow() })
	file.AddSeparator()
	file.AddText("Quit", keys.CmdOrCtrl("q"), func(*menu.CallbackData) { data.Quit() })

	if goruntime.GOOS == "darwin" {
		m.Append(menu.EditMenu())
	}

	view := m.AddSubmenu("View")
	view.AddText("Reload", keys.CmdOrCtrl("r"), withWindow(reloadWindow))
	view.AddText("Toggle full screen", keys.Key("F11"), withWindow(toggleFullscreen))

	help := m.AddSubmenu("Help")
	help.AddText("About Chatflow Studio", nil, withWindow(func(ctx context.Context) {
		infoDialog(ctx, "About Chatflow Studio", aboutText())
	}))
	return m
}

// aboutText is the About box: what the app is, its version and commit.
func aboutText() string {
	b := Build()
	return fmt.Sprintf("Chatflow Studio %s\nCommit %s\n%s\n\nDesign WhatsApp chatbots and run them from this computer.",
		b.Version, b.CommitOr("unknown"), b.GoVersion)
}
