package app

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chatflow/backend/backup"
)

// dataService builds a Data service over a fresh database with a fixed clock.
func dataService(t *testing.T) (*Data, *recordedEvents) {
	t.Helper()
	deps, ev := apiTestDeps(t)
	d := NewData(deps, NewFlows(deps), NewSettings(deps))
	now := time.Date(2026, 4, 1, 8, 0, 0, 0, time.UTC)
	d.now = func() time.Time { return now }
	return d, ev
}

func TestDataBackupAndRestore(t *testing.T) {
	d, ev := dataService(t)
	folder, err := d.Folder()
	if err != nil || folder.DBPath != d.deps.DB.Path || folder.Path != filepath.Dir(d.deps.DB.Path) ||
		folder.BackupsPath != filepath.Join(folder.Path, "backups") || folder.SizeBytes == 0 || folder.RestorePending {
		t.Fatalf("Folder: %+v %v", folder, err)
	}
	if list, err := d.Backups(); err != nil || len(list) != 0 {
		t.Fatalf("Backups before any: %v %v", list, err)
	}
	made, err := d.BackupNow()
	if err != nil || made.Kind != "manual" || made.SizeBytes == 0 || made.CreatedAt != "2026-04-01T08:00:00Z" {
		t.Fatalf("BackupNow: %+v %v", made, err)
	}
	list, _ := d.Backups()
	if len(list) != 1 || list[0].Path != made.Path {
		t.Fatalf("Backups: %+v", list)
	}

	tests := []struct {
		name, path, want string
	}{
		{"no file", " ", "Choose a backup file to restore."},
		{"missing file", filepath.Join(t.TempDir(), "gone.db"), "The backup could not be restored: gone.db cannot be read"},
		{"not a backup", writeTemp(t, "notes.txt", "hello"), "That file is not a Chatflow Studio backup."},
		{"the live database", d.deps.DB.Path, "The backup could not be restored: that file is the database in use; pick a backup."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := d.Restore(tt.path); err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("Restore(%q): %v, want %q", tt.path, err, tt.want)
			}
		})
	}

	res, err := d.Restore(made.Path)
	if err != nil || !strings.Contains(res.Message, "start it again") {
		t.Fatalf("Restore: %+v %v", res, err)
	}
	if f, _ := d.Folder(); !f.RestorePending {
		t.Fatal("Folder does not show the staged restore")
	}
	if err := d.CancelRestore(); err != nil {
		t.Fatal(err)
	}
	if f, _ := d.Folder(); f.RestorePending {
		t.Fatal("the restore is still staged after CancelRestore")
	}
	if n := ev.count(EventBackupsChanged); n != 3 {
		t.Fatalf("%s emitted %d times, want 3", EventBackupsChanged, n)
	}
}

func writeTemp(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	os.WriteFile(p, []byte(body), 0o600)
	return p
}

