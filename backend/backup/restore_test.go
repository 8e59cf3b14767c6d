package backup_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chatflow/backend/backup"
	"chatflow/backend/store"
)

// writeFile writes data to a new file in a temporary folder.
func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// damaged returns a backup whose table pages are overwritten with garbage
// while its header stays intact.
func damaged(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	db := openDB(t, strings.Repeat("y", 20000))
	b, err := backup.Create(ctx, db.W, db.Path, backup.Manual, t0)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(b.Path)
	for i := 4096; i < len(data); i += 97 {
		data[i] ^= 0x5a
	}
	return writeFile(t, "damaged.db", data)
}

// sqliteWithout returns an SQLite file that is not a Chatflow database.
func sqliteWithout(t *testing.T, schema int) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "other.db")
	db, err := sql.Open("sqlite", p)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.Exec(`CREATE TABLE notes (body TEXT)`)
	if schema > 0 {
		db.Exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at INTEGER)`)
		db.Exec(`INSERT INTO schema_migrations VALUES (?, 'future', 0)`, schema)
	}
	return p
}

func TestValidate(t *testing.T) {
	ctx := context.Background()
	max := latest(t)
	db := openDB(t, "x")
	good, err := backup.Create(ctx, db.W, db.Path, backup.Manual, t0)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
		want error // nil: valid
	}{
		{"a backup", good.Path, nil},
		{"the live database", db.Path, nil},
		{"text", writeFile(t, "notes.db", []byte("these are my notes, not a database")), backup.ErrNotBackup},
		{"an empty file", writeFile(t, "empty.db", nil), backup.ErrNotBackup},
		{"another SQLite database", sqliteWithout(t, 0), backup.ErrNotBackup},
		{"a newer schema", sqliteWithout(t, max+1), backup.ErrTooNew},
		{"damaged pages", damaged(t), backup.ErrCorrupt},
		{"a folder", t.TempDir(), backup.ErrNotBackup},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := backup.Validate(ctx, tt.path, max)
			if tt.want == nil {
				if err != nil || info.Schema != max {
					t.Fatalf("Validate: %+v %v", info, err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("Validate: %v, want %v", err, tt.want)
			}
		})
	}
	if _, err := backup.Validate(ctx, filepath.Join(t.TempDir(), "missing.db"), max); err == nil {
		t.Fatal("a missing file validated")
	}
}

func TestStageAndApplyPending(t *testing.T) {
	ctx := context.Background()
	max := latest(t)
	db := openDB(t, "before")
	b, err := backup.Create(ctx, db.W, db.Path, backup.Manual, t0)
	if err != nil {
		t.Fatal(err)
	}
	db.SetSetting(ctx, "probe", "after")

	if _, err := backup.Stage(ctx, db.Path, db.Path, max); err == nil {
		t.Fatal("staged the database in use as its own restore")
	}
	if _, err := backup.Stage(ctx, db.Path, damaged(t), max); !errors.Is(err, backup.ErrCorrupt) {
		t.Fatalf("staged a damaged file: %v", err)
	}
	if backup.Pending(db.Path) {
		t.Fatal("a refused file was staged")
	}
	if _, err := backup.Stage(ctx, db.Path, b.Path, max); err != nil {
		t.Fatal(err)
	}
	if !backup.Pending(db.Path) {
		t.Fatal("nothing staged")
	}

	// While the database is open the swap waits for the next start.
	if _, err := backup.ApplyPending(ctx, db.Path, max, t0.Add(time.Hour)); !errors.Is(err, backup.ErrInUse) {
		t.Fatalf("ApplyPending with the database open: %v", err)
	}
	if !backup.Pending(db.Path) {
		t.Fatal("the staged restore was lost while the database was in use")
	}
	db.Close()

	res, err := backup.ApplyPending(ctx, db.Path, max, t0.Add(time.Hour))
	if err != nil || !res.Done || res.Kept.Kind != backup.BeforeRestore {
		t.Fatalf("ApplyPending: %+v %v", res, err)
	}
	if backup.Pending(db.Path) {
		t.Fatal("the staged file is still there")
	}
	if got := settingIn(t, res.Kept.Path); got != "after" {
		t.Fatalf("the replaced database was kept holding %q", got)
	}
	reopened, err := store.Open(ctx, db.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	if v, _ := reopened.StringSetting(ctx, "probe", ""); v != "before" {
		t.Fatalf("after the restore the database holds %q", v)
	}
	// Nothing staged: nothing happens.
	if res, err := backup.ApplyPending(ctx, db.Path, max, t0); err != nil || res.Done {
		t.Fatalf("ApplyPending with nothing staged: %+v %v", res, err)
	}
}

func TestApplyPendingSetsAsideABadFile(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, "current")
	db.Close()
	// A staged file damaged after staging is never swapped in.
	if err := os.WriteFile(backup.PendingPath(db.Path), []byte("garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := backup.ApplyPending(ctx, db.Path, latest(t), t0)
	if err == nil || res.Done || !errors.Is(err, backup.ErrNotBackup) {
		t.Fatalf("ApplyPending of garbage: %+v %v", res, err)
	}
	if backup.Pending(db.Path) {
		t.Fatal("the bad file is still staged")
	}
	if _, err := os.Stat(db.Path + ".restore-failed"); err != nil {
		t.Fatalf("the bad file was not set aside: %v", err)
	}
	if got := settingIn(t, db.Path); got != "current" {
		t.Fatalf("the database changed: %q", got)
	}
}

func TestCancelPending(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, "x")
	b, _ := backup.Create(ctx, db.W, db.Path, backup.Manual, t0)
	if _, err := backup.Stage(ctx, db.Path, b.Path, latest(t)); err != nil {
		t.Fatal(err)
	}
	if err := backup.CancelPending(db.Path); err != nil || backup.Pending(db.Path) {
		t.Fatalf("CancelPending: %v", err)
	}
	if err := backup.CancelPending(db.Path); err != nil {
		t.Fatalf("CancelPending twice: %v", err)
	}
}

// TestApplyPendingOverAnUnreadableDatabase restores over a current file
// SQLite cannot open (not a database, by its result code): its bytes are
// kept as the before-restore backup, since rescuing it is what the restore is
// for.
func TestApplyPendingOverAnUnreadableDatabase(t *testing.T) {
	ctx := context.Background()
	max := latest(t)
	db := openDB(t, "good")
	b, err := backup.Create(ctx, db.W, db.Path, backup.Manual, t0)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	junk := []byte(strings.Repeat("not a database; ", 400))
	if err := os.WriteFile(db.Path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, side := range []string{db.Path + "-wal", db.Path + "-shm"} {
		os.Remove(side)
	}
	if _, err := backup.Stage(ctx, db.Path, b.Path, max); err != nil {
		t.Fatal(err)
	}
	res, err := backup.ApplyPending(ctx, db.Path, max, t0.Add(time.Hour))
	if err != nil || !res.Done || res.Kept.Kind != backup.BeforeRestore {
		t.Fatalf("ApplyPending over junk: %+v %v", res, err)
	}
	if kept, _ := os.ReadFile(res.Kept.Path); !bytes.Equal(kept, junk) {
		t.Fatalf("the unreadable database was not kept byte for byte (%d bytes)", len(kept))
	}
	if got := settingIn(t, db.Path); got != "good" {
		t.Fatalf("after the restore the database holds %q", got)
	}
}
