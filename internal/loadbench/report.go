//go:build linux

package loadbench

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// Targets are the figures the issue asks of chatflow on a 2-core machine.
// Ratios are to the durable baseline of the same run.
type Targets struct {
	RepliesRatio float64 // closed-loop replies/s over the durable baseline's, at least
	CPURatio     float64 // closed-loop CPU per message over the durable baseline's, at most
	Statements   float64 // statements per message in the closed loop, at most
	ClosedAckP99 time.Duration
	PacedE2EP99  time.Duration
	PacedAckP99  time.Duration
	PeakRSS      int64
	IdleRSS      int64
	Ready        time.Duration
}

// DefaultTargets are issue 15's targets.
var DefaultTargets = Targets{RepliesRatio: 0.8, CPURatio: 1.5, Statements: 6, ClosedAckP99: 10 * time.Millisecond,
	PacedE2EP99: 5 * time.Millisecond, PacedAckP99: 2 * time.Millisecond,
	PeakRSS: 60 << 20, IdleRSS: 30 << 20, Ready: 300 * time.Millisecond}

// check is one target: whether chatflow met it, and a sentence when not.
type check struct {
	ok     bool
	missed string
}

func (t Targets) checks(r Results) map[string]check {
	d, o := r.Durable, r.Chatflow
	ratio := func(a, b float64) float64 {
		if b == 0 {
			return 0
		}
		return a / b
	}
	rr := ratio(o.Closed.RepliesPerSec, d.Closed.RepliesPerSec)
	cr := ratio(float64(o.Closed.CPUPerMessage), float64(d.Closed.CPUPerMessage))
	return map[string]check{
		"replies": {d.Closed.RepliesPerSec == 0 || rr >= t.RepliesRatio,
			fmt.Sprintf("replies/s %.2fx of the durable baseline (target %.1fx)", rr, t.RepliesRatio)},
		"cpu": {d.Closed.CPUPerMessage == 0 || cr <= t.CPURatio,
			fmt.Sprintf("CPU per message %.2fx the durable baseline's (target %.1fx)", cr, t.CPURatio)},
		"statements": {!o.Stores || o.Closed.StatementsPerMessage <= t.Statements,
			fmt.Sprintf("%.1f statements per message (target %.0f)", o.Closed.StatementsPerMessage, t.Statements)},
		"closedAck": {o.Closed.Ack.Quantile(.99) <= t.ClosedAckP99,
			fmt.Sprintf("closed-loop ack p99 %s ms (target %s ms)", ms(o.Closed.Ack.Quantile(.99)), ms(t.ClosedAckP99))},
		"pacedE2E": {o.Paced.E2E.Quantile(.99) <= t.PacedE2EP99,
			fmt.Sprintf("paced end-to-end p99 %s ms (target %s ms)", ms(o.Paced.E2E.Quantile(.99)), ms(t.PacedE2EP99))},
		"pacedAck": {o.Paced.Ack.Quantile(.99) <= t.PacedAckP99,
			fmt.Sprintf("paced ack p99 %s ms (target %s ms)", ms(o.Paced.Ack.Quantile(.99)), ms(t.PacedAckP99))},
		"peak":  {o.PeakRSS <= t.PeakRSS, fmt.Sprintf("peak RSS %s (target %s)", mb(o.PeakRSS), mb(t.PeakRSS))},
		"idle":  {o.IdleRSS <= t.IdleRSS, fmt.Sprintf("idle RSS %s (target %s)", mb(o.IdleRSS), mb(t.IdleRSS))},
		"ready": {o.Ready < t.Ready, fmt.Sprintf("ready in %s ms (target under %s ms)", ms(o.Ready), ms(t.Ready))},
		"exact": {o.Counts.Lost == 0 && o.Counts.Duplicated == 0,
			fmt.Sprintf("%d replies lost, %d duplicated (target 0)", o.Counts.Lost, o.Counts.Duplicated)},
	}
}

// checkOrder is the order missed targets are listed in.
var checkOrder = []string{"replies", "cpu", "statements", "closedAck", "pacedAck", "pacedE2E", "peak", "idle", "ready", "exact"}

// Check lists the targets chatflow missed; empty means all were met.
func (t Targets) Check(r Results) []string {
	cs := t.checks(r)
	var missed []string
	for _, k := range checkOrder {
		if !cs[k].ok {
			missed = append(missed, cs[k].missed)
		}
	}
	return missed
}

