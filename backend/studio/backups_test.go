package studio

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chatflow/backend/backup"
)

// backupsService builds the backup use cases over a fresh database with a
// fixed clock.
func backupsService(t *testing.T) (*Backups, *recordedEvents) {
	t.Helper()
	st, ev := newTestStudio(t, nil)
	d := st.Backups
	now := time.Date(2026, 4, 1, 8, 0, 0, 0, time.UTC)
	d.Now = func() time.Time { return now }
	return d, ev
}

func TestDataBackupAndRestore(t *testing.T) {
	d, ev := backupsService(t)
	folder := d.Folder()
	if folder.DBPath != d.s.db.Path || folder.Path != filepath.Dir(d.s.db.Path) ||
		folder.BackupsPath != filepath.Join(folder.Path, "backups") || folder.SizeBytes == 0 || folder.RestorePending {
		t.Fatalf("Folder: %+v", folder)
	}
	if list, err := d.List(); err != nil || len(list) != 0 {
		t.Fatalf("Backups before any: %v %v", list, err)
	}
	made, err := d.BackupNow(bg)
	if err != nil || made.Kind != "manual" || made.SizeBytes == 0 || made.CreatedAt != "2026-04-01T08:00:00Z" {
		t.Fatalf("BackupNow: %+v %v", made, err)
	}
	list, _ := d.List()
	if len(list) != 1 || list[0].Path != made.Path {
		t.Fatalf("Backups: %+v", list)
	}

	tests := []struct {
		name, path, want string
	}{
		{"no file", " ", "Choose a backup file to restore."},
		{"missing file", filepath.Join(t.TempDir(), "gone.db"), "The backup could not be restored: gone.db cannot be read"},
		{"not a backup", writeTemp(t, "notes.txt", "hello"), "That file is not a Chatflow Studio backup."},
		{"the live database", d.s.db.Path, "The backup could not be restored: that file is the database in use; pick a backup."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := d.Restore(bg, tt.path); err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("Restore(%q): %v, want %q", tt.path, err, tt.want)
			}
		})
	}

	res, err := d.Restore(bg, made.Path)
	if err != nil || !strings.Contains(res.Message, "start it again") {
		t.Fatalf("Restore: %+v %v", res, err)
	}
	if f := d.Folder(); !f.RestorePending {
		t.Fatal("Folder does not show the staged restore")
	}
	if err := d.CancelRestore(); err != nil {
		t.Fatal(err)
	}
	if f := d.Folder(); f.RestorePending {
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

func TestDailyBackups(t *testing.T) {
	d, _ := backupsService(t)
	now := time.Date(2026, 4, 1, 8, 0, 0, 0, time.UTC)
	d.Now = func() time.Time { return now }
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
		if got := d.Daily(bg); got != s.made {
			t.Fatalf("step %d (+%s): made %v, want %v", i, s.after, got, s.made)
		}
	}
	for range 10 {
		now = now.Add(25 * time.Hour)
		d.Daily(bg)
	}
	list, _ := d.List()
	if len(list) != backup.Keep || list[0].Kind != "daily" || list[0].CreatedAt != now.Format(time.RFC3339) {
		t.Fatalf("after 12 days: %d backups, newest %+v", len(list), list[0])
	}
}

func TestDailyBackupLoopStops(t *testing.T) {
	d, ev := backupsService(t)
	d.Check = time.Millisecond
	ctx, cancel := context.WithCancel(bg)
	d.StartDaily(ctx)
	deadline := time.Now().Add(5 * time.Second)
	for {
		// Wait for the backup to be complete (the event follows it), not
		// just listed: its file appears before its media files are kept,
		// and a backup cancelled then is removed.
		if ev.count(EventBackupsChanged) == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the loop made no backup")
		}
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	d.Wait()
	if list, _ := d.List(); len(list) != 1 {
		t.Fatalf("the loop backed up %d times within a day", len(list))
	}
}
