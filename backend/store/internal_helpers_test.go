package store

import (
	"context"
	"path/filepath"
	"testing"
)

// newTestDB opens a fresh database for this package's own tests (storetest
// imports store, so they cannot use it).
func newTestDB(tb testing.TB) *DB {
	tb.Helper()
	db, err := Open(context.Background(), filepath.Join(tb.TempDir(), "chatflow.db"))
	if err != nil {
		tb.Fatalf("open test database: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}
