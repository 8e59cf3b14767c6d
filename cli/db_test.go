package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"chatflow/backend/backup"
	"chatflow/backend/store/storetest"
	"chatflow/backend/studio"
)

func TestFinishRestoreAtStart(t *testing.T) {
	ctx := context.Background()
	db := storetest.NewDB(t)
	st := studio.New(studio.Deps{DB: db})
	db.SetSetting(ctx, "probe", "old")
	made, err := st.Backups.BackupNow(ctx)
	if err != nil {
		t.Fatal(err)
	}
	db.SetSetting(ctx, "probe", "new")
	if _, err := st.Backups.Restore(ctx, made.Path); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	// While the app has the database open, nothing happens.
	finishRestore(ctx, &stderr, db.Path)
	if stderr.Len() != 0 || !backup.Pending(db.Path) {
		t.Fatalf("finishRestore with the database open: %q", stderr.String())
	}
	db.Close()
	reopened, err := openDB(ctx, Env{Stderr: &stderr, Getenv: func(string) string { return "" }}, db.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	if v, _ := reopened.StringSetting(ctx, "probe", ""); v != "old" {
		t.Fatalf("after the restore the database holds %q", v)
	}
	if !strings.Contains(stderr.String(), "restored the database from a backup; the previous data is kept as ") {
		t.Fatalf("stderr: %q", stderr.String())
	}
}
