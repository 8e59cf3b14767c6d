package app

import (
	"chatflow/backend/apicall"
	"chatflow/backend/inbox"
	"chatflow/backend/server"
)

// live is the WhatsApp side of the process: the engine over the stored
// flows and APIs, the inbox that runs it for each customer, and the webhook
// that feeds the inbox. Settings are read at each use, so a change on the
// Settings page applies without a restart.
type live struct {
	inbox   *inbox.Service
	webhook *server.WhatsAppWebhook
	// calls records the live bot's API calls in the background.
	calls *callLogWriter
}

// newLive wires the live bot over deps. It starts nothing: core starts the
// inbox and serves the webhook.
func newLive(deps *Deps, settings *Settings) *live {
	calls := newCallLogWriter(deps.DB, deps.Log)
	eng := NewLiveEngine(deps, apicall.NewRunner(calls, nil, deps.Log))
	svc := inbox.New(deps.DB, inbox.Options{
		Engine:  eng,
		Runtime: settings.runtime,
		Events:  deps.Events,
		Log:     deps.Log,
	})
	return &live{
		inbox: svc,
		calls: calls,
		webhook: &server.WhatsAppWebhook{
			Secrets:  settings.secrets,
			Inbox:    svc,
			Verified: settings.noteVerified,
			Log:      deps.Log,
		},
	}
}
