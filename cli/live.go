package cli

import (
	"context"
	"log/slog"
	"time"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/inbox"
	"chatflow/backend/media"
	"chatflow/backend/server"
	"chatflow/backend/store"
	"chatflow/backend/studio"
	"chatflow/backend/studio/config"
	"chatflow/backend/whatsapp"
)

// mediaSweepInterval is how often unreferenced media files are looked for
// (besides right after a conversation is deleted).
const mediaSweepInterval = time.Hour

// live is the WhatsApp side of the process: the engine over the published
// flow, the inbox that runs it for each customer, the webhook that feeds the
// inbox, and the batcher that records the bot's API calls. Settings are read
// through the config owner at each use, so a change on the Settings page
// applies without a restart.
type live struct {
	inbox     *inbox.Service
	webhook   *server.WhatsAppWebhook
	calls     *apicall.LogBatcher
	downloads *media.Downloader
}

// newLive wires the live bot. It starts nothing: startCore starts the
// inbox, the downloads and the batcher, and serves the webhook. Attachments
// go through lib: customers' files are downloaded into it, files a flow
// attaches are uploaded from it (once, then sent by media id), and an API
// node may send only its files.
func newLive(db *store.DB, st *studio.Studio, lib *media.Library, events inbox.Events, log *slog.Logger) *live {
	calls := apicall.NewLogBatcher(db, log)
	client := &apicall.Client{FileAllowed: lib.Files().Contains}
	eng := st.LiveEngine(apicall.NewRunner(liveDefinitions{db, calls}, client, log))
	cfg := st.Config()
	downloads := newDownloader(lib, cfg, events, log)
	graph := whatsapp.Client{}
	svc := inbox.New(db, inbox.Options{
		Engine:  eng,
		Runtime: cfg.Runtime,
		Sender:  media.NewSender(lib, graph, graph),
		Media:   downloads,
		Events:  events,
		Log:     log,
	})
	return &live{
		inbox:     svc,
		calls:     calls,
		downloads: downloads,
		webhook: &server.WhatsAppWebhook{
			Secrets:  cfg.WebhookSecrets,
			Inbox:    svc,
			Verified: noteVerified(cfg, log),
			Log:      log,
		},
	}
}

// newDownloader wires the background download of customers' attachments:
// the Graph API settings come from the config owner at each try, and each
// change of a message's file reaches the UI as the message's status event.
func newDownloader(lib *media.Library, cfg *config.Config, events inbox.Events, log *slog.Logger) *media.Downloader {
	return media.NewDownloader(lib, media.DownloaderOptions{
		Config: func(ctx context.Context) (whatsapp.Config, error) {
			rt, err := cfg.Runtime(ctx)
			return rt.Graph, err
		},
		OnChange: func(m store.Message) { events.Emit(inbox.EventStatus, inbox.View(m)) },
		Log:      log,
	})
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
