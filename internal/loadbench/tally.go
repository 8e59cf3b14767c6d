//go:build linux

package loadbench

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// textPrefix starts the text of every customer message the load sends; the
// digits after it are the message's sequence number, and the order bot
// echoes the text in its reply so the fake Graph API can tell which message
// a reply answers.
const textPrefix = "lb-"

// Tally records, for each message of a run, when it was posted, when the
// webhook acknowledged it and when (and how often) its reply reached the
// fake Graph API. It is safe for concurrent use.
type Tally struct {
	slots []slot
	next  atomic.Int64
	// strays counts replies that name no message of this run.
	strays atomic.Int64
}

type slot struct {
	sent, acked, replied atomic.Int64 // Unix nanoseconds; 0 = not yet
	replies              atomic.Int32
	down                 atomic.Int32 // replies saying the order API failed
	done                 chan struct{}
}

// NewTally makes room for capacity messages.
func NewTally(capacity int) *Tally {
	t := &Tally{slots: make([]slot, capacity)}
	for i := range t.slots {
		t.slots[i].done = make(chan struct{})
	}
	return t
}

// Take reserves the next sequence number, or false when the tally is full.
func (t *Tally) Take() (int, bool) {
	n := int(t.next.Add(1) - 1)
	return n, n < len(t.slots)
}

// Taken is how many sequence numbers were handed out (capped at capacity).
func (t *Tally) Taken() int { return min(int(t.next.Load()), len(t.slots)) }

// Text is the customer message text of sequence number seq.
func Text(seq int) string { return textPrefix + strconv.Itoa(seq) }

// SeqOf finds the sequence number in a reply text ("Order lb-42: shipped").
func SeqOf(text string) (int, bool) {
	i := strings.Index(text, textPrefix)
	if i < 0 {
		return 0, false
	}
	rest := text[i+len(textPrefix):]
	end := 0
	for end < len(rest) && end < 12 && rest[end] >= '0' && rest[end] <= '9' {
		end++
	}
	n, err := strconv.Atoi(rest[:end])
	return n, err == nil && end > 0
}

// Sent notes that seq was posted at.
func (t *Tally) Sent(seq int, at time.Time) { t.slots[seq].sent.CompareAndSwap(0, at.UnixNano()) }

// Acked notes the webhook's 200 for seq.
func (t *Tally) Acked(seq int, at time.Time) { t.slots[seq].acked.CompareAndSwap(0, at.UnixNano()) }

// Reply records a reply whose text names a message; down marks the
// flow's "order API failed" branch.
func (t *Tally) Reply(text string, at time.Time, down bool) {
	seq, ok := SeqOf(text)
	if !ok || seq >= len(t.slots) {
		t.strays.Add(1)
		return
	}
	s := &t.slots[seq]
	if down {
		s.down.Add(1)
	}
	if s.replies.Add(1) == 1 {
		s.replied.Store(at.UnixNano())
		close(s.done)
	}
}

// Done is closed when the first reply to seq arrives.
func (t *Tally) Done(seq int) <-chan struct{} { return t.slots[seq].done }

// Counts summarizes messages [from, to): how many were acknowledged, how
// many of those got no reply or more than one, and how many replies said
// the order API failed.
type Counts struct {
	Acked, Lost, Duplicated, Down, Strays int
}

// Count checks messages [from, to).
func (t *Tally) Count(from, to int) Counts {
	var c Counts
	for i := from; i < min(to, len(t.slots)); i++ {
		s := &t.slots[i]
		if s.acked.Load() == 0 {
			continue
		}
		c.Acked++
		switch n := s.replies.Load(); {
		case n == 0:
			c.Lost++
		case n > 1:
			c.Duplicated += int(n - 1)
		}
		c.Down += int(s.down.Load())
	}
	c.Strays = int(t.strays.Load())
	return c
}

// Latencies returns the acknowledgement and end-to-end (post to reply)
// latencies of the answered messages in [from, to).
func (t *Tally) Latencies(from, to int) (ack, e2e Latency) {
	for i := from; i < min(to, len(t.slots)); i++ {
		s := &t.slots[i]
		sent, acked, replied := s.sent.Load(), s.acked.Load(), s.replied.Load()
		if sent == 0 {
			continue
		}
		if acked > 0 {
			ack = append(ack, time.Duration(acked-sent))
		}
		if replied > 0 {
			e2e = append(e2e, time.Duration(replied-sent))
		}
	}
	slices.Sort(ack)
	slices.Sort(e2e)
	return ack, e2e
}

// LastReply is the time of the latest first reply in [from, to).
func (t *Tally) LastReply(from, to int) time.Time {
	var last int64
	for i := from; i < min(to, len(t.slots)); i++ {
		last = max(last, t.slots[i].replied.Load())
	}
	return time.Unix(0, last)
}

// Latency is a sorted list of durations.
type Latency []time.Duration

// Quantile returns the q-quantile (0..1) by the nearest-rank method, or 0
// for an empty list.
func (l Latency) Quantile(q float64) time.Duration {
	if len(l) == 0 {
		return 0
	}
	rank := int(q*float64(len(l))+0.999999) - 1
	return l[min(max(rank, 0), len(l)-1)]
}

// String prints p50/p99 in milliseconds.
func (l Latency) String() string {
	return fmt.Sprintf("p50 %s p99 %s", ms(l.Quantile(0.5)), ms(l.Quantile(0.99)))
}

func ms(d time.Duration) string {
	return strconv.FormatFloat(float64(d)/float64(time.Millisecond), 'f', 2, 64)
}
