//go:build linux

package loadbench_test

import (
	"context"
	"database/sql"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"chatflow/internal/loadbench"
)

// The durable baseline answers every acknowledged message once, ignores a
// redelivered one, counts four statements in three commits (at most) per
// message, and after a stop answers what it had stored but not answered.
func TestDurableBaselineStoresBeforeItAnswers(t *testing.T) {
	tally := loadbench.NewTally(10_000)
	graph, orders := loadbench.NewGraph(tally), loadbench.NewOrders()
	defer graph.Close()
	defer orders.Close()
	dir := t.TempDir()
	b, err := loadbench.OpenDurableBaseline(dir, loadbench.AppSecret, orders.URL(), loadbench.GraphConfig(graph.URL()))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(b.Handler())
	d := loadbench.NewDriver(srv.URL, loadbench.AppSecret, 20, tally)
	d.ReplyTimeout = 10 * time.Second
	ctx := context.Background()
	closed := d.Closed(ctx, 4, 300*time.Millisecond)
	d.Post(ctx, 0, 0) // a redelivery of the first message
	d.WaitReplies(ctx, 0, tally.Taken())
	c := tally.Count(0, tally.Taken())
	if closed.To <= closed.From || c.Acked != tally.Taken() || c.Lost != 0 || c.Duplicated != 0 || c.Down != 0 {
		t.Fatalf("counts %+v of %d messages", c, tally.Taken())
	}
	// Four statements a message, and one for the redelivery's insert that
	// found the message stored. The last "sent" marks may still be on their
	// way when the last reply has arrived.
	n := int64(c.Acked)
	stats := b.Stats()
	for deadline := time.Now().Add(5 * time.Second); stats.Statements < 4*n+1 && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
		stats = b.Stats()
	}
	if stats.Statements != 4*n+1 || stats.Commits > 3*n+1 || stats.Commits == 0 {
		t.Fatalf("stats %+v for %d messages; want 4 statements each (and 1), at most 3 commits each", stats, n)
	}
	srv.Close()
	b.Close()

	// A message stored and acknowledged but never answered (the process
	// died) is answered at the next start.
	b, err = loadbench.OpenDurableBaseline(dir, loadbench.AppSecret, orders.URL(), loadbench.GraphConfig(graph.URL()))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	seq, _ := tally.Take()
	raw, err := sql.Open("sqlite", filepath.Join(dir, "durable-baseline.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`INSERT INTO inbound(wa_id, sender, text) VALUES('wamid.crash', ?, ?)`,
		loadbench.Phone(1), loadbench.Text(seq)); err != nil {
		t.Fatal(err)
	}
	if err := b.Recover(ctx); err != nil {
		t.Fatal(err)
	}
	select {
	case <-tally.Done(seq):
	case <-time.After(10 * time.Second):
		t.Fatal("the stored message was not answered after the restart")
	}
}
