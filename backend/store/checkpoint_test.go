package store

import (
	"context"
	"os"
	"testing"
	"time"
)

// Committed pages reach the database file through the background
// checkpointer alone: the writer's own threshold is far above what the test
// writes, and nothing else checkpoints while the database stays open.
func TestCheckpointerCopiesTheWALInTheBackground(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	if _, err := db.W.ExecContext(ctx, "CREATE TABLE filler(x BLOB)"); err != nil {
		t.Fatal(err)
	}
	before := fileSize(t, db.Path)
	for range 50 {
		if _, err := db.W.ExecContext(ctx, "INSERT INTO filler VALUES(randomblob(8000))"); err != nil {
			t.Fatal(err)
		}
	}
	const written = 50 * 8000
	deadline := time.Now().Add(5 * checkpointEvery)
	for fileSize(t, db.Path) < before+written {
		if time.Now().After(deadline) {
			t.Fatalf("database file is %d bytes %s after %d bytes were committed (was %d): the checkpointer did not run",
				fileSize(t, db.Path), 5*checkpointEvery, written, before)
		}
		time.Sleep(20 * time.Millisecond)
	}
	// NewTestDB's cleanup closes db a second time: Close must allow that.
	if err := db.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}
