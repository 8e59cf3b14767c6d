package backup

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// ErrInUse means another process has the database open, so a staged restore
// cannot replace it yet; it stays staged for the next start.
var ErrInUse = errors.New("the database is open in another Chatflow Studio")

// PendingPath is where a restore waits for the next start: beside the
// database, named <database>.restore-pending.
func PendingPath(dbPath string) string { return dbPath + ".restore-pending" }

// failedPath is where a staged restore that no longer validates is moved,
// so it is kept for a person to look at but never retried.
func failedPath(dbPath string) string { return dbPath + ".restore-failed" }

// Pending reports whether a restore is staged.
func Pending(dbPath string) bool {
	_, err := os.Stat(PendingPath(dbPath))
	return err == nil
}

// CancelPending forgets a staged restore.
func CancelPending(dbPath string) error {
	if err := os.Remove(PendingPath(dbPath)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("backup: cancel the restore: %w", err)
	}
	return nil
}

// Stage validates src and copies it to the pending-restore file of the
// database at dbPath. The copy is made with VACUUM INTO from a read-only
// connection, so a source that is itself a live WAL database is copied whole,
// and it is validated again before it replaces any earlier staged restore.
func Stage(ctx context.Context, dbPath, src string, latest int) (Info, error) {
	if same(src, dbPath) {
		return Info{}, errors.New("backup: that file is the database in use; pick a backup")
	}
	if _, err := Validate(ctx, src, latest); err != nil {
		return Info{}, err
	}
	db, err := sql.Open("sqlite", readOnlyDSN(src))
	if err != nil {
		return Info{}, fmt.Errorf("backup: open %s: %w", filepath.Base(src), err)
	}
	defer db.Close()
	staging := PendingPath(dbPath) + ".new"
	os.Remove(staging)
	if err := vacuumInto(ctx, db, staging); err != nil {
		return Info{}, err
	}
	info, err := Validate(ctx, staging, latest)
	if err != nil {
		os.Remove(staging)
		return Info{}, err
	}
	if err := os.Rename(staging, PendingPath(dbPath)); err != nil {
		os.Remove(staging)
		return Info{}, fmt.Errorf("backup: stage the restore: %w", err)
	}
	return info, nil
}

// Applied says what ApplyPending did.
type Applied struct {
	// Done is true when a staged restore replaced the database.
	Done bool
	// Kept is the backup of the database that was replaced (empty when there
	// was no database yet).
	Kept Backup
	// MediaMissing counts media files the restored database names that
	// neither the media folder nor the backups' mirror holds.
	MediaMissing int
}

// ApplyPending finishes a staged restore, and must run before the database
// is opened. With nothing staged it does nothing. Otherwise it validates the
// staged file once more, takes an exclusive lock on the current database
// (failing with ErrInUse when another process has it open), keeps it as a
// "before-restore" backup, and moves the staged file into its place. A staged
// file that no longer validates is set aside as <database>.restore-failed and
// the current database is left untouched.
func ApplyPending(ctx context.Context, dbPath string, latest int, now time.Time) (Applied, error) {
	pending := PendingPath(dbPath)
	if _, err := os.Stat(pending); errors.Is(err, os.ErrNotExist) {
		return Applied{}, nil
	}
	if _, err := Validate(ctx, pending, latest); err != nil {
		os.Rename(pending, failedPath(dbPath))
		return Applied{}, fmt.Errorf("backup: the staged restore was set aside: %w", err)
	}
	var res Applied
	if _, err := os.Stat(dbPath); err == nil {
		kept, err := keepCurrent(ctx, dbPath, now)
		if err != nil {
			return Applied{}, err
		}
		res.Kept = kept
	}
	// The WAL and shared-memory files belong to the database being replaced;
	// left beside the restored file they would be replayed into it.
	for _, side := range []string{dbPath + "-wal", dbPath + "-shm", dbPath + "-journal"} {
		if err := os.Remove(side); err != nil && !errors.Is(err, os.ErrNotExist) {
			return Applied{}, fmt.Errorf("backup: remove %s: %w", filepath.Base(side), err)
		}
	}
	if err := os.Rename(pending, dbPath); err != nil {
		return Applied{}, fmt.Errorf("backup: put the restored database in place: %w", err)
	}
	res.Done = true
	missing, err := restoreMedia(ctx, dbPath)
	if err != nil {
		return res, err
	}
	res.MediaMissing = missing
	if err := Prune(dbPath, Keep); err != nil {
		return res, err
	}
	return res, nil
}

// keepCurrent copies the current database into a before-restore backup
// while holding SQLite's exclusive lock, which also proves that no other
// process has the database open.
func keepCurrent(ctx context.Context, dbPath string, now time.Time) (Backup, error) {
	db, err := sql.Open("sqlite", fileURI(dbPath)+"?_pragma=busy_timeout(200)&_pragma=locking_mode(EXCLUSIVE)")
	if err != nil {
		return Backup{}, fmt.Errorf("backup: open the current database: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, `BEGIN EXCLUSIVE; COMMIT;`); err != nil {
		if isNotDatabase(err) || isDamaged(err) {
			// A damaged database is what a restore is for: keep its bytes.
			db.Close()
			return copyRaw(dbPath, now)
		}
		return Backup{}, fmt.Errorf("backup: %w (%v)", ErrInUse, err)
	}
	kept, err := Create(ctx, db, dbPath, BeforeRestore, now)
	if err != nil {
		return Backup{}, err
	}
	// Closing the last connection checkpoints the WAL into the file that is
	// about to be replaced; the copy above already holds everything.
	if err := db.Close(); err != nil {
		return Backup{}, fmt.Errorf("backup: close the current database: %w", err)
	}
	return kept, nil
}

// copyRaw keeps a database SQLite cannot open as a before-restore backup,
// byte for byte.
func copyRaw(dbPath string, now time.Time) (Backup, error) {
	name := fmt.Sprintf("%s-%s-%s.db", stem(dbPath), now.UTC().Format(timeLayout), BeforeRestore)
	path := filepath.Join(Dir(dbPath), name)
	if err := os.MkdirAll(Dir(dbPath), 0o700); err != nil {
		return Backup{}, fmt.Errorf("backup: create the backups folder: %w", err)
	}
	data, err := os.ReadFile(dbPath)
	if err != nil {
		return Backup{}, fmt.Errorf("backup: read the current database: %w", err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return Backup{}, fmt.Errorf("backup: keep the current database: %w", err)
	}
	return stat(path, name, now.UTC(), BeforeRestore)
}

// same reports whether a and b name the same file.
func same(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	if errA != nil || errB != nil {
		return filepath.Clean(a) == filepath.Clean(b)
	}
	return os.SameFile(fa, fb)
}
