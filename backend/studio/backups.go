package studio

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"chatflow/backend/apperr"
	"chatflow/backend/backup"
	"chatflow/backend/store"
)

// dailyBackupAge is how old the newest backup may be before the daily loop
// makes another.
const dailyBackupAge = 24 * time.Hour

// Backups are the data housekeeping use cases: where the data lives, backups
// made by hand and every day, and restoring one at the next start.
type Backups struct {
	s *Studio
	// Now is the clock (tests move it).
	Now func() time.Time
	// Check is how often the daily loop looks at the clock.
	Check time.Duration

	// mu makes backups one at a time (the daily loop and the button).
	mu   sync.Mutex
	loop sync.WaitGroup
}

func newBackups(s *Studio) *Backups {
	return &Backups{s: s, Now: time.Now, Check: time.Hour}
}

// DataFolder says where the app keeps its data.
type DataFolder struct {
	// Path is the folder holding the database.
	Path string `json:"path"`
	// DBPath is the database file and BackupsPath the backups folder.
	DBPath      string `json:"dbPath"`
	BackupsPath string `json:"backupsPath"`
	// SizeBytes is the database's size on disk, with its WAL.
	SizeBytes int64 `json:"sizeBytes"`
	// RestorePending is true when a restore waits for the next start.
	RestorePending bool `json:"restorePending"`
}

// BackupInfo is one backup file in the list.
type BackupInfo struct {
	Name      string `json:"name"`
	Path      string `json:"path"`
	CreatedAt string `json:"createdAt"`
	SizeBytes int64  `json:"sizeBytes"`
	// Kind is "manual", "daily" or "before-restore".
	Kind string `json:"kind"`
}

// RestoreResult answers a staged restore.
type RestoreResult struct {
	// Message is the sentence to show: the restore finishes at the next start.
	Message string `json:"message"`
	// Flows is how many flows the backup holds.
	Flows int `json:"flows"`
}

// Folder reports where the data lives.
func (u *Backups) Folder() DataFolder {
	path := u.s.db.Path
	out := DataFolder{Path: filepath.Dir(path), DBPath: path, BackupsPath: backup.Dir(path),
		RestorePending: backup.Pending(path)}
	for _, f := range []string{path, path + "-wal"} {
		if fi, err := os.Stat(f); err == nil {
			out.SizeBytes += fi.Size()
		}
	}
	return out
}

// BackupNow makes a backup at once and keeps only the newest seven.
func (u *Backups) BackupNow(ctx context.Context) (BackupInfo, error) {
	b, err := u.backup(ctx, backup.Manual)
	if err != nil {
		return BackupInfo{}, apperr.Wrap(apperr.EINTERNAL, err,
			fmt.Sprintf("The backup could not be made: %s.", strings.TrimPrefix(err.Error(), "backup: ")))
	}
	return backupInfo(b), nil
}

// List returns the backups, newest first.
func (u *Backups) List() ([]BackupInfo, error) {
	list, err := backup.List(u.s.db.Path)
	if err != nil {
		u.s.log.Warn("studio: list backups", slog.Any("err", err))
		return nil, apperr.Wrap(apperr.EINTERNAL, err, "The backups folder could not be read.")
	}
	out := make([]BackupInfo, 0, len(list))
	for _, b := range list {
		out = append(out, backupInfo(b))
	}
	return out, nil
}

// Restore checks a backup file and stages it; the app finishes the restore
// the next time it starts, after keeping the current data as a backup.
func (u *Backups) Restore(ctx context.Context, path string) (RestoreResult, error) {
	path = strings.TrimSpace(path)
	if path == "" {
		return RestoreResult{}, apperr.Invalid("path", "Choose a backup file to restore.")
	}
	latest, err := store.LatestSchema()
	if err != nil {
		return RestoreResult{}, u.s.internal("read the schema version", err)
	}
	info, err := backup.Stage(ctx, u.s.db.Path, path, latest)
	if err != nil {
		u.s.log.Warn("studio: restore refused", slog.String("file", path), slog.Any("err", err))
		return RestoreResult{}, restoreError(err)
	}
	u.s.emit(EventBackupsChanged, nil)
	return RestoreResult{Flows: info.Flows,
		Message: "The backup is ready. Quit Chatflow Studio and start it again to finish the restore; your current data is kept as a backup."}, nil
}

// CancelRestore forgets a staged restore.
func (u *Backups) CancelRestore() error {
	if err := backup.CancelPending(u.s.db.Path); err != nil {
		return apperr.Wrap(apperr.EINTERNAL, err, "The staged restore could not be removed.")
	}
	u.s.emit(EventBackupsChanged, nil)
	return nil
}

// restoreError turns a refusal into one sentence for the owner.
func restoreError(err error) error {
	switch {
	case errors.Is(err, backup.ErrNotBackup):
		return apperr.Wrap(apperr.EINVALID, err, "That file is not a Chatflow Studio backup.")
	case errors.Is(err, backup.ErrCorrupt):
		return apperr.Wrap(apperr.EINVALID, err, "That backup is damaged and cannot be restored.")
	case errors.Is(err, backup.ErrTooNew):
		return apperr.Wrap(apperr.EINVALID, err, "That backup was made by a newer Chatflow Studio; update the app first.")
	}
	msg := strings.TrimPrefix(err.Error(), "backup: ")
	return apperr.Wrap(apperr.EINVALID, err, fmt.Sprintf("The backup could not be restored: %s.", strings.TrimSuffix(msg, ".")))
}

// backup makes one backup of the given kind and prunes the old ones.
func (u *Backups) backup(ctx context.Context, kind backup.Kind) (backup.Backup, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	b, err := backup.Create(ctx, u.s.db.W, u.s.db.Path, kind, u.Now())
	if err != nil {
		u.s.log.Error("studio: backup", slog.String("kind", string(kind)), slog.Any("err", err))
		return backup.Backup{}, err
	}
	if err := backup.Prune(u.s.db.Path, backup.Keep); err != nil {
		u.s.log.Warn("studio: prune backups", slog.Any("err", err))
	}
	u.s.log.Info("backup made", slog.String("file", b.Path), slog.Int64("bytes", b.Size))
	u.s.emit(EventBackupsChanged, nil)
	return b, nil
}

func backupInfo(b backup.Backup) BackupInfo {
	return BackupInfo{Name: b.Name, Path: b.Path, CreatedAt: b.Created.UTC().Format(time.RFC3339),
		SizeBytes: b.Size, Kind: string(b.Kind)}
}

// StartDaily runs the automatic daily backup until ctx ends: it looks at
// once and then every Check, and backs up when the newest backup (of any
// kind) is a day old or there is none. Wait for it with Wait.
func (u *Backups) StartDaily(ctx context.Context) {
	u.loop.Add(1)
	go func() {
		defer u.loop.Done()
		t := time.NewTicker(u.Check)
		defer t.Stop()
		for {
			u.Daily(ctx)
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
}

// Wait waits for the daily loop to stop (after its context ends), so the
// database is not closed under a backup.
func (u *Backups) Wait() { u.loop.Wait() }

// Daily makes the daily backup when one is due; it reports whether it made
// one.
func (u *Backups) Daily(ctx context.Context) bool {
	newest, ok, err := backup.Latest(u.s.db.Path)
	if err != nil {
		u.s.log.Warn("studio: daily backup: list", slog.Any("err", err))
		return false
	}
	if ok && u.Now().Sub(newest.Created) < dailyBackupAge {
		return false
	}
	if ctx.Err() != nil {
		return false
	}
	_, err = u.backup(ctx, backup.Daily)
	return err == nil
}
