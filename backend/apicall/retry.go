package apicall

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Backoff between tries: the first retry waits about retryBase, each next
// one twice as long, never more than retryCap. A Retry-After the API sends
// is honoured instead when it is at most maxRetryAfter; a longer one is
// not waited for (a customer is waiting), and the answer stands.
const (
	retryBase     = 500 * time.Millisecond
	retryCap      = 5 * time.Second
	maxRetryAfter = 10 * time.Second
)

// Tries is how many times an API with this retry setting is tried for a
// call with method: MaxTries (at least one), but one for POST and PATCH
// unless the API is marked idempotent.
func (r Retry) Tries(method string) int {
	n := max(r.MaxTries, 1)
	switch strings.ToUpper(method) {
	case http.MethodPost, http.MethodPatch:
		if !r.Idempotent {
			return 1
		}
	}
	return min(n, MaxTries)
}

// retryableStatus reports whether an answer says "try again later": too
// many requests, a timeout at the server, or a server or gateway failure.
func retryableStatus(status int) bool {
	switch status {
	case http.StatusRequestTimeout, http.StatusTooManyRequests, http.StatusInternalServerError,
		http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// retryAfter reads a Retry-After header: delay-seconds or an HTTP date.
func retryAfter(headers []KV, now time.Time) (time.Duration, bool) {
	for _, h := range headers {
		if !strings.EqualFold(h.Key, "Retry-After") {
			continue
		}
		v := strings.TrimSpace(h.Value)
		if secs, err := strconv.Atoi(v); err == nil && secs >= 0 {
			return time.Duration(secs) * time.Second, true
		}
		if t, err := http.ParseTime(v); err == nil {
			return max(t.Sub(now), 0), true
		}
	}
	return 0, false
}

// backoff is the wait before try number next (2 for the first retry): the
// doubling delay with equal jitter, so that many contacts retrying one API
// do not come back all at once.
func backoff(next int) time.Duration {
	d := retryBase << (next - 2)
	if d > retryCap || d <= 0 {
		d = retryCap
	}
	return d/2 + rand.N(d/2+1)
}

// nextWait decides whether a try is followed by another and after how long.
// It returns a negative wait, with a note for the call log, when the answer
// stands.
func (c *Client) nextWait(res Response, try, tries int) (time.Duration, string) {
	if try >= tries || !res.transient && !retryableStatus(res.Status) {
		return -1, ""
	}
	if d, ok := retryAfter(res.Headers, c.now()); ok && res.Status != 0 {
		if d > maxRetryAfter {
			return -1, fmt.Sprintf("The API asked to wait %s before trying again (Retry-After), longer than a customer should wait, so it was not tried again.", seconds(d.Round(time.Second)))
		}
		return d, ""
	}
	return backoff(try + 1), ""
}

// retryNote is the call log's word on a try that is followed by another.
func retryNote(res Response, try, tries int, wait time.Duration) string {
	what := fmt.Sprintf("The API answered %d", res.Status)
	if res.Status == 0 {
		what = strings.TrimSuffix(res.Error, ".")
	}
	return fmt.Sprintf("Try %d of %d: %s; tried again after %s.", try, tries, what, seconds(wait.Round(10*time.Millisecond)))
}

// sleep waits d unless ctx ends first.
func (c *Client) sleep(ctx context.Context, d time.Duration) error {
	if c.Sleep != nil {
		return c.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (c *Client) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}
