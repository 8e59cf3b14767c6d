package cli

import (
	"context"
	"log/slog"
	"time"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/inbox"
	"chatflow/backend/server"
	"chatflow/backend/store"
	"chatflow/backend/studio"
	"chatflow/backend/studio/config"
)

// live is the WhatsApp side of the process: the engine over the published
// flow, the inbox that runs it for each customer, the webhook that feeds the
// inbox, and the batcher that records the bot's API calls. Settings are read
// through the config owner at each use, so a change on the Settings page
// applies without a restart.
type live struct {
	inbox   *inbox.Service
	webhook *server.WhatsAppWebhook
	calls   *apicall.LogBatcher
}

// newLive wires the live bot. It starts nothing: startCore starts the
// inbox and the batcher, and serves the webhook.
func newLive(db *store.DB, st *studio.Studio, events inbox.Events, log *slog.Logger) *live {
	calls := apicall.NewLogBatcher(db, log)
	eng := st.LiveEngine(apicall.NewRunner(liveDefinitions{db, calls}, nil, log))
	cfg := st.Config()
	svc := inbox.New(db, inbox.Options{
		Engine:  eng,
		Runtime: cfg.Runtime,
		Events:  events,
		Log:     log,
	})
	return &live{
		inbox: svc,
		calls: calls,
		webhook: &server.WhatsAppWebhook{
			Secrets:  cfg.WebhookSecrets,
			Inbox:    svc,
			Verified: noteVerified(cfg, log),
			Log:      log,
		},
	}
}

// liveDefinitions is the live bot's apicall.Store: definitions from the
// store's live cache (shared, read-only), call-log entries through the
// batcher.
type liveDefinitions struct {
	db *store.DB
	*apicall.LogBatcher
}

// APIByName loads a saved API through the live cache.
func (l liveDefinitions) APIByName(ctx context.Context, name string) (apicall.Definition, error) {
	return l.db.LiveAPI(ctx, name)
}

// Attributes lists the custom attribute definitions through the live cache.
func (l liveDefinitions) Attributes(ctx context.Context) ([]attribute.Definition, error) {
	return l.db.LiveAttributes(ctx)
}

// noteVerified records each successful verification handshake for the
// Settings page's status.
func noteVerified(cfg *config.Config, log *slog.Logger) func(at time.Time) {
	return func(at time.Time) {
		if err := cfg.NoteVerified(context.Background(), at); err != nil {
			log.Warn("settings: record verification", "err", err)
		}
	}
}
