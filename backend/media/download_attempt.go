package media

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/whatsapp"
)

// notConfiguredWait is how often a download waits for WhatsApp settings
// (not counted as a failed try).
const notConfiguredWait = time.Minute

// FileDetails is what a message's details hold under "file" once its
// attachment was tried: the inbox shows the file, a download, or why not.
type FileDetails struct {
	// State is pending (retrying), done or failed.
	State string `json:"state"`
	// Key is the stored file's SHA-256, its address in the UI's
	// media/{key} route.
	Key  string `json:"key,omitempty"`
	Mime string `json:"mime,omitempty"`
	Size int64  `json:"size,omitempty"`
	// Name is the name to show and to save the file under.
	Name  string `json:"name,omitempty"`
	Error string `json:"error,omitempty"`
	// Attempts counts failed tries while the state is pending.
	Attempts int `json:"attempts,omitempty"`
}

func (f FileDetails) json() string {
	b, _ := json.Marshal(f)
	return string(b)
}

// attempt makes one try at a download and records what came of it. The
// row is read again first: the loop's list may predate the end of an
// earlier try of the same download.
func (d *Downloader) attempt(ctx context.Context, listed store.MediaDownload) {
	row, err := d.lib.db.MediaDownload(ctx, listed.MessageID)
	if err != nil || row.State != store.MediaPending || row.NextAttemptAt.After(d.opt.Now()) {
		return
	}
	cfg, err := d.opt.Config(ctx)
	if err == nil && cfg.AccessToken == "" {
		err = whatsapp.ErrNotConfigured
	}
	if err == nil {
		tctx, cancel := context.WithTimeout(ctx, d.opt.Timeout)
		err = d.fetch(tctx, cfg, row)
		cancel()
	}
	if err == nil || ctx.Err() != nil {
		return // done, or shutting down: the row stays pending for the next start
	}
	d.failOrRetry(ctx, row, err)
}

// fetch downloads, checks and stores one attachment.
func (d *Downloader) fetch(ctx context.Context, cfg whatsapp.Config, row store.MediaDownload) error {
	limit, ok := Limits[row.Kind]
	if !ok {
		return fmt.Errorf("%w: %q is not a kind of media", ErrRefused, row.Kind)
	}
	info, err := d.opt.Graph.MediaInfo(ctx, cfg, row.WaMediaID)
	if err != nil {
		return err
	}
	declared := info.MimeType
	if declared == "" {
		declared = row.DeclaredMime
	}
	if info.FileSize > limit {
		return fmt.Errorf("%w: the file has %s, more than the %s WhatsApp allows for %s", ErrRefused,
			formatSize(info.FileSize), formatSize(limit), kindWord(row.Kind))
	}
	if !allowedType(row.Kind, declared) {
		_, err := Check(row.Kind, declared, nil) // a type the kind never allows: not worth the transfer
		return err
	}
	st, err := d.lib.files.Stage(limit + 1)
	if err != nil {
		return err
	}
	n, err := d.opt.Graph.Download(ctx, cfg, info.URL, limit, st)
	if err != nil {
		st.Discard()
		var tooLarge *whatsapp.TooLargeError
		if errors.As(err, &tooLarge) {
			return fmt.Errorf("%w: the file is larger than the %s WhatsApp allows for %s", ErrRefused, formatSize(limit), kindWord(row.Kind))
		}
		return err
	}
	if info.FileSize > 0 && n != info.FileSize {
		st.Discard()
		return fmt.Errorf("media: the download stopped after %s of %s", formatSize(n), formatSize(info.FileSize))
	}
	sum := st.Sum()
	if !whatsapp.ChecksumMatches(info.SHA256, sum) || !whatsapp.ChecksumMatches(row.DeclaredSHA256, sum) {
		st.Discard()
		return errors.New("media: the downloaded file does not match the checksum WhatsApp announced")
	}
	mimeType, err := Check(row.Kind, declared, st.Head())
	if err != nil {
		st.Discard()
		return err
	}
	var m store.Message
	_, err = d.lib.keep(st, mimeType, func(f store.MediaFile) error {
		var err error
		details := FileDetails{State: store.MediaDone, Key: f.SHA256, Mime: f.Mime, Size: f.Size, Name: fileName(row, mimeType)}
		m, err = d.lib.db.FinishMediaDownload(ctx, row.MessageID, &f, details.json(), "", d.opt.Now())
		return err
	})
	if errors.Is(err, store.ErrNotFound) {
		return nil // the conversation was deleted meanwhile; the sweep takes the file
	}
	if err != nil {
		return err
	}
	d.log.Info("media: attachment downloaded", slog.Int64("message", row.MessageID), slog.String("type", mimeType), slog.Int64("bytes", n))
	d.opt.OnChange(m)
	d.ended(row.MessageID)
	return nil
}

