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

// sendBatch is how many due messages the sender takes per round.
const sendBatch = 64

// sendLoop delivers due outbox rows until ctx ends. Rows of different
// contacts are sent in parallel; DueOutbox offers only the head of each
// conversation, so one contact's messages always leave in order.
func (s *Service) sendLoop(ctx context.Context) {
	lim := &limiter{}
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.send:
		case <-timer.C:
		}
		for ctx.Err() == nil && s.sendRound(ctx, lim) {
		}
		timer.Reset(s.nextSendWait(ctx))
	}
}

// sendRound sends one batch of due messages and reports whether it sent
// anything (then another round follows at once). The round's attempt marks
// are written in one transaction before the first send, and the messages
// the Graph API accepted are recorded in one transaction after the last
// (group commit): two commits per round instead of two per message. A
// crash in between leaves the marks, and startup settles those rows as
// interrupted sends, exactly as it would after a crash during one send.
func (s *Service) sendRound(ctx context.Context, lim *limiter) bool {
	items, err := s.db.DueOutbox(ctx, s.opt.Now(), sendBatch)
	if err != nil {
		if ctx.Err() == nil {
			s.log.Error("inbox: list due messages", slog.Any("err", err))
		}
		return false
	}
	if len(items) == 0 {
		return false
	}
	rt, err := s.runtime(ctx)
	if err != nil {
		s.log.Error("inbox: read settings", slog.Any("err", err))
		return false
	}
	ids := make([]int64, len(items))
	for i, item := range items {
		ids[i] = item.ID
	}
	if err := s.db.BeginSends(ctx, ids, s.opt.Now()); err != nil {
		if ctx.Err() == nil {
			s.log.Error("inbox: start sending", slog.Int("messages", len(ids)), slog.Any("err", err))
		}
		return false
	}
	lim.setRate(rt.RatePerSecond)
	sem := make(chan struct{}, s.opt.SendConcurrency)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var sent []store.SentOutbox
	started := 0
	for _, item := range items {
		if err := lim.wait(ctx); err != nil {
			break
		}
		sem <- struct{}{}
		wg.Add(1)
		started++
		go func() {
			defer func() { <-sem; wg.Done() }()
			if r, ok := s.deliver(ctx, rt.Graph, item); ok {
				mu.Lock()
				sent = append(sent, r)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	// Recording what went out must not be cut short by shutdown: the
	// messages are out, and forgetting that would send them again.
	s.recordSent(context.WithoutCancel(ctx), sent)
	if started < len(ids) {
		if err := s.db.ClearSends(context.WithoutCancel(ctx), ids[started:]); err != nil {
			s.log.Error("inbox: clear unsent marks", slog.Any("err", err))
		}
	}
	return ctx.Err() == nil
}

// recordSent records a round's accepted messages in one transaction and
// announces their new status.
func (s *Service) recordSent(ctx context.Context, sent []store.SentOutbox) {
	if len(sent) == 0 {
		return
	}
	ms, err := s.db.MarkOutboxSentBatch(ctx, sent)
	if err != nil {
		s.log.Error("inbox: record sent messages", slog.Int("messages", len(sent)), slog.Any("err", err))
		return
	}
	for _, m := range ms {
		s.opt.Events.Emit(EventStatus, View(m))
	}
}

// deliver sends one outbox row, already marked as being attempted. It
// returns the accepted send for the round to record, or records a failure
// or retry itself and returns false.
func (s *Service) deliver(ctx context.Context, cfg whatsapp.Config, item store.OutboxItem) (store.SentOutbox, bool) {
	var out whatsapp.Outgoing
	if err := json.Unmarshal([]byte(item.Payload), &out); err != nil {
		s.fail(ctx, item, "the queued message cannot be read: "+err.Error())
		return store.SentOutbox{}, false
	}
	out.Callback = callbackData(item.ID)
	id, err := s.opt.Sender.Send(ctx, cfg, out)
	now := s.opt.Now()
	if err == nil {
		return store.SentOutbox{Item: item, WaMessageID: id, At: now}, true
	}
	if ctx.Err() != nil {
		return store.SentOutbox{}, false // shutting down: the row stays pending and is settled after restart
	}
	retryable := whatsapp.IsRetryable(err) || errors.Is(err, whatsapp.ErrNotConfigured)
	reason := whatsapp.Reason(err)
	if !retryable || now.Sub(item.CreatedAt) >= s.opt.GiveUpAfter {
		s.fail(ctx, item, reason)
		return store.SentOutbox{}, false
	}
	wait := backoff(s.opt.RetryBase, s.opt.RetryMax, item.Attempts)
	var apiErr *whatsapp.APIError
	if errors.As(err, &apiErr) && apiErr.RetryAfter > wait {
		wait = apiErr.RetryAfter
	}
	s.log.Warn("inbox: send failed, will retry", slog.Int64("outbox", item.ID), slog.Int("attempt", item.Attempts+1),
		slog.Duration("in", wait), slog.String("reason", reason))
	if err := s.db.RetryOutbox(ctx, item.ID, now.Add(wait), reason); err != nil {
		s.log.Error("inbox: schedule retry", slog.Int64("outbox", item.ID), slog.Any("err", err))
	}
	return store.SentOutbox{}, false
}

// callbackPrefix starts the biz_opaque_callback_data of every message sent.
const callbackPrefix = "chatflow:outbox:"

func callbackData(outboxID int64) string { return callbackPrefix + strconv.FormatInt(outboxID, 10) }

// outboxFromCallback reads the outbox id back from a status's callback data.
func outboxFromCallback(data string) (int64, bool) {
	rest, ok := strings.CutPrefix(data, callbackPrefix)
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	return id, err == nil && id > 0
}

// fail marks a message failed for good, with the reason the inbox shows.
func (s *Service) fail(ctx context.Context, item store.OutboxItem, reason string) {
	m, err := s.db.FailOutbox(ctx, item, reason, s.opt.Now())
	if err != nil {
		s.log.Error("inbox: record failed message", slog.Int64("outbox", item.ID), slog.Any("err", err))
		return
	}
	s.log.Warn("inbox: message failed", slog.Int64("outbox", item.ID), slog.String("reason", reason))
	s.opt.Events.Emit(EventStatus, View(m))
}

// nextSendWait is how long the sender may sleep: until the next row is due
// (a delay node, a retry), and never longer than the poll interval.
func (s *Service) nextSendWait(ctx context.Context) time.Duration {
	wait := s.opt.Poll
	if at, ok, err := s.db.NextOutboxTime(ctx); err == nil && ok {
		if d := at.Sub(s.opt.Now()); d < wait {
			wait = max(d, 5*time.Millisecond)
		}
	}
	return wait
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
