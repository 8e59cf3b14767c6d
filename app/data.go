package app

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

	"chatflow/backend/backup"
	"chatflow/backend/store"
)

// EventBackupsChanged is emitted after a backup is made or a restore is
// staged or cancelled, so the Settings page can refresh its list.
const EventBackupsChanged = "data:backups"

// Data is the app's own housekeeping: where the data lives, backups and
// restore, the first-run templates and checklist, and (in the desktop
// window) what closing the window does.
type Data struct {
	deps     *Deps
	flows    *Flows
	settings *Settings
	// openPath opens a folder in the system's file manager.
	openPath func(path string) error
	// now is the clock (tests move it).
	now func() time.Time
	// backupCheck is how often the daily backup loop looks at the clock.
	backupCheck time.Duration

	// backupMu makes backups one at a time (the daily loop and the button).
	backupMu sync.Mutex
	loop     sync.WaitGroup
	window   windowControl
}

// NewData returns the Data service.
func NewData(deps *Deps, flows *Flows, settings *Settings) *Data {
	return &Data{deps: deps, flows: flows, settings: settings, openPath: openFolder,
		now: time.Now, backupCheck: time.Hour, window: windowControl{deps: deps}}
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
func (d *Data) Folder() (DataFolder, error) {
	path := d.deps.DB.Path
	out := DataFolder{Path: filepath.Dir(path), DBPath: path, BackupsPath: backup.Dir(path),
		RestorePending: backup.Pending(path)}
	for _, f := range []string{path, path + "-wal"} {
		if fi, err := os.Stat(f); err == nil {
			out.SizeBytes += fi.Size()
		}
	}
	return out, nil
}

// OpenFolder shows the data folder in the system's file manager.
func (d *Data) OpenFolder() error {
	dir := filepath.Dir(d.deps.DB.Path)
	if err := d.openPath(dir); err != nil {
		d.deps.Log.Warn("data: open folder", slog.String("dir", dir), slog.Any("err", err))
		return fmt.Errorf("Could not open the folder here; it is %s.", dir)
	}
	return nil
}

// BackupNow makes a backup at once and keeps only the newest seven.
func (d *Data) BackupNow() (BackupInfo, error) {
	b, err := d.backup(d.deps.Ctx, backup.Manual)
	if err != nil {
		return BackupInfo{}, fmt.Errorf("The backup could not be made: %s.", strings.TrimPrefix(err.Error(), "backup: "))
	}
	return backupInfo(b), nil
}

// Backups lists the backups, newest first.
func (d *Data) Backups() ([]BackupInfo, error) {
	list, err := backup.List(d.deps.DB.Path)
	if err != nil {
		d.deps.Log.Warn("data: list backups", slog.Any("err", err))
		return nil, errors.New("The backups folder could not be read.")
	}
	out := make([]BackupInfo, 0, len(list))
	for _, b := range list {
		out = append(out, backupInfo(b))
	}
	return out, nil
}

// Restore checks a backup file and stages it; the app finishes the restore
// the next time it starts, after keeping the current data as a backup.
func (d *Data) Restore(path string) (RestoreResult, error) {
	path = strings.TrimSpace(path)
	if path == "" {
		return RestoreResult{}, errors.New("Choose a backup file to restore.")
	}
	latest, err := store.LatestSchema()
	if err != nil {
		return RestoreResult{}, err
	}
	info, err := backup.Stage(d.deps.Ctx, d.deps.DB.Path, path, latest)
	if err != nil {
		d.deps.Log.Warn("data: restore refused", slog.String("file", path), slog.Any("err", err))
		return RestoreResult{}, restoreError(err)
	}
	d.deps.Events.Emit(EventBackupsChanged, nil)
	return RestoreResult{Flows: info.Flows,
		Message: "The backup is ready. Quit Chatflow Studio and start it again to finish the restore; your current data is kept as a backup."}, nil
}

// CancelRestore forgets a staged restore.
func (d *Data) CancelRestore() error {
	if err := backup.CancelPending(d.deps.DB.Path); err != nil {
		return errors.New("The staged restore could not be removed.")
	}
	d.deps.Events.Emit(EventBackupsChanged, nil)
	return nil
}

// restoreError turns a refusal into one sentence for the owner.
func restoreError(err error) error {
	switch {
	case errors.Is(err, backup.ErrNotBackup):
		return errors.New("That file is not a Chatflow Studio backup.")
	case errors.Is(err, backup.ErrCorrupt):
		return errors.New("That backup is damaged and cannot be restored.")
	case errors.Is(err, backup.ErrTooNew):
		return errors.New("That backup was made by a newer Chatflow Studio; update the app first.")
	}
	msg := strings.TrimPrefix(err.Error(), "backup: ")
	return fmt.Errorf("The backup could not be restored: %s.", strings.TrimSuffix(msg, "."))
}

// backup makes one backup of the given kind and prunes the old ones.
func (d *Data) backup(ctx context.Context, kind backup.Kind) (backup.Backup, error) {
	d.backupMu.Lock()
	defer d.backupMu.Unlock()
	b, err := backup.Create(ctx, d.deps.DB.W, d.deps.DB.Path, kind, d.now())
	if err != nil {
		d.deps.Log.Error("data: backup", slog.String("kind", string(kind)), slog.Any("err", err))
		return backup.Backup{}, err
	}
	if err := backup.Prune(d.deps.DB.Path, backup.Keep); err != nil {
		d.deps.Log.Warn("data: prune backups", slog.Any("err", err))
	}
	d.deps.Log.Info("backup made", slog.String("file", b.Path), slog.Int64("bytes", b.Size))
	d.deps.Events.Emit(EventBackupsChanged, nil)
	return b, nil
}

func backupInfo(b backup.Backup) BackupInfo {
	return BackupInfo{Name: b.Name, Path: b.Path, CreatedAt: b.Created.UTC().Format(time.RFC3339),
		SizeBytes: b.Size, Kind: string(b.Kind)}
}
