package inbox

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/whatsapp"
)

// Sending: SendConcurrency senders take held rows (outqueue.go), one
// contact at a time each, under the rate limiter; a recorder writes what the
// Graph API accepted in batches (one statement per batch, group-committed);
// a poller reads the database for the rows nobody handed over (replies
// behind others, delays, retries, rows left by the last run). A failed send
// is retried with backoff from the database, or failed for good with Meta's
// reason.

// pollBatch is how many due rows the poller reads at a time.
const pollBatch = 64

// startSenders runs the senders, the poller and the recorder until ctx
// ends. Rows held and not sent at the end are cleared of their mark; what
// went out is recorded even during shutdown.
func (s *Service) startSenders(ctx context.Context) {
	rec := newRecorder(s)
	lim := &limiter{}
	var senders sync.WaitGroup
	for range s.opt.SendConcurrency {
		senders.Go(func() { s.sendLoop(ctx, lim, rec) })
	}
	s.wg.Add(3)
	go func() { defer s.wg.Done(); s.pollLoop(ctx) }()
	go func() { defer s.wg.Done(); rec.run() }()
	go func() {
		defer s.wg.Done()
		senders.Wait()
		rec.close()
		if err := s.db.ClearSends(context.WithoutCancel(ctx), s.out.drain()); err != nil {
			s.log.Error("inbox: clear unsent marks", slog.Any("err", err))
		}
	}()
}

// sendLoop is one sender: it sends held rows until ctx ends.
func (s *Service) sendLoop(ctx context.Context, lim *limiter, rec *recorder) {
	for ctx.Err() == nil {
		c, row, ok := s.out.take()
		if !ok {
			select {
			case <-ctx.Done():
			case <-s.out.signal:
			}
			continue
		}
		outcome := s.deliver(ctx, lim, rec, row)
		if released := s.out.finish(c, row.ID, outcome); len(released) > 0 {
			if err := s.db.ClearSends(context.WithoutCancel(ctx), released); err != nil {
				s.log.Error("inbox: clear send marks", slog.Any("err", err))
			}
		}
	}
}

// deliver sends one held row and reports how it ended. A row the Graph API
// accepted goes to the recorder; a failure is recorded here.
func (s *Service) deliver(ctx context.Context, lim *limiter, rec *recorder, row store.Message) sendOutcome {
	rt, err := s.runtime(ctx)
	if err != nil {
		return s.retry(ctx, row, backoff(s.opt.RetryBase, s.opt.RetryMax, row.Attempts),
			"the settings could not be read: "+err.Error())
	}
	var out whatsapp.Outgoing
	if err := json.Unmarshal([]byte(row.Payload), &out); err != nil {
		s.fail(ctx, row, "the queued message cannot be read: "+err.Error())
		return outcomeFailed
	}
	out.Callback = callbackData(row.ID)
	lim.setRate(rt.RatePerSecond)
	if err := lim.wait(ctx); err != nil {
		return outcomeUnsent
	}
	id, err := s.opt.Sender.Send(ctx, rt.Graph, out)
	now := s.opt.Now()
	if err == nil {
		rec.add(store.Sent{ID: row.ID, WaMessageID: id, At: now})
		return outcomeSent
	}
	if ctx.Err() != nil {
		// Shutting down mid-send: the row keeps its mark, and the next
		// start waits for Meta's status before sending it again.
		return outcomeStopped
	}
	retryable := whatsapp.IsRetryable(err) || errors.Is(err, whatsapp.ErrNotConfigured)
	reason := whatsapp.Reason(err)
	if !retryable || now.Sub(row.CreatedAt) >= s.opt.GiveUpAfter {
		s.fail(ctx, row, reason)
		return outcomeFailed
	}
	wait := backoff(s.opt.RetryBase, s.opt.RetryMax, row.Attempts)
	var apiErr *whatsapp.APIError
	if errors.As(err, &apiErr) && apiErr.RetryAfter > wait {
		wait = apiErr.RetryAfter
	}
	return s.retry(ctx, row, wait, reason)
}

// retry schedules another attempt of row after wait, with the reason the
// inbox shows while it waits.
func (s *Service) retry(ctx context.Context, row store.Message, wait time.Duration, reason string) sendOutcome {
	s.log.Warn("inbox: send failed, will retry", slog.Int64("message", row.ID), slog.Int("attempt", row.Attempts+1),
		slog.Duration("in", wait), slog.String("reason", reason))
	next := s.opt.Now().Add(wait)
	if err := s.db.RetryOutbound(context.WithoutCancel(ctx), row.ID, next, reason); err != nil {
		s.log.Error("inbox: schedule retry", slog.Int64("message", row.ID), slog.Any("err", err))
	}
	row.Attempts++
	row.Error, row.NextAttemptAt, row.SendingAt, row.UpdatedAt = reason, next, time.Time{}, s.opt.Now()
	s.opt.Events.Emit(EventStatus, View(row))
	return outcomeRetry
}