// failOrRetry records a failed try: a refusal or a permanent Graph API
// answer ends the download, anything else is tried again with backoff
// until GiveUpAfter or MaxAttempts.
func (d *Downloader) failOrRetry(ctx context.Context, row store.MediaDownload, cause error) {
	now := d.opt.Now()
	reason := failureReason(cause)
	waiting := errors.Is(cause, whatsapp.ErrNotConfigured)
	var apiErr *whatsapp.APIError
	permanent := errors.Is(cause, ErrRefused) || errors.Is(cause, whatsapp.ErrUnsafeMediaURL) ||
		(errors.As(cause, &apiErr) && !apiErr.Retryable)
	expired := now.Sub(row.CreatedAt) >= d.opt.GiveUpAfter || row.Attempts+1 >= d.opt.MaxAttempts
	if permanent || (expired && !waiting) || (waiting && now.Sub(row.CreatedAt) >= d.opt.GiveUpAfter) {
		details := FileDetails{State: store.MediaFailed, Error: reason, Name: fileName(row, BaseMIME(row.DeclaredMime))}
		m, err := d.lib.db.FinishMediaDownload(ctx, row.MessageID, nil, details.json(), reason, now)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			d.log.Error("media: record failed download", slog.Int64("message", row.MessageID), slog.Any("err", err))
			return
		}
		d.log.Warn("media: attachment not downloaded", slog.Int64("message", row.MessageID), slog.String("reason", reason))
		if err == nil {
			d.opt.OnChange(m)
		}
		d.ended(row.MessageID)
		return
	}
	wait := notConfiguredWait
	attempts := row.Attempts
	if !waiting {
		wait = backoff(d.opt.RetryBase, d.opt.RetryMax, row.Attempts)
		attempts++
	}
	details := FileDetails{State: store.MediaPending, Error: reason, Attempts: attempts}
	m, err := d.lib.db.RetryMediaDownload(ctx, row.MessageID, now.Add(wait), reason, details.json(), !waiting)
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) {
			d.log.Error("media: schedule download retry", slog.Int64("message", row.MessageID), slog.Any("err", err))
		}
		return
	}
	d.log.Warn("media: download failed, will retry", slog.Int64("message", row.MessageID),
		slog.Int("attempt", attempts), slog.Duration("in", wait), slog.String("reason", reason))
	d.opt.OnChange(m)
}

// failureReason is the sentence the inbox shows for a failed try.
func failureReason(err error) string {
	var apiErr *whatsapp.APIError
	switch {
	case errors.Is(err, whatsapp.ErrNotConfigured):
		return "waiting for the WhatsApp settings (access token)"
	case errors.As(err, &apiErr):
		if apiErr.HTTPStatus == 0 && apiErr.Err != nil {
			return "could not reach WhatsApp: " + apiErr.Err.Error()
		}
		return apiErr.Message
	case errors.Is(err, ErrRefused):
		return trimPrefix(err.Error(), ErrRefused.Error()+": ")
	}
	return trimPrefix(err.Error(), "media: ")
}

func trimPrefix(s, prefix string) string {
	if len(s) >= len(prefix) && s[:len(prefix)] == prefix {
		return s[len(prefix):]
	}
	return s
}

// fileName is the name a downloaded file is shown and saved under: the
// customer's own for a document, else one made from the kind.
func fileName(row store.MediaDownload, mimeType string) string {
	if n := CleanFilename(row.Filename); n != "" {
		return n
	}
	base := map[string]string{KindImage: "photo", KindAudio: "audio", KindVideo: "video", KindSticker: "sticker"}[row.Kind]
	if base == "" {
		base = "document"
	}
	return base + Extension(mimeType)
}

// allowedType reports whether kind allows mimeType at all.
func allowedType(kind, mimeType string) bool {
	base := BaseMIME(mimeType)
	for _, t := range allowed[kind] {
		if t.mime == base {
			return true
		}
	}
	return false
}

// backoff is the wait before try number attempt+2: base doubled per
// attempt, capped, half fixed and half random.
func backoff(base, limit time.Duration, attempt int) time.Duration {
	w := base
	for i := 0; i < attempt && w < limit; i++ {
		w *= 2
	}
	w = min(w, limit)
	half := w / 2
	return half + time.Duration(rand.Int64N(int64(half)+1))
}
