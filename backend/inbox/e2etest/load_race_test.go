//go:build linux

package e2etest

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chatflow/internal/loadbench"
)

// TestLoadLosesNothingAndHasNoDataRace drives chatflow serve with the load
// benchmark's closed loop for a few seconds: 64 contacts, 16 messages in
// flight, the order bot calling an API for every message. Every message is
// answered exactly once, and under `go test -race` (as in make test) the
// server itself is a -race build, so any data race it hits under this
// concurrency fails the test.
func TestLoadLosesNothingAndHasNoDataRace(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the chatflow binary")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	tally := loadbench.NewTally(100_000)
	graph, orders := loadbench.NewGraph(tally), loadbench.NewOrders()
	defer graph.Close()
	defer orders.Close()

	dbPath := filepath.Join(t.TempDir(), "chatflow.db")
	if err := loadbench.PrepareChatflow(ctx, bin, dbPath, orders.URL(), 0); err != nil {
		t.Fatal(err)
	}
	p, err := loadbench.StartChatflow(bin, dbPath, graph.URL(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Kill()

	d := loadbench.NewDriver(p.Webhook, loadbench.AppSecret, 64, tally)
	d.ReplyTimeout = 20 * time.Second
	ph := d.Closed(ctx, 16, 3*time.Second)
	d.WaitReplies(ctx, ph.From, ph.To)
	time.Sleep(500 * time.Millisecond) // a reply sent twice would arrive now
	got := tally.Count(ph.From, ph.To)
	p.Stop()

	if strings.Contains(p.Logs(), "WARNING: DATA RACE") {
		t.Errorf("the race detector found a data race in chatflow serve:\n%s", p.Logs())
	}
	if ph.To-ph.From < 50 {
		t.Errorf("only %d messages in the closed loop", ph.To-ph.From)
	}
	if got.Lost > 0 || got.Duplicated > 0 || got.Down > 0 {
		t.Fatalf("%d messages: %d replies lost, %d duplicated, %d saying the order API was down\n%s",
			ph.To-ph.From, got.Lost, got.Duplicated, got.Down, p.Logs())
	}
	t.Logf("%d messages answered once each (race detector: %v)", ph.To-ph.From, raceDetector())
}
