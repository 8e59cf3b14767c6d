package backup_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"chatflow/backend/backup"
	"chatflow/backend/media"
	"chatflow/backend/store"
)

var pdf = []byte("%PDF-1.7\nthe spring menu\n%%EOF\n")

// attach stores a file in the database's media library and returns its
// path in the media folder and in the backups' mirror.
func attach(t *testing.T, db *store.DB, data []byte, name string) (live, mirrored string) {
	t.Helper()
	a, err := media.NewLibrary(db, media.Dir(db.Path), nil).Attach(context.Background(), bytes.NewReader(data), name, "document")
	if err != nil {
		t.Fatal(err)
	}
	f, err := db.MediaFile(context.Background(), a.Key)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(media.Dir(db.Path), filepath.FromSlash(f.Name)), filepath.Join(backup.MediaDir(db.Path), filepath.FromSlash(f.Name))
}

// A backup keeps the media files its database names; a restore puts back
// the ones the media folder lost since.
func TestBackupKeepsAndRestoresMedia(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, "with media")
	live, mirrored := attach(t, db, pdf, "menu.pdf")
	b, err := backup.Create(ctx, db.W, db.Path, backup.Manual, t0)
	if err != nil || b.MediaMissing != 0 {
		t.Fatalf("Create: %+v %v", b, err)
	}
	if got, err := os.ReadFile(mirrored); err != nil || !bytes.Equal(got, pdf) {
		t.Fatalf("mirrored file: %v", err)
	}
	if a, _ := os.Stat(live); a != nil {
		if m, _ := os.Stat(mirrored); m != nil && !os.SameFile(a, m) {
			t.Log("the mirror holds a copy (hard links are not possible here)")
		}
	}

	// The file goes from the media folder (its conversation was deleted and
	// swept), then the backup is restored.
	if err := os.Remove(live); err != nil {
		t.Fatal(err)
	}
	if _, err := backup.Stage(ctx, db.Path, b.Path, latest(t)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	res, err := backup.ApplyPending(ctx, db.Path, latest(t), t0.Add(time.Hour))
	if err != nil || !res.Done || res.MediaMissing != 0 {
		t.Fatalf("ApplyPending: %+v %v", res, err)
	}
	if got, err := os.ReadFile(live); err != nil || !bytes.Equal(got, pdf) {
		t.Fatalf("restored file: %v", err)
	}
}

// Pruning removes the mirrored files no kept backup names, and keeps the
// ones a kept backup still needs.
func TestPruneMedia(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, "x")
	_, oldMirror := attach(t, db, pdf, "menu.pdf")
	if _, err := backup.Create(ctx, db.W, db.Path, backup.Manual, t0); err != nil {
		t.Fatal(err)
	}
	// The old file is no longer named (as after a sweep); a new one is.
	if _, err := db.W.ExecContext(ctx, `DELETE FROM media_files`); err != nil {
		t.Fatal(err)
	}
	_, newMirror := attach(t, db, []byte("%PDF-1.7\nthe summer menu\n"), "summer.pdf")
	if _, err := backup.Create(ctx, db.W, db.Path, backup.Manual, t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := backup.Prune(db.Path, 2); err != nil {
		t.Fatal(err)
	}
	if !exists(oldMirror) || !exists(newMirror) {
		t.Fatal("pruning with both backups kept removed a mirrored file")
	}
	if err := backup.Prune(db.Path, 1); err != nil {
		t.Fatal(err)
	}
	if exists(oldMirror) || !exists(newMirror) {
		t.Fatalf("after pruning the old backup: old kept %v, new kept %v", exists(oldMirror), exists(newMirror))
	}
}

// A file the database names but the media folder lacks is counted, and the
// backup is made anyway.
func TestBackupCountsMissingMedia(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, "x")
	live, _ := attach(t, db, pdf, "menu.pdf")
	os.Remove(live)
	b, err := backup.Create(ctx, db.W, db.Path, backup.Manual, t0)
	if err != nil || b.MediaMissing != 1 {
		t.Fatalf("Create: %+v %v", b, err)
	}
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
