package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"
)

// Callers that arrive while a commit runs share the next transaction; a
// failing or panicking body costs the others nothing; each caller gets its
// own outcome.
func TestGroupTxSharesOneCommitAndIsolatesAFailure(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	if _, err := db.W.ExecContext(ctx, "CREATE TABLE rows(name TEXT PRIMARY KEY)"); err != nil {
		t.Fatal(err)
	}
	insert := func(tx *sql.Tx, name string) error {
		_, err := tx.ExecContext(ctx, "INSERT INTO rows(name) VALUES(?)", name)
		return err
	}

	// The first caller holds the group open until the others wait.
	release := make(chan struct{})
	first := make(chan error, 1)
	go func() {
		first <- db.GroupTx(ctx, func(tx *sql.Tx) error {
			<-release
			return insert(tx, "first")
		})
	}()
	waitUntil(t, func() bool { db.group.mu.Lock(); defer db.group.mu.Unlock(); return db.group.busy })

	const n = 10
	var mu sync.Mutex
	txs := map[*sql.Tx]int{}
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			errs[i] = db.GroupTx(ctx, func(tx *sql.Tx) error {
				mu.Lock()
				txs[tx]++
				mu.Unlock()
				if err := insert(tx, fmt.Sprint("row", i)); err != nil {
					return err
				}
				if i == 3 {
					return errors.New("boom")
				}
				if i == 7 {
					panic("a bug in a body")
				}
				return nil
			})
		})
		// Queued in order, so the shared transaction runs 0..3 and stops.
		waitUntil(t, func() bool { db.group.mu.Lock(); defer db.group.mu.Unlock(); return len(db.group.waiting) == i+1 })
	}
	close(release)
	wg.Wait()
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	for i, err := range errs {
		if (i == 3 || i == 7) != (err != nil) {
			t.Errorf("caller %d: err = %v", i, err)
		}
	}
	var count int
	if err := db.R.QueryRowContext(ctx, "SELECT COUNT(*) FROM rows").Scan(&count); err != nil || count != n-1 {
		t.Fatalf("rows = %d, %v; want %d (first and the eight that succeeded)", count, err, n-1)
	}
	var failed int
	db.R.QueryRowContext(ctx, "SELECT COUNT(*) FROM rows WHERE name = 'row3'").Scan(&failed)
	if failed != 0 {
		t.Fatal("the failing body's row was committed")
	}
	// One shared transaction for the waiting bodies, rolled back when the
	// fourth failed, then one of their own each.
	shared := 0
	for _, uses := range txs {
		if uses == 4 {
			shared++
		}
	}
	if shared != 1 || len(txs) != n+1 {
		t.Fatalf("transactions used: %d, %d of them by four bodies; want %d and 1", len(txs), shared, n+1)
	}
}

// A caller alone commits at once and sees a commit failure as its error.
func TestGroupTxAloneReportsItsError(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	err := db.GroupTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT INTO no_such_table VALUES(1)")
		return err
	})
	if err == nil {
		t.Fatal("a failing body reported success")
	}
	if err := db.GroupTx(ctx, func(tx *sql.Tx) error { return nil }); err != nil {
		t.Fatalf("the group did not recover after a failure: %v", err)
	}
}

func waitUntil(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(time.Millisecond)
	}
}
