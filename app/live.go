package app

import (
	"context"
	"errors"
	"fmt"

	"chatflow/backend/apicall"
	"chatflow/backend/engine"
	"chatflow/backend/flow"
	"chatflow/backend/inbox"
	"chatflow/backend/server"
	"chatflow/backend/store"
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
		Flows:      storeFlows{deps},
		APIs:       apicall.NewRunner(deps.DB, nil, deps.Log),
		Attributes: deps.DB.Attributes,
		Logger:     deps.Log,
		CallSource: "live",
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

// storeFlows is the engine's FlowSource over the database.
type storeFlows struct{ deps *Deps }

// Published returns the live flow, and false when none is published.
func (f storeFlows) Published(ctx context.Context) (flow.Flow, bool, error) {
	fl, err := f.deps.DB.PublishedFlow(ctx)
	if errors.Is(err, store.ErrNotFound) {
		return flow.Flow{}, false, nil
	}
	if err != nil {
		return flow.Flow{}, false, err
	}
	return fl, true, nil
}

// ByID returns one flow; a deleted flow is reported as engine.ErrFlowNotFound.
func (f storeFlows) ByID(ctx context.Context, id int64) (flow.Flow, error) {
	fl, err := f.deps.DB.Flow(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return flow.Flow{}, fmt.Errorf("%w: %w", engine.ErrFlowNotFound, err)
	}
	return fl, err
}
