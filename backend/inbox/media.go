package inbox

import (
	"context"
	"database/sql"
	"time"

	"chatflow/backend/engine"
	"chatflow/backend/media"
	"chatflow/backend/store"
	"chatflow/backend/whatsapp"
)

// Media is the media store's side of the inbox: it downloads the
// attachments Accept queued and tells a worker how one stands.
// *media.Downloader implements it.
type Media interface {
	// Kick says a download was queued.
	Kick()
	// Await waits at most limit for a message's download to end.
	Await(ctx context.Context, messageID int64, limit time.Duration) media.Result
}

// DefaultMediaWait is how long a media message's turn waits for its
// download: a photo arrives in a second or two, and a retry after a failed
// try (2 s, 4 s, 8 s, ...) still fits. Past it the turn runs without the
// file (the flow sees message.media.* without a path, and a question asking
// for a file takes its retry path); the download goes on in the background
// and the conversation shows the file when it arrives.
const DefaultMediaWait = 30 * time.Second

// queueDownloadTx queues the download of a customer message's attachment
// in the webhook's transaction, so it is as durable as the message. It
// reports whether one was queued.
func (s *Service) queueDownloadTx(ctx context.Context, tx *sql.Tx, m whatsapp.Message, row store.Message) (bool, error) {
	if s.opt.Media == nil || m.Media == nil || !media.ValidKind(m.Type) {
		return false, nil
	}
	err := store.InsertMediaDownloadTx(ctx, tx, store.MediaDownload{MessageID: row.ID, ContactID: row.ContactID,
		WaMediaID: m.Media.ID, Kind: m.Type, DeclaredMime: m.Media.MimeType, DeclaredSHA256: m.Media.SHA256,
		Filename: m.Media.Filename, Caption: m.Media.Caption, CreatedAt: s.opt.Now()})
	return err == nil, err
}

// attachment is what a turn learns of its message's attachment: the
// stored file once downloaded (waiting MediaWait at most), or why there is
// none. Nil for a message without one.
func (s *Service) attachment(ctx context.Context, messageID int64, m whatsapp.Message) *engine.Media {
	if m.Media == nil || !media.ValidKind(m.Type) {
		return nil
	}
	a := &engine.Media{Kind: m.Type, Mime: media.BaseMIME(m.Media.MimeType), Caption: m.Media.Caption,
		Filename: media.CleanFilename(m.Media.Filename)}
	if s.opt.Media == nil {
		a.Error = "attachments are not downloaded here"
		return a
	}
	res := s.opt.Media.Await(ctx, messageID, s.opt.MediaWait)
	switch res.State {
	case store.MediaDone:
		a.Path, a.Mime = res.Path, res.Mime
	case store.MediaFailed:
		a.Error = res.Error
	default:
		a.Error = "the file was still downloading"
	}
	return a
}
