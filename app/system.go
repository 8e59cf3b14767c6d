package app

import (
	"log/slog"
	"time"
)

// System answers questions about the running app itself: version, mode and
// where its data lives.
type System struct {
	deps *Deps
}

// SystemInfo describes the running app for the status bar and About box.
type SystemInfo struct {
	Version     string `json:"version"`
	Commit      string `json:"commit"`
	Mode        string `json:"mode"`
	DBPath      string `json:"dbPath"`
	WebhookAddr string `json:"webhookAddr"`
	StartedAt   string `json:"startedAt"`
}

// Info returns what the UI shows about this build and process.
func (s *System) Info() (SystemInfo, error) {
	b := Build()
	return SystemInfo{
		Version:     b.Version,
		Commit:      b.Commit,
		Mode:        s.deps.Mode,
		DBPath:      s.deps.DB.Path,
		WebhookAddr: s.deps.Webhook.Addr(),
		StartedAt:   s.deps.Started.UTC().Format(time.RFC3339),
	}, nil
}

// FrontendReady is called once by the UI after it has rendered. Logging it
// gives the desktop smoke test and a person reading the log proof that the
// window's frontend loaded and reached Go.
func (s *System) FrontendReady() error {
	s.deps.Log.Info("frontend ready", slog.String("mode", s.deps.Mode))
	return nil
}