// Print writes the table: each figure for the in-memory baseline, the
// durable baseline and chatflow, chatflow's ratio to each baseline, the
// target and whether chatflow met it.
func Print(w io.Writer, cfg Config, r Results, t Targets) {
	cfg = cfg.Defaults()
	fmt.Fprintf(w, "chatflow load benchmark: %d contacts; closed loop %d in flight for %s; paced %d/s for %s; "+
		"saturating %d posts in flight for %s; chatflow sends at most %d/s\n",
		cfg.Contacts, cfg.InFlight, cfg.Closed, cfg.Rate, cfg.Paced, cfg.InFlight, cfg.Flood, cfg.SendRate)
	cs := t.checks(r)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "figure\tin-memory\tdurable\tchatflow\tx in-memory\tx durable\ttarget\t\t")
	row := func(name string, pick func(Result) float64, unit, target, check string) {
		m, d, o := pick(r.Memory), pick(r.Durable), pick(r.Chatflow)
		ratio := func(b float64) string {
			if b <= 0 {
				return "-"
			}
			return strconv.FormatFloat(o/b, 'f', 2, 64) + "x"
		}
		mark := ""
		if check != "" {
			mark = "ok"
			if !cs[check].ok {
				mark = "MISSED"
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", name, num(m)+unit, num(d)+unit, num(o)+unit,
			ratio(m), ratio(d), target, mark)
	}
	msf := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	mbf := func(n int64) float64 { return float64(n) / (1 << 20) }
	q := func(l func(Result) Latency, p float64) func(Result) float64 {
		return func(x Result) float64 { return msf(l(x).Quantile(p)) }
	}
	row("ready (exec to listening)", func(x Result) float64 { return msf(x.Ready) }, " ms", "< "+ms(t.Ready)+" ms", "ready")
	row("idle RSS", func(x Result) float64 { return mbf(x.IdleRSS) }, " MB", "<= "+mb(t.IdleRSS), "idle")
	phase := func(label string, f func(Result) Figures) {
		row(label+": messages", func(x Result) float64 { return float64(f(x).Messages) }, "", "", "")
	}
	closed := func(x Result) Figures { return x.Closed }
	paced := func(x Result) Figures { return x.Paced }
	sat := func(x Result) Figures { return x.Saturated }
	phase("closed", closed)
	row("closed: acks/s", func(x Result) float64 { return x.Closed.AcksPerSec }, "", "", "")
	row("closed: replies/s", func(x Result) float64 { return x.Closed.RepliesPerSec }, "",
		">= "+strconv.FormatFloat(t.RepliesRatio, 'f', 1, 64)+"x durable", "replies")
	row("closed: ack p50", q(func(x Result) Latency { return x.Closed.Ack }, .5), " ms", "", "")
	row("closed: ack p99", q(func(x Result) Latency { return x.Closed.Ack }, .99), " ms", "<= "+ms(t.ClosedAckP99)+" ms", "closedAck")
	row("closed: end-to-end p50", q(func(x Result) Latency { return x.Closed.E2E }, .5), " ms", "", "")
	row("closed: end-to-end p99", q(func(x Result) Latency { return x.Closed.E2E }, .99), " ms", "", "")
	row("closed: CPU per message", func(x Result) float64 { return msf(x.Closed.CPUPerMessage) }, " ms",
		"<= "+strconv.FormatFloat(t.CPURatio, 'f', 1, 64)+"x durable", "cpu")
	row("closed: statements/message", func(x Result) float64 { return x.Closed.StatementsPerMessage }, "",
		"<= "+strconv.FormatFloat(t.Statements, 'f', 0, 64), "statements")
	row("closed: commits/message", func(x Result) float64 { return x.Closed.CommitsPerMessage }, "", "", "")
	phase("paced", paced)
	row("paced: ack p50", q(func(x Result) Latency { return x.Paced.Ack }, .5), " ms", "", "")
	row("paced: ack p99", q(func(x Result) Latency { return x.Paced.Ack }, .99), " ms", "<= "+ms(t.PacedAckP99)+" ms", "pacedAck")
	row("paced: end-to-end p50", q(func(x Result) Latency { return x.Paced.E2E }, .5), " ms", "", "")
	row("paced: end-to-end p99", q(func(x Result) Latency { return x.Paced.E2E }, .99), " ms", "<= "+ms(t.PacedE2EP99)+" ms", "pacedE2E")
	row("paced: CPU per message", func(x Result) float64 { return msf(x.Paced.CPUPerMessage) }, " ms", "", "")
	row("paced: statements/message", func(x Result) float64 { return x.Paced.StatementsPerMessage }, "", "", "")
	phase("saturating", sat)
	row("saturating: acks/s", func(x Result) float64 { return x.Saturated.AcksPerSec }, "", "", "")
	row("saturating: replies/s", func(x Result) float64 { return x.Saturated.RepliesPerSec }, "", "", "")
	row("saturating: ack p99", q(func(x Result) Latency { return x.Saturated.Ack }, .99), " ms", "", "")
	row("saturating: backlog at stop", func(x Result) float64 { return float64(x.Saturated.Backlog) }, "", "", "")
	row("saturating: drain", func(x Result) float64 { return msf(x.Saturated.Drain) }, " ms", "", "")
	row("saturating: peak RSS", func(x Result) float64 { return mbf(x.Saturated.PeakRSS) }, " MB", "", "")
	row("peak RSS under load", func(x Result) float64 { return mbf(x.PeakRSS) }, " MB", "<= "+mb(t.PeakRSS), "peak")
	row("peak RSS since exec (VmHWM)", func(x Result) float64 { return mbf(x.PeakRSSSinceExec) }, " MB", "", "")
	row("replies lost", func(x Result) float64 { return float64(x.Counts.Lost) }, "", "0", "exact")
	row("replies duplicated", func(x Result) float64 { return float64(x.Counts.Duplicated) }, "", "0", "exact")
	row("order API failures (replies)", func(x Result) float64 { return float64(x.Counts.Down) }, "", "", "")
	row("webhook redeliveries", func(x Result) float64 { return float64(x.Redeliveries) }, "", "", "")
	tw.Flush()
	if missed := t.Check(r); len(missed) > 0 {
		fmt.Fprintf(w, "targets missed: %s\n", strings.Join(missed, "; "))
	} else {
		fmt.Fprintln(w, "all targets met")
	}
}

func num(f float64) string {
	switch {
	case f == float64(int64(f)) && f >= 10:
		return strconv.FormatInt(int64(f), 10)
	case f >= 100:
		return strconv.FormatFloat(f, 'f', 0, 64)
	default:
		return strconv.FormatFloat(f, 'f', 2, 64)
	}
}

func mb(n int64) string { return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB" }
