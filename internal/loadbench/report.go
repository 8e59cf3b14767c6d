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
type Targets struct {
	RepliesRatio float64 // chatflow replies/s over the baseline's, at least
	PacedE2EP99  time.Duration
	PacedAckP99  time.Duration
	PeakRSS      int64
	IdleRSS      int64
	Ready        time.Duration
}

// DefaultTargets are the targets.
var DefaultTargets = Targets{RepliesRatio: 0.8, PacedE2EP99: 5 * time.Millisecond, PacedAckP99: 2 * time.Millisecond,
	PeakRSS: 60 << 20, IdleRSS: 30 << 20, Ready: 300 * time.Millisecond}

// Check lists the targets chatflow missed; empty means all were met.
func (t Targets) Check(base, ours Result) []string {
	var missed []string
	if base.Closed.RepliesPerSec > 0 && ours.Closed.RepliesPerSec/base.Closed.RepliesPerSec < t.RepliesRatio {
		missed = append(missed, fmt.Sprintf("replies/s %.2fx of the baseline (target %.1fx)",
			ours.Closed.RepliesPerSec/base.Closed.RepliesPerSec, t.RepliesRatio))
	}
	if p := ours.Paced.E2E.Quantile(0.99); p > t.PacedE2EP99 {
		missed = append(missed, fmt.Sprintf("paced end-to-end p99 %s ms (target %s ms)", ms(p), ms(t.PacedE2EP99)))
	}
	if p := ours.Paced.Ack.Quantile(0.99); p > t.PacedAckP99 {
		missed = append(missed, fmt.Sprintf("paced ack p99 %s ms (target %s ms)", ms(p), ms(t.PacedAckP99)))
	}
	if ours.PeakRSS > t.PeakRSS {
		missed = append(missed, fmt.Sprintf("peak RSS %s (target %s)", mb(ours.PeakRSS), mb(t.PeakRSS)))
	}
	if ours.IdleRSS > t.IdleRSS {
		missed = append(missed, fmt.Sprintf("idle RSS %s (target %s)", mb(ours.IdleRSS), mb(t.IdleRSS)))
	}
	if ours.Ready >= t.Ready {
		missed = append(missed, fmt.Sprintf("ready in %s ms (target under %s ms)", ms(ours.Ready), ms(t.Ready)))
	}
	if ours.Counts.Lost > 0 || ours.Counts.Duplicated > 0 {
		missed = append(missed, fmt.Sprintf("%d replies lost, %d duplicated (target 0)", ours.Counts.Lost, ours.Counts.Duplicated))
	}
	return missed
}

// Print writes the table: each figure for the baseline and chatflow, the
// ratio chatflow/baseline, the target and whether chatflow met it.
func Print(w io.Writer, cfg Config, base, ours Result, t Targets) {
	cfg = cfg.Defaults()
	fmt.Fprintf(w, "chatflow load benchmark: %d contacts; closed loop %d in flight for %s; paced %d/s for %s; chatflow sends at most %d/s\n",
		cfg.Contacts, cfg.InFlight, cfg.Closed, cfg.Rate, cfg.Paced, cfg.SendRate)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "figure\tbaseline\tchatflow\tratio\ttarget\t\t")
	row := func(name string, b, o float64, unit, target string, ok bool) {
		ratio := "-"
		if b > 0 {
			ratio = strconv.FormatFloat(o/b, 'f', 2, 64) + "x"
		}
		mark := ""
		if target != "" {
			mark = "ok"
			if !ok {
				mark = "MISSED"
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", name, num(b)+unit, num(o)+unit, ratio, target, mark)
	}
	msf := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	mbf := func(n int64) float64 { return float64(n) / (1 << 20) }
	row("ready (exec to listening)", msf(base.Ready), msf(ours.Ready), " ms", "< "+ms(t.Ready)+" ms", ours.Ready < t.Ready)
	row("idle RSS", mbf(base.IdleRSS), mbf(ours.IdleRSS), " MB", "<= "+mb(t.IdleRSS), ours.IdleRSS <= t.IdleRSS)
	bc, oc := base.Closed, ours.Closed
	row("closed: messages", float64(bc.Messages), float64(oc.Messages), "", "", true)
	row("closed: acks/s", bc.AcksPerSec, oc.AcksPerSec, "", "", true)
	ratioOK := bc.RepliesPerSec == 0 || oc.RepliesPerSec/bc.RepliesPerSec >= t.RepliesRatio
	row("closed: replies/s", bc.RepliesPerSec, oc.RepliesPerSec, "", ">= "+strconv.FormatFloat(t.RepliesRatio, 'f', 1, 64)+"x", ratioOK)
	row("closed: ack p50", msf(bc.Ack.Quantile(.5)), msf(oc.Ack.Quantile(.5)), " ms", "", true)
	row("closed: ack p99", msf(bc.Ack.Quantile(.99)), msf(oc.Ack.Quantile(.99)), " ms", "", true)
	row("closed: end-to-end p50", msf(bc.E2E.Quantile(.5)), msf(oc.E2E.Quantile(.5)), " ms", "", true)
	row("closed: end-to-end p99", msf(bc.E2E.Quantile(.99)), msf(oc.E2E.Quantile(.99)), " ms", "", true)
	row("closed: CPU per message", msf(bc.CPUPerMessage), msf(oc.CPUPerMessage), " ms", "", true)
	bp, op := base.Paced, ours.Paced
	row("paced: messages", float64(bp.Messages), float64(op.Messages), "", "", true)
	row("paced: ack p50", msf(bp.Ack.Quantile(.5)), msf(op.Ack.Quantile(.5)), " ms", "", true)
	row("paced: ack p99", msf(bp.Ack.Quantile(.99)), msf(op.Ack.Quantile(.99)), " ms", "<= "+ms(t.PacedAckP99)+" ms",
		op.Ack.Quantile(.99) <= t.PacedAckP99)
	row("paced: end-to-end p50", msf(bp.E2E.Quantile(.5)), msf(op.E2E.Quantile(.5)), " ms", "", true)
	row("paced: end-to-end p99", msf(bp.E2E.Quantile(.99)), msf(op.E2E.Quantile(.99)), " ms", "<= "+ms(t.PacedE2EP99)+" ms",
		op.E2E.Quantile(.99) <= t.PacedE2EP99)
	row("paced: CPU per message", msf(bp.CPUPerMessage), msf(op.CPUPerMessage), " ms", "", true)
	row("peak RSS under load", mbf(base.PeakRSS), mbf(ours.PeakRSS), " MB", "<= "+mb(t.PeakRSS), ours.PeakRSS <= t.PeakRSS)
	row("peak RSS since exec (VmHWM)", mbf(base.PeakRSSSinceExec), mbf(ours.PeakRSSSinceExec), " MB", "", true)
	row("replies lost", float64(base.Counts.Lost), float64(ours.Counts.Lost), "", "0", ours.Counts.Lost == 0)
	row("replies duplicated", float64(base.Counts.Duplicated), float64(ours.Counts.Duplicated), "", "0", ours.Counts.Duplicated == 0)
	row("order API failures (replies)", float64(base.Counts.Down), float64(ours.Counts.Down), "", "", true)
	row("webhook redeliveries", float64(base.Redeliveries), float64(ours.Redeliveries), "", "", true)
	tw.Flush()
	if missed := t.Check(base, ours); len(missed) > 0 {
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
