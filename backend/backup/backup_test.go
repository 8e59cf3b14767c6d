package backup_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"chatflow/backend/backup"
	"chatflow/backend/store"
)

var t0 = time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)

// openDB opens a fresh store in a temporary folder with one setting saved.
func openDB(t *testing.T, value string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "chatflow.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.SetSetting(context.Background(), "probe", value); err != nil {
		t.Fatal(err)
	}
	return db
}

func latest(t *testing.T) int {
	t.Helper()
	v, err := store.LatestSchema()
	if err != nil || v < 1 {
		t.Fatalf("LatestSchema: %d %v", v, err)
	}
	return v
}

// settingIn reads the probe setting from a database file without migrating it.
func settingIn(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v string
	if err := db.QueryRow(`SELECT value FROM settings WHERE key = 'probe'`).Scan(&v); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return v
}

func TestCreateAndList(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, "first")
	if list, err := backup.List(db.Path); err != nil || len(list) != 0 {
		t.Fatalf("List before any backup: %v %v", list, err)
	}
	b1, err := backup.Create(ctx, db.W, db.Path, backup.Manual, t0)
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	db.SetSetting(ctx, "probe", "second")
	b2, err := backup.Create(ctx, db.W, db.Path, backup.Daily, t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if b1.Name != "chatflow-20260301-093000.000-manual.db" || b1.Size == 0 || b1.Kind != backup.Manual {
		t.Fatalf("first backup %+v", b1)
	}
	if filepath.Dir(b1.Path) != backup.Dir(db.Path) {
		t.Fatalf("backups folder %s, want %s", filepath.Dir(b1.Path), backup.Dir(db.Path))
	}
	// Files that are not backups of this database are ignored.
	os.WriteFile(filepath.Join(backup.Dir(db.Path), "notes.txt"), []byte("x"), 0o600)
	os.WriteFile(filepath.Join(backup.Dir(db.Path), "other-20260301-093000.000-manual.db"), []byte("x"), 0o600)

	list, err := backup.List(db.Path)
	if err != nil || len(list) != 2 {
		t.Fatalf("List: %+v %v", list, err)
	}
	if list[0].Name != b2.Name || list[1].Name != b1.Name || !list[0].Created.Equal(t0.Add(time.Hour)) {
		t.Fatalf("not newest first: %+v", list)
	}
	if got := settingIn(t, b1.Path); got != "first" {
		t.Fatalf("first backup holds %q", got)
	}
	if got := settingIn(t, b2.Path); got != "second" {
		t.Fatalf("second backup holds %q", got)
	}
	if _, err := backup.Create(ctx, db.W, db.Path, backup.Manual, t0); err == nil {
		t.Fatal("a second backup with the same time overwrote the first")
	}
	if newest, ok, err := backup.Latest(db.Path); !ok || err != nil || newest.Name != b2.Name {
		t.Fatalf("Latest: %+v %v %v", newest, ok, err)
	}
}

func TestPruneKeepsTheNewestSeven(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, "x")
	for i := range 10 {
		if _, err := backup.Create(ctx, db.W, db.Path, backup.Daily, t0.Add(time.Duration(i)*24*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	if err := backup.Prune(db.Path, backup.Keep); err != nil {
		t.Fatal(err)
	}
	list, _ := backup.List(db.Path)
	if len(list) != 7 {
		t.Fatalf("%d backups kept, want 7", len(list))
	}
	if !list[0].Created.Equal(t0.Add(9*24*time.Hour)) || !list[6].Created.Equal(t0.Add(3*24*time.Hour)) {
		t.Fatalf("kept the wrong ones: newest %s, oldest %s", list[0].Created, list[6].Created)
	}
	entries, _ := os.ReadDir(backup.Dir(db.Path))
	if len(entries) != 7 {
		t.Fatalf("%d files left in the folder", len(entries))
	}
}
