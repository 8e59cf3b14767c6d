package store_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

func TestStatsCountStatementsAndCommits(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	before, process := db.Stats(), store.ProcessStats()
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings(key, value, updated_at) VALUES('a', '1', 0)`); err != nil {
			return err
		}
		var v string
		return tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'a'`).Scan(&v)
	})
	if err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err = db.Tx(ctx, func(tx *sql.Tx) error {
		tx.ExecContext(ctx, `UPDATE settings SET value = '2' WHERE key = 'a'`)
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatal(err)
	}
	if _, _, err := db.Setting(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	// The background checkpointer may add its own statements.
	got := db.Stats().Sub(before)
	if got.Statements < 4 || got.Statements > 8 || got.Commits != 1 {
		t.Fatalf("stats = %+v; want 4 statements (a few checkpoints aside) and one commit (the rollback is none)", got)
	}
	if p := store.ProcessStats().Sub(process); p.Statements < got.Statements || p.Commits < got.Commits {
		t.Fatalf("process stats %+v do not include this database's %+v", p, got)
	}
}
