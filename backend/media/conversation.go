package media

import (
	"context"
	"log/slog"
	"time"
)

// DeleteConversation deletes a contact and its whole conversation
// (store.DB.DeleteContact) and, at once, the files of its messages that
// nothing else refers to: the same photo sent in another conversation, an
// outgoing message or a flow's attachment keeps its file. Unlike the sweep
// it does not wait SweepGrace for these files: they came from the
// conversation, which is gone. The store's ErrNotFound is returned for an
// unknown contact.
func (l *Library) DeleteConversation(ctx context.Context, contactID int64) (SweepResult, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var res SweepResult
	files, err := l.db.ContactMediaFiles(ctx, contactID)
	if err != nil {
		return res, err
	}
	if err := l.db.DeleteContact(ctx, contactID); err != nil {
		return res, err
	}
	// Anything touched up to now may go: the references decide.
	before := l.now().Add(time.Millisecond)
	for _, f := range files {
		gone, err := l.db.DeleteMediaFileIfUnreferenced(ctx, f.SHA256, before)
		if err != nil {
			return res, err
		}
		if !gone {
			continue
		}
		if err := l.files.remove(f.Name); err != nil {
			l.log.Warn("media: a file of a deleted conversation could not be deleted", slog.String("file", f.Name), slog.Any("err", err))
			continue
		}
		res.Files++
		res.Bytes += f.Size
	}
	return res, nil
}
