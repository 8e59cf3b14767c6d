package media

import (
	"context"
	"log/slog"
	"time"
)

// SweepResult says what a sweep removed.
type SweepResult struct {
	// Files counts removed files and Bytes their size.
	Files int   `json:"files"`
	Bytes int64 `json:"bytes"`
}

// Sweep removes the files nothing refers to any more (mark and sweep rather
// than reference counts, so no count can drift): the rows that no
// attachment, sent message or flow names, untouched for SweepGrace, and the
// files on disk that no row describes (a crash between writing a file and
// its row), as old. It runs after a conversation is deleted and at start.
func (l *Library) Sweep(ctx context.Context) (SweepResult, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	before := l.now().Add(-SweepGrace)
	var res SweepResult
	unused, err := l.db.UnreferencedMediaFiles(ctx, before)
	if err != nil {
		return res, err
	}
	for _, f := range unused {
		gone, err := l.db.DeleteMediaFileIfUnreferenced(ctx, f.SHA256, before)
		if err != nil {
			return res, err
		}
		if !gone {
			continue
		}
		if err := l.files.remove(f.Name); err != nil {
			l.log.Warn("media: a swept file could not be deleted", slog.String("file", f.Name), slog.Any("err", err))
			continue
		}
		res.Files++
		res.Bytes += f.Size
	}
	onDisk, err := l.files.walk(before)
	if err != nil {
		return res, err
	}
	known, err := l.db.MediaFileNames(ctx)
	if err != nil {
		return res, err
	}
	for name, modified := range onDisk {
		if known[name] || !modified.Before(before) {
			continue
		}
		if err := l.files.remove(name); err == nil {
			res.Files++
		}
	}
	if res.Files > 0 {
		l.log.Info("media: unused files removed", slog.Int("files", res.Files), slog.Int64("bytes", res.Bytes))
	}
	return res, nil
}

// SweepEvery sweeps at once and then every interval until ctx ends (the
// process runs it in the background; Sweep's grace keeps what was stored a
// moment ago). Failures are logged: the next round tries again.
func (l *Library) SweepEvery(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if _, err := l.Sweep(ctx); err != nil && ctx.Err() == nil {
			l.log.Warn("media: sweep", slog.Any("err", err))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
