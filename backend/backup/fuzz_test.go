package backup_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"chatflow/backend/backup"
)

// FuzzValidate feeds arbitrary bytes to Validate as a file someone picked to
// restore: it must answer with an error or an Info, never panic, and never
// accept a file that is not a Chatflow database.
func FuzzValidate(f *testing.F) {
	f.Add([]byte(""))
	f.Add([]byte("SQLite format 3\x00"))
	f.Add([]byte("SQLite format 3\x00\x10\x00\x01\x01\x00\x40\x20\x20"))
	f.Add([]byte("{\"format\":\"chatflow-bundle\"}"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "fuzz.db")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if info, err := backup.Validate(context.Background(), p, 100); err == nil {
			t.Fatalf("random bytes validated as a backup: %+v", info)
		}
	})
}
