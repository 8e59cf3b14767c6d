//go:build linux

package loadbench_test

import (
	"bytes"
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"chatflow/backend/bundle"
	"chatflow/backend/studio"
	"chatflow/internal/loadbench"
)

func TestSeqOf(t *testing.T) {
	tests := []struct {
		text string
		want int
		ok   bool
	}{
		{"Order lb-42: shipped", 42, true},
		{loadbench.Text(7), 7, true},
		{"Order lb-0: our order system is down", 0, true},
		{"no sequence here", 0, false},
		{"lb-", 0, false},
		{"lb-x1", 0, false},
		{"lb-99999999999999999999", 999999999999, true}, // at most 12 digits are read
	}
	for _, tt := range tests {
		got, ok := loadbench.SeqOf(tt.text)
		if got != tt.want || ok != tt.ok {
			t.Errorf("SeqOf(%q) = %d, %v; want %d, %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
}

func TestQuantile(t *testing.T) {
	var l loadbench.Latency
	for i := 1; i <= 100; i++ {
		l = append(l, time.Duration(i)*time.Millisecond)
	}
	tests := []struct {
		q    float64
		want time.Duration
	}{{0.5, 50 * time.Millisecond}, {0.99, 99 * time.Millisecond}, {1, 100 * time.Millisecond}, {0, time.Millisecond}}
	for _, tt := range tests {
		if got := l.Quantile(tt.q); got != tt.want {
			t.Errorf("Quantile(%v) = %v, want %v", tt.q, got, tt.want)
		}
	}
	if got := (loadbench.Latency{}).Quantile(0.99); got != 0 {
		t.Errorf("empty Quantile = %v", got)
	}
}

func TestTallyCountsLostAndDuplicated(t *testing.T) {
	tally := loadbench.NewTally(4)
	now := time.Now()
	for i := range 4 {
		seq, ok := tally.Take()
		if !ok || seq != i {
			t.Fatalf("Take = %d, %v", seq, ok)
		}
		tally.Sent(seq, now)
	}
	if _, ok := tally.Take(); ok {
		t.Fatal("Take past capacity succeeded")
	}
	tally.Acked(0, now.Add(time.Millisecond))
	tally.Acked(1, now.Add(time.Millisecond))
	tally.Acked(2, now.Add(time.Millisecond)) // never answered
	tally.Reply("Order lb-0: shipped", now.Add(2*time.Millisecond), false)
	tally.Reply("Order lb-1: shipped", now.Add(3*time.Millisecond), false)
	tally.Reply("Order lb-1: shipped", now.Add(4*time.Millisecond), false)
	tally.Reply("Order lb-3: order system is down", now.Add(5*time.Millisecond), true) // not acknowledged
	tally.Reply("hello", now, false)
	got := tally.Count(0, 4)
	want := loadbench.Counts{Acked: 3, Lost: 1, Duplicated: 1, Down: 0, Strays: 1}
	if got != want {
		t.Fatalf("Count = %+v, want %+v", got, want)
	}
	ack, e2e := tally.Latencies(0, 4)
	if len(ack) != 3 || len(e2e) != 3 || e2e[0] != 2*time.Millisecond || e2e[2] != 5*time.Millisecond {
		t.Fatalf("latencies ack %v e2e %v", ack, e2e)
	}
	select {
	case <-tally.Done(1):
	default:
		t.Fatal("Done(1) not closed after its reply")
	}
}

func TestOrderBotIsAValidBundle(t *testing.T) {
	b, err := bundle.Parse(loadbench.OrderBot("http://127.0.0.1:9"))
	if err != nil {
		t.Fatal(err)
	}
	if err := studio.CheckBundle(b, studio.Existing{}, false); err != nil {
		t.Fatal(err)
	}
	if len(b.Flows) != 1 || !b.Flows[0].Published || len(b.APIs) != 1 {
		t.Fatalf("bundle = %+v", b)
	}
}

// The whole load path against the baseline, in-process and short: every
// acknowledged message is answered exactly once, with its own text.
func TestDriverAgainstBaseline(t *testing.T) {
	tally := loadbench.NewTally(20_000)
	graph, orders := loadbench.NewGraph(tally), loadbench.NewOrders()
	defer graph.Close()
	defer orders.Close()
	srv := httptest.NewServer(loadbench.NewBaseline(loadbench.AppSecret, orders.URL(), loadbench.GraphConfig(graph.URL())).Handler())
	defer srv.Close()

	d := loadbench.NewDriver(srv.URL, loadbench.AppSecret, 20, tally)
	d.ReplyTimeout = 10 * time.Second
	ctx := context.Background()
	closed := d.Closed(ctx, 4, 300*time.Millisecond)
	paced := d.Paced(ctx, 100, 300*time.Millisecond)
	if closed.To <= closed.From || paced.To-paced.From != 30 {
		t.Fatalf("phases %+v %+v", closed, paced)
	}
	c := tally.Count(0, tally.Taken())
	if c.Acked != tally.Taken() || c.Lost != 0 || c.Duplicated != 0 || c.Strays != 0 || c.Down != 0 {
		t.Fatalf("counts %+v of %d messages", c, tally.Taken())
	}
	if graph.Refused() != 0 || orders.Calls() != int64(c.Acked) {
		t.Fatalf("graph refused %d, order calls %d for %d messages", graph.Refused(), orders.Calls(), c.Acked)
	}
	// A wrongly signed post is refused and redelivered until the driver
	// gives up with the context.
	bad := loadbench.NewDriver(srv.URL, "wrong-secret", 1, loadbench.NewTally(1))
	short, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	if bad.Post(short, 0, 0) {
		t.Fatal("a wrongly signed message was acknowledged")
	}
	if bad.Redeliveries.Load() == 0 {
		t.Fatal("a refused message was not redelivered")
	}
}

func TestPrintShowsRatiosAndMissedTargets(t *testing.T) {
	lat := func(ms ...int) loadbench.Latency {
		var l loadbench.Latency
		for _, m := range ms {
			l = append(l, time.Duration(m)*time.Millisecond)
		}
		return l
	}
	mem := loadbench.Result{Name: "in-memory", Ready: 5 * time.Millisecond, IdleRSS: 10 << 20, PeakRSS: 20 << 20,
		Closed: loadbench.Figures{Messages: 2000, AcksPerSec: 2000, RepliesPerSec: 2000, Ack: lat(1), E2E: lat(2),
			CPUPerMessage: 50 * time.Microsecond},
		Paced: loadbench.Figures{Messages: 100, Ack: lat(1), E2E: lat(1)}}
	durable := mem
	durable.Stores = true
	durable.Closed.RepliesPerSec, durable.Closed.CPUPerMessage, durable.Closed.StatementsPerMessage = 1000, 100*time.Microsecond, 4
	ours := durable
	ours.Closed.RepliesPerSec = 500
	ours.Closed.CPUPerMessage = 200 * time.Microsecond
	ours.Closed.StatementsPerMessage = 9
	ours.Paced.E2E = lat(9)
	ours.Counts.Duplicated = 1
	var out bytes.Buffer
	loadbench.Print(&out, loadbench.Config{}, loadbench.Results{Memory: mem, Durable: durable, Chatflow: ours}, loadbench.DefaultTargets)
	text := out.String()
	for _, want := range []string{"closed: replies/s", "0.25x", "0.50x", "MISSED", "paced: end-to-end p99",
		"closed: statements/message", "saturating: backlog at stop",
		"targets missed: replies/s 0.50x of the durable baseline", "CPU per message 2.00x the durable baseline's",
		"9.0 statements per message (target 6)", "paced end-to-end p99 9.00 ms", "0 replies lost, 1 duplicated"} {
		if !strings.Contains(text, want) {
			t.Errorf("table lacks %q:\n%s", want, text)
		}
	}
	same := loadbench.Results{Memory: mem, Durable: durable, Chatflow: durable}
	if missed := loadbench.DefaultTargets.Check(same); len(missed) != 0 {
		t.Errorf("the durable baseline against itself missed %v", missed)
	}
}
