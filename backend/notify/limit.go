package notify

import (
	"math"
	"sync"
	"time"
)

// Rate is a trigger's allowance: Burst requests at once, refilled at
// PerMinute.
type Rate struct {
	PerMinute int
	Burst     int
}

// DefaultRate suits an order system notifying customers: a burst of 60,
// then one a second. WhatsApp's own tiers limit how many customers a
// business may notify a day; this only keeps a runaway script from filling
// the queue.
var DefaultRate = Rate{PerMinute: 60, Burst: 60}

// limiter is a token bucket per trigger.
type limiter struct {
	mu      sync.Mutex
	rate    Rate
	buckets map[string]*bucket
	now     func() time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
}

func newLimiter(r Rate, now func() time.Time) *limiter {
	if r.PerMinute <= 0 {
		r = DefaultRate
	}
	if r.Burst <= 0 {
		r.Burst = 1
	}
	return &limiter{rate: r, buckets: map[string]*bucket{}, now: now}
}

// allow takes one request from the trigger's bucket. When it is empty it
// returns false and how long until the next request is allowed.
func (l *limiter) allow(trigger string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	perSecond := float64(l.rate.PerMinute) / 60
	b := l.buckets[trigger]
	if b == nil {
		b = &bucket{tokens: float64(l.rate.Burst), at: now}
		l.buckets[trigger] = b
	}
	if elapsed := now.Sub(b.at).Seconds(); elapsed > 0 {
		b.tokens = math.Min(float64(l.rate.Burst), b.tokens+elapsed*perSecond)
	}
	b.at = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	wait := time.Duration((1 - b.tokens) / perSecond * float64(time.Second))
	return false, max(wait, time.Second)
}

// forget drops the bucket of a removed trigger.
func (l *limiter) forget(trigger string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.buckets, trigger)
}