// fail marks a message failed for good, with the reason the inbox shows.
func (s *Service) fail(ctx context.Context, row store.Message, reason string) {
	m, err := s.db.FailOutbound(context.WithoutCancel(ctx), row.ID, reason, s.opt.Now())
	if err != nil {
		s.log.Error("inbox: record failed message", slog.Int64("message", row.ID), slog.Any("err", err))
		return
	}
	s.log.Warn("inbox: message failed", slog.Int64("message", row.ID), slog.String("reason", reason))
	s.opt.Events.Emit(EventStatus, View(m))
}

// pollLoop hands due rows from the database to the senders when woken (a
// row was left to it) and when the next one becomes due.
func (s *Service) pollLoop(ctx context.Context) {
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.out.poll:
		case <-timer.C:
		}
		for ctx.Err() == nil && s.pollOnce(ctx) {
		}
		timer.Reset(s.nextSendWait(ctx))
	}
}

// pollOnce hands one batch of due rows to the senders and reports whether
// a full batch was handed over (then another follows at once).
func (s *Service) pollOnce(ctx context.Context) bool {
	room := min(s.out.room(), pollBatch)
	if room <= 0 {
		return false
	}
	due, err := s.db.DueOutbound(ctx, s.opt.Now(), s.started, room)
	if err != nil {
		if ctx.Err() == nil {
			s.log.Error("inbox: list due messages", slog.Any("err", err))
		}
		return false
	}
	rows := s.out.claimPolled(due)
	if len(rows) == 0 {
		return false
	}
	ids := make([]int64, len(rows))
	for i, m := range rows {
		ids[i] = m.ID
	}
	if err := s.db.ClaimSends(ctx, ids, s.opt.Now()); err != nil {
		s.out.unclaim(len(rows))
		if ctx.Err() == nil {
			s.log.Error("inbox: start sending", slog.Int("messages", len(ids)), slog.Any("err", err))
		}
		return false
	}
	for _, m := range rows {
		s.out.hold(m.ContactID, []store.Message{m})
	}
	return len(due) == room
}

// nextSendWait is how long the poller may sleep: until the next waiting
// row is due (a delay node, a retry), and never longer than the poll
// interval.
func (s *Service) nextSendWait(ctx context.Context) time.Duration {
	wait := s.opt.Poll
	if at, ok, err := s.db.NextOutboundTime(ctx, s.started); err == nil && ok {
		if d := at.Sub(s.opt.Now()); d < wait {
			wait = max(d, 5*time.Millisecond)
		}
	}
	return wait
}

// callbackPrefix starts the biz_opaque_callback_data of every message sent;
// the rest is the message's row id.
const callbackPrefix = "chatflow:msg:"

func callbackData(messageID int64) string { return callbackPrefix + strconv.FormatInt(messageID, 10) }

// messageFromCallback reads the row id back from a status's callback data.
func messageFromCallback(data string) (int64, bool) {
	rest, ok := strings.CutPrefix(data, callbackPrefix)
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	return id, err == nil && id > 0
}

// backoff is the wait before retry number attempt+1: base doubled per
// attempt, capped, with "equal jitter" (half fixed, half random) so many
// failed messages do not all retry in the same instant.
func backoff(base, limit time.Duration, attempt int) time.Duration {
	d := base
	for i := 0; i < attempt && d < limit; i++ {
		d *= 2
	}
	d = min(d, limit)
	half := d / 2
	return half + time.Duration(rand.Int64N(int64(half)+1))
}

// limiter spaces sends evenly at a given rate per second.
type limiter struct {
	mu       sync.Mutex
	interval time.Duration
	next     time.Time
}

func (l *limiter) setRate(perSecond int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.interval = time.Second / time.Duration(max(perSecond, 1))
}

// wait blocks until the next send slot.
func (l *limiter) wait(ctx context.Context) error {
	l.mu.Lock()
	now := time.Now()
	if l.next.Before(now) {
		l.next = now
	}
	slot := l.next
	l.next = l.next.Add(l.interval)
	l.mu.Unlock()
	if d := time.Until(slot); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	return nil
}
