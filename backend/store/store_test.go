package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

func TestOpenAppliesPragmasOnEveryConnection(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	checks := []struct {
		pragma string
		want   string
	}{
		{"journal_mode", "wal"},
		{"synchronous", "1"},
		{"foreign_keys", "1"},
		{"busy_timeout", "10000"},
	}
	for _, c := range checks {
		for poolName, pool := range map[string]func() (string, error){
			"writer": func() (s string, err error) {
				err = db.W.QueryRowContext(ctx, "PRAGMA "+c.pragma).Scan(&s)
				return
			},
			"reader": func() (s string, err error) {
				err = db.R.QueryRowContext(ctx, "PRAGMA "+c.pragma).Scan(&s)
				return
			},
		} {
			got, err := pool()
			if err != nil {
				t.Fatalf("%s: PRAGMA %s: %v", poolName, c.pragma, err)
			}
			if got != c.want {
				t.Errorf("%s: PRAGMA %s = %q, want %q", poolName, c.pragma, got, c.want)
			}
		}
	}
}

func TestReaderPoolRefusesWrites(t *testing.T) {
	db := storetest.NewDB(t)
	_, err := db.R.Exec(`INSERT INTO settings(key, value, updated_at) VALUES('x', 'y', 0)`)
	if err == nil {
		t.Fatal("a write through the reader pool succeeded")
	}
}

func TestMigrationsAreRecordedAndIdempotent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "chatflow.db")
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var first int
	if err := db.R.QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&first); err != nil {
		t.Fatal(err)
	}
	if first == 0 {
		t.Fatal("no migration recorded")
	}
	if err := db.SetSetting(ctx, "k", "v"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	db, err = store.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	var again int
	db.R.QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&again)
	if again != first {
		t.Errorf("reopening applied migrations again: %d then %d", first, again)
	}
	if v, _, _ := db.Setting(ctx, "k"); v != "v" {
		t.Errorf("setting lost across reopen: %q", v)
	}
}

func TestOpenRefusesANewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chatflow.db")
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	db.W.Exec(`INSERT INTO schema_migrations(version, name, applied_at) VALUES(9999, '9999_future.sql', 0)`)
	db.Close()
	if _, err := store.Open(ctx, path); err == nil {
		t.Fatal("opened a database from a newer version without complaint")
	}
}

func TestOpenOnReadOnlyFolderFailsClearly(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores folder permissions")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	if _, err := store.Open(context.Background(), filepath.Join(dir, "chatflow.db")); err == nil {
		t.Fatal("opened a database in a read-only folder")
	}
}

func TestConcurrentWritesQueueInsteadOfFailing(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 50)
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- db.Tx(ctx, func(tx *sql.Tx) error {
				_, err := db.ResolveContactTx(ctx, tx, fmt.Sprintf("wa%d", i), "", "Customer")
				return err
			})
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestTxRollsBackOnError(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	boom := errors.New("boom")
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings(key, value, updated_at) VALUES('a', 'b', 0)`); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Tx returned %v, want boom", err)
	}
	if _, ok, _ := db.Setting(ctx, "a"); ok {
		t.Error("a failed transaction left its write behind")
	}
}
