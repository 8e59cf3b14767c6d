package media

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/whatsapp"
)

// UploadValidity is how long the sender reuses a media id. WhatsApp keeps
// uploads for 30 days; a day's margin covers a send that is retried for
// hours after the id was checked.
const UploadValidity = 29 * 24 * time.Hour

// Next is the sender a Sender hands messages to; whatsapp.Client is one.
type Next interface {
	Send(ctx context.Context, cfg whatsapp.Config, m whatsapp.Outgoing) (string, error)
}

// Uploader uploads stored files to the Graph API; whatsapp.Client is one.
type Uploader interface {
	Upload(ctx context.Context, cfg whatsapp.Config, filename, mimeType string, size int64, body io.Reader) (string, error)
}

// Sender sends messages through Next, first turning a stored file
// (Outgoing.MediaFile) into a media id: the id cached for this phone number
// when it is younger than UploadValidity, else a new upload, cached. The
// inbox uses it as its sender, so a failed upload is a send failure like
// any other (retried when the Graph API's answer says so). When WhatsApp no
// longer knows a cached id (131053), the id is dropped and the send is
// retried, which uploads again.
type Sender struct {
	lib    *Library
	next   Next
	upload Uploader
	now    func() time.Time
	log    *slog.Logger
	// locks makes concurrent sends of one file upload it once.
	locks sync.Map // sha256+phone -> *sync.Mutex
}

// NewSender wraps next (and its upload) with the upload cache of lib.
func NewSender(lib *Library, next Next, upload Uploader) *Sender {
	return &Sender{lib: lib, next: next, upload: upload, now: time.Now, log: lib.log}
}

// SetClock replaces the clock (tests).
func (s *Sender) SetClock(now func() time.Time) { s.now = now }

// Send delivers m, uploading its stored file first when needed.
func (s *Sender) Send(ctx context.Context, cfg whatsapp.Config, m whatsapp.Outgoing) (string, error) {
	if !m.NeedsUpload() {
		return s.next.Send(ctx, cfg, m)
	}
	if cfg.PhoneNumberID == "" || cfg.AccessToken == "" {
		return "", whatsapp.ErrNotConfigured
	}
	id, err := s.mediaID(ctx, cfg, m.MediaFile)
	if err != nil {
		return "", err
	}
	m.MediaID = id
	wamid, err := s.next.Send(ctx, cfg, m)
	var apiErr *whatsapp.APIError
	if errors.As(err, &apiErr) && apiErr.Code == mediaUnknownCode {
		if ferr := s.lib.db.ForgetMediaUpload(ctx, m.MediaFile, cfg.PhoneNumberID, id); ferr != nil {
			return "", ferr
		}
		s.log.Warn("media: WhatsApp no longer knows an uploaded file; it will be uploaded again", slog.String("mediaId", id))
		apiErr.Retryable = true
	}
	return wamid, err
}

// mediaUnknownCode is Meta's "Media upload error", which it answers for a
// media id it does not (or no longer) have.
const mediaUnknownCode = 131053

// ErrMissingFile is returned when a message's stored file is gone from the
// media folder; sending it again cannot succeed.
var ErrMissingFile = errors.New("the attached file is no longer in the data folder; attach it again in the flow")

// mediaID returns a valid media id for a stored file on cfg's number.
func (s *Sender) mediaID(ctx context.Context, cfg whatsapp.Config, key string) (string, error) {
	lock, _ := s.locks.LoadOrStore(key+"|"+cfg.PhoneNumberID, &sync.Mutex{})
	mu := lock.(*sync.Mutex)
	mu.Lock()
	defer mu.Unlock()
	id, at, ok, err := s.lib.db.MediaUpload(ctx, key, cfg.PhoneNumberID)
	if err != nil {
		return "", err
	}
	if ok && s.now().Sub(at) < UploadValidity {
		return id, nil
	}
	f, path, err := s.lib.Lookup(ctx, key)
	if errors.Is(err, store.ErrNotFound) {
		return "", ErrMissingFile
	}
	if err != nil {
		return "", err
	}
	file, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return "", ErrMissingFile
	}
	if err != nil {
		return "", fmt.Errorf("media: open an attachment: %w", err)
	}
	defer file.Close()
	id, err = s.upload.Upload(ctx, cfg, uploadName(f), f.Mime, f.Size, file)
	if err != nil {
		return "", err
	}
	if err := s.lib.db.SaveMediaUpload(ctx, key, cfg.PhoneNumberID, id, s.now()); err != nil {
		return "", err
	}
	s.log.Info("media: attachment uploaded", slog.String("file", f.Name), slog.String("mediaId", id))
	return id, nil
}

// uploadName is the file name sent with an upload; documents carry their
// own name in the message (Outgoing.Filename).
func uploadName(f store.MediaFile) string {
	return f.SHA256[:12] + Extension(f.Mime)
}
