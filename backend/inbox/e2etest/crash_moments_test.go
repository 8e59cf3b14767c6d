package e2etest

import (
	"context"
	"strings"
	"testing"
	"time"

	"chatflow/backend/store"
)

// integrity runs SQLite's PRAGMA integrity_check on the database file as a
// crash left it (no process holds it) and returns its verdict.
func integrity(t *testing.T, path string) string {
	t.Helper()
	db, err := store.Open(context.Background(), path)
	if err != nil {
		return "open: " + err.Error()
	}
	defer db.Close()
	var lines []string
	rows, err := db.R.Query(`PRAGMA integrity_check`)
	if err != nil {
		return "integrity_check: " + err.Error()
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return "integrity_check: " + err.Error()
		}
		lines = append(lines, s)
	}
	return strings.Join(lines, "; ")
}

// The WhatsApp engineer's test kills the process once; this one kills it at
// three moments of the same load (early, while most conversations are
// mid-way, and near the end), checks the file after each crash, and
// requires every customer to get exactly their replies, none twice.
func TestServeKilledAtThreeMomentsLosesNothingAndRepeatsNothing(t *testing.T) {
	w := newWorld(t)
	w.start()
	cs := customers(24)
	total := 4 * len(cs)
	moments := []int{total / 10, total / 2, total * 4 / 5}

	type crash struct {
		afterReplies int
		integrity    string
	}
	var crashes []crash
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, at := range moments {
			deadline := time.Now().Add(2 * time.Minute)
			for len(w.graph.Accepted()) < at && time.Now().Before(deadline) {
				time.Sleep(2 * time.Millisecond)
			}
			n := len(w.graph.Accepted())
			w.kill() // SIGKILL: no shutdown code runs
			crashes = append(crashes, crash{n, integrity(w.t, w.dbPath)})
			time.Sleep(300 * time.Millisecond)
			w.start()
		}
	}()
	start := time.Now()
	w.talk(cs)
	<-done
	dups, missing := w.check(cs)
	w.kill()
	final := integrity(t, w.dbPath)
	for i, c := range crashes {
		t.Logf("crash %d: killed after %d of %d replies; integrity_check: %s", i+1, c.afterReplies, total, c.integrity)
		if c.integrity != "ok" {
			t.Errorf("crash %d left the database damaged: %s", i+1, c.integrity)
		}
	}
	if final != "ok" {
		t.Errorf("integrity_check after the run: %s", final)
	}
	ok, refused := w.graph.Posted()
	t.Logf("figures: %d customers, %d replies expected, %d delivered, %d duplicated, %d missing, %d webhook posts "+
		"(%d redelivered while down), %d status webhooks (%d refused while down), %s",
		len(cs), total, len(w.graph.Accepted()), dups, missing, w.posts, w.retries, ok, refused, time.Since(start).Round(time.Millisecond))
	if len(crashes) != 3 {
		t.Fatalf("%d crashes happened, want 3", len(crashes))
	}
	if dups != 0 || missing != 0 {
		t.Fatalf("%d duplicated and %d missing replies", dups, missing)
	}
}
