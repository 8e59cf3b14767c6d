//go:build linux

package loadbench

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// Figures are one phase's measurements.
type Figures struct {
	Messages      int
	AcksPerSec    float64
	RepliesPerSec float64
	Ack, E2E      Latency
	// CPUPerMessage is the server's user+system CPU time per message.
	CPUPerMessage time.Duration
	// StatementsPerMessage and CommitsPerMessage are the storage work per
	// message (0 for the in-memory baseline, which stores nothing).
	StatementsPerMessage float64
	CommitsPerMessage    float64
	// Backlog (saturating phase only) is how many acknowledged messages
	// were still unanswered when the posting stopped, and Drain how long
	// the last of them then took.
	Backlog int
	Drain   time.Duration
	// PeakRSS is the highest RSS sampled until the phase ended.
	PeakRSS int64
}

// Result is everything measured for one target.
type Result struct {
	Name    string
	Ready   time.Duration
	IdleRSS int64
	// PeakRSS is the highest RSS sampled during the load phases;
	// PeakRSSSinceExec is VmHWM, which also covers start-up.
	PeakRSS          int64
	PeakRSSSinceExec int64
	Closed           Figures
	Paced            Figures
	Saturated        Figures
	Counts           Counts
	Redeliveries     int64
	OrderCalls       int64
	// Stores is false for a target that stores nothing (no statements).
	Stores bool
}

// target is a system under test: how to start it, and where it serves its
// statement counts ("" when it stores nothing).
type target struct {
	name  string
	start func() (*Proc, string, error)
}

// tallyCapacity bounds the messages of one target's run (the in-memory
// baseline posts about 200 000 in the default phases on a quiet machine).
const tallyCapacity = 400_000

// measure runs the warm-up, closed, paced and saturating phases against one
// target.
func measure(ctx context.Context, cfg Config, tg target, graph *Graph, orders *Orders) (Result, error) {
	res := Result{Name: tg.name}
	tally := NewTally(tallyCapacity)
	graph.SetTally(tally)
	calls0 := orders.Calls()
	p, statsURL, err := tg.start()
	if err != nil {
		return res, err
	}
	defer p.Stop()
	res.Ready = p.Ready
	if err := healthy(ctx, p.Webhook); err != nil {
		return res, err
	}
	_, res.Stores = readStats(ctx, statsURL)
	time.Sleep(300 * time.Millisecond)
	mem, err := ReadMem(p.Pid())
	if err != nil {
		return res, err
	}
	res.IdleRSS = mem.RSS

	d := NewDriver(p.Webhook, AppSecret, cfg.Contacts, tally)
	rss := StartRSSSampler(p.Pid(), 10*time.Millisecond)
	fmt.Fprintf(cfg.Progress, "  warm-up %s\n", cfg.Warmup)
	d.Closed(ctx, cfg.InFlight, cfg.Warmup)

	fmt.Fprintf(cfg.Progress, "  closed loop: %d in flight for %s\n", cfg.InFlight, cfg.Closed)
	m := startMeter(ctx, p, statsURL)
	ph := d.Closed(ctx, cfg.InFlight, cfg.Closed)
	res.Closed = m.figures(tally, ph)
	res.Closed.PeakRSS = rss.Peak()

	time.Sleep(500 * time.Millisecond)
	fmt.Fprintf(cfg.Progress, "  paced: %d messages/s for %s\n", cfg.Rate, cfg.Paced)
	m = startMeter(ctx, p, statsURL)
	ph = d.Paced(ctx, cfg.Rate, cfg.Paced)
	res.Paced = m.figures(tally, ph)
	res.Paced.PeakRSS = rss.Peak()

	time.Sleep(500 * time.Millisecond)
	fmt.Fprintf(cfg.Progress, "  saturating: %d posts in flight for %s, not waiting for replies\n", cfg.InFlight, cfg.Flood)
	m = startMeter(ctx, p, statsURL)
	ph = d.Flood(ctx, cfg.InFlight, cfg.Flood)
	posted := time.Now()
	backlog := tally.Count(ph.From, ph.To).Lost
	d.WaitReplies(ctx, ph.From, ph.To)
	ph.Elapsed = tally.LastReply(ph.From, ph.To).Sub(posted.Add(-ph.Elapsed))
	res.Saturated = m.figures(tally, ph)
	res.Saturated.AcksPerSec = float64(len(res.Saturated.Ack)) / posted.Sub(m.start).Seconds()
	res.Saturated.Backlog = backlog
	res.Saturated.Drain = max(tally.LastReply(ph.From, ph.To).Sub(posted), 0)
	res.Saturated.PeakRSS = rss.Peak()

	// Anything sent twice would arrive now.
	time.Sleep(time.Second)
	d.WaitReplies(ctx, 0, tally.Taken())
	res.PeakRSS = rss.Stop()
	res.Counts = tally.Count(0, tally.Taken())
	res.Redeliveries = d.Redeliveries.Load()
	res.OrderCalls = orders.Calls() - calls0
	if mem, err = ReadMem(p.Pid()); err != nil {
		return res, err
	}
	res.PeakRSSSinceExec = mem.Peak
	if res.Counts.Lost > 0 {
		fmt.Fprintf(cfg.Progress, "  %d replies missing; %s log tail:\n%s\n", res.Counts.Lost, tg.name, tail(p.Logs(), 2000))
	}
	return res, nil
}

// meter reads a target's CPU time and statement counts at the start of a
// phase, to report what the phase cost.
type meter struct {
	ctx      context.Context
	p        *Proc
	statsURL string
	start    time.Time
	cpu      time.Duration
	stats    StoreStats
}

func startMeter(ctx context.Context, p *Proc, statsURL string) *meter {
	m := &meter{ctx: ctx, p: p, statsURL: statsURL, start: time.Now()}
	m.cpu, _ = ReadCPU(p.Pid())
	m.stats, _ = readStats(ctx, statsURL)
	return m
}

// figures computes a phase's figures once its replies are in.
func (m *meter) figures(t *Tally, ph Phase) Figures {
	cpu, _ := ReadCPU(m.p.Pid())
	stats, _ := readStats(m.ctx, m.statsURL)
	f := Figures{Messages: ph.To - ph.From}
	f.Ack, f.E2E = t.Latencies(ph.From, ph.To)
	if secs := ph.Elapsed.Seconds(); secs > 0 {
		f.AcksPerSec = float64(len(f.Ack)) / secs
		f.RepliesPerSec = float64(len(f.E2E)) / secs
	}
	if f.Messages > 0 {
		f.CPUPerMessage = (cpu - m.cpu) / time.Duration(f.Messages)
		f.StatementsPerMessage = float64(stats.Statements-m.stats.Statements) / float64(f.Messages)
		f.CommitsPerMessage = float64(stats.Commits-m.stats.Commits) / float64(f.Messages)
	}
	return f
}

func healthy(ctx context.Context, webhook string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, webhook+"/healthz", nil)
	if err != nil {
		return fmt.Errorf("loadbench: health check: %w", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("loadbench: health check: %w", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("loadbench: health check answered %d", resp.StatusCode)
	}
	return nil
}