func TestFinishRestoreAtStart(t *testing.T) {
	d, _ := dataService(t)
	ctx := d.deps.Ctx
	d.deps.DB.SetSetting(ctx, "probe", "old")
	made, _ := d.BackupNow()
	d.deps.DB.SetSetting(ctx, "probe", "new")
	if _, err := d.Restore(made.Path); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	// While the app has the database open, nothing happens.
	finishRestore(ctx, &stderr, d.deps.DB.Path)
	if stderr.Len() != 0 || !backup.Pending(d.deps.DB.Path) {
		t.Fatalf("finishRestore with the database open: %q", stderr.String())
	}
	d.deps.DB.Close()
	db, err := openDB(ctx, Env{Stderr: &stderr, Getenv: func(string) string { return "" }}, d.deps.DB.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, _ := db.StringSetting(ctx, "probe", ""); v != "old" {
		t.Fatalf("after the restore the database holds %q", v)
	}
	if !strings.Contains(stderr.String(), "restored the database from a backup; the previous data is kept as ") {
		t.Fatalf("stderr: %q", stderr.String())
	}
}

func TestDailyBackups(t *testing.T) {
	d, _ := dataService(t)
	now := time.Date(2026, 4, 1, 8, 0, 0, 0, time.UTC)
	d.now = func() time.Time { return now }
	steps := []struct {
		after time.Duration
		made  bool
	}{
		{0, true},               // none yet
		{time.Hour, false},      // one from an hour ago
		{22 * time.Hour, false}, // 23 hours after the first
		{25 * time.Hour, true},
	}
	for i, s := range steps {
		now = now.Add(s.after)
		if got := d.dailyBackup(d.deps.Ctx); got != s.made {
			t.Fatalf("step %d (+%s): made %v, want %v", i, s.after, got, s.made)
		}
	}
	for range 10 {
		now = now.Add(25 * time.Hour)
		d.dailyBackup(d.deps.Ctx)
	}
	list, _ := d.Backups()
	if len(list) != backup.Keep || list[0].Kind != "daily" || list[0].CreatedAt != now.Format(time.RFC3339) {
		t.Fatalf("after 12 days: %d backups, newest %+v", len(list), list[0])
	}
}

func TestDailyBackupLoopStops(t *testing.T) {
	d, _ := dataService(t)
	d.backupCheck = time.Millisecond
	ctx, cancel := context.WithCancel(d.deps.Ctx)
	d.startDailyBackups(ctx)
	deadline := time.Now().Add(5 * time.Second)
	for {
		if list, _ := d.Backups(); len(list) == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the loop made no backup")
		}
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	d.waitLoops()
	if list, _ := d.Backups(); len(list) != 1 {
		t.Fatalf("the loop backed up %d times within a day", len(list))
	}
}

func TestOpenFolder(t *testing.T) {
	d, _ := dataService(t)
	var opened string
	d.openPath = func(p string) error { opened = p; return nil }
	if err := d.OpenFolder(); err != nil || opened != filepath.Dir(d.deps.DB.Path) {
		t.Fatalf("OpenFolder opened %q: %v", opened, err)
	}
	d.openPath = func(string) error { return errors.New("no file manager") }
	want := "Could not open the folder here; it is " + filepath.Dir(d.deps.DB.Path) + "."
	if err := d.OpenFolder(); err == nil || err.Error() != want {
		t.Fatalf("OpenFolder without a file manager: %v", err)
	}
}

func TestCloseWindowChoices(t *testing.T) {
	d, ev := dataService(t)
	if err := d.CloseWindow("quit", false); err == nil || !strings.Contains(err.Error(), "browser mode") {
		t.Fatalf("CloseWindow without a window: %v", err)
	}
	if err := d.CloseWindow("minimize", false); err == nil {
		t.Fatal("an unknown close action was accepted")
	}
	if err := d.Quit(); err == nil {
		t.Fatal("Quit without a window succeeded")
	}
	// Until the page's dialog listens, closing the window just closes it.
	if d.window.beforeClose(d.deps.Ctx) {
		t.Fatal("the close was held with no dialog to answer it")
	}
	d.CloseDialogReady()
	if !d.window.beforeClose(d.deps.Ctx) || ev.count(EventCloseRequested) != 1 {
		t.Fatal("closing did not ask")
	}
	if err := d.SetCloseAction("sometimes"); err == nil {
		t.Fatal("SetCloseAction accepted nonsense")
	}
	if err := d.SetCloseAction("quit"); err != nil {
		t.Fatal(err)
	}
	if a, _ := d.CloseAction(); a != "quit" || d.window.beforeClose(d.deps.Ctx) {
		t.Fatalf("remembered quit (%q) did not let the close through", a)
	}
	if err := d.SetCloseAction(""); err != nil {
		t.Fatal(err)
	}
	if a, _ := d.CloseAction(); a != "" {
		t.Fatalf("close action after reset: %q", a)
	}
}
