package app

import (
	"log/slog"
	"time"
)

// System answers questions about the running app itself: version, mode and
// where its data lives.
type System struct{ d *Deps }

// SystemInfo describes the running app for the status bar and About box.
type SystemInfo struct {
	Version     string `json:"version"`
	Commit      string `json:"commit"`
	Mode        string `json:"mode"`
	DBPath      string `json:"dbPath"`
	WebhookAddr string `json:"webhookAddr"`
	StartedAt   string `json:"startedAt"`
	// OpenRoute is the page the window opens on when the UI starts without
	// one (chatflow --open-flow NAME); empty otherwise.
	OpenRoute string `json:"openRoute"`
}

// Info returns what the UI shows about this build and process.
func (s *System) Info() (SystemInfo, error) {
	b := Build()
	info := SystemInfo{Version: b.Version, Commit: b.Commit, Mode: s.d.Mode, DBPath: s.d.DBPath,
		StartedAt: s.d.Started.UTC().Format(time.RFC3339), OpenRoute: s.d.OpenRoute}
	if s.d.Webhook != nil {
		info.WebhookAddr = s.d.Webhook.Addr()
	}
	return info, nil
}

// FrontendReady is called once by the UI after it has rendered, with the
// page it shows (its hash route). Logging it gives the desktop smoke test and
// a person reading the log proof that the window's frontend loaded, reached
// Go and opened the page asked for.
func (s *System) FrontendReady(route string) error {
	s.d.Log.Info("frontend ready", slog.String("mode", s.d.Mode), slog.String("route", route))
	return nil
}

// OpenOn makes the window open on route (a hash route such as "#/flows/3")
// when the UI starts without one.
func (a *App) OpenOn(route string) { a.System.d.OpenRoute = route }
