package app

import (
	"chatflow/backend/apicall"
	"chatflow/backend/engine"
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
}

// newLive wires the live bot over deps. It starts nothing; startLive does.
func newLive(deps *Deps, settings *Settings) *live {
	eng := engine.New(engine.Deps{
		Flows:      deps.DB.EngineFlows(),
		APIs:       apicall.NewRunner(deps.DB, nil, deps.Log),
		Attributes: deps.DB.Attributes,
		Logger:     deps.Log,
		CallSource: "live",
		Cache:      exprCache,
	})
	svc := inbox.New(deps.DB, inbox.Options{
		Engine:  eng,
		Runtime: settings.runtime,
		Events:  deps.Events,
		Log:     deps.Log,
	})
	return &live{
		inbox: svc,
		webhook: &server.WhatsAppWebhook{
			Secrets:  settings.secrets,
			Inbox:    svc,
			Verified: settings.noteVerified,
			Log:      deps.Log,
		},
	}
}
