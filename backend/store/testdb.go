package store

import (
	"context"
	"path/filepath"
	"testing"
)

// NewTestDB opens a fresh, fully migrated database in a temporary folder and
// closes it when the test ends. Any package's tests may use it.
func NewTestDB(tb testing.TB) *DB {
	tb.Helper()
	db, err := Open(context.Background(), filepath.Join(tb.TempDir(), "chatflow.db"))
	if err != nil {
		tb.Fatalf("open test database: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}
