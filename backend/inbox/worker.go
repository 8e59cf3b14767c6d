package inbox

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/whatsapp"
)

// maxInboundAttempts is how often a message whose turn failed (the flows
// could not be read, say) is tried before it is marked failed.
const maxInboundAttempts = 5

// dispatch hands contacts with pending messages to workers: one worker per
// contact (so its messages run in order), at most Options.Workers at once.
func (s *Service) dispatch(ctx context.Context) {
	active := map[int64]bool{}
	done := make(chan int64)
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		if ctx.Err() == nil {
			s.startWorkers(ctx, active, done)
		}
		if ctx.Err() != nil && len(active) == 0 {
			return
		}
		select {
		case <-ctx.Done():
		case <-s.wake:
		case <-timer.C:
		case id := <-done:
			delete(active, id)
		}
		timer.Reset(s.nextInboundWait(ctx))
	}
}

func (s *Service) startWorkers(ctx context.Context, active map[int64]bool, done chan<- int64) {
	if len(active) >= s.opt.Workers {
		return
	}
	contacts, err := s.db.PendingInboundContacts(ctx, s.opt.Now())
	if err != nil {
		s.log.Error("inbox: list pending messages", slog.Any("err", err))
		return
	}
	for _, id := range contacts {
		if active[id] {
			continue
		}
		if len(active) >= s.opt.Workers {
			return
		}
		active[id] = true
		go func() {
			s.work(ctx, id)
			done <- id
		}()
	}
}

// nextInboundWait is how long the dispatcher may sleep: until the earliest
// retry, and never longer than the poll interval.
func (s *Service) nextInboundWait(ctx context.Context) time.Duration {
	wait := s.opt.Poll
	if at, ok, err := s.db.NextInboundRetry(ctx); err == nil && ok {
		if d := at.Sub(s.opt.Now()); d < wait {
			wait = max(d, 10*time.Millisecond)
		}
	}
	return wait
}

// work runs one contact's due messages in order until none is left.
func (s *Service) work(ctx context.Context, contactID int64) {
	for ctx.Err() == nil {
		in, ok, err := s.db.NextInbound(ctx, contactID, s.opt.Now())
		if err != nil {
			s.log.Error("inbox: next message", slog.Int64("contact", contactID), slog.Any("err", err))
			return
		}
		if !ok {
			return
		}
		if err := s.process(ctx, in); err != nil {
			s.retryInbound(ctx, in, err)
			return
		}
	}
}

// process decides what one message deserves and records it: a turn of the
// flow, or only a final state when the flow must not run.
func (s *Service) process(ctx context.Context, in store.Inbound) error {
	var msg whatsapp.Message
	if err := json.Unmarshal([]byte(in.Payload), &msg); err != nil {
		return s.finish(ctx, in, store.InboundFailed, "the stored message cannot be read: "+err.Error())
	}
	contact, err := s.db.Contact(ctx, in.ContactID)
	if err != nil {
		return err
	}
	rt, err := s.runtime(ctx)
	if err != nil {
		return err
	}
	now := s.opt.Now()
	switch {
	case !msg.Runs():
		return s.finish(ctx, in, store.InboundSkipped, "not a message the bot answers")
	case contact.BotPaused:
		return s.finish(ctx, in, store.InboundSkipped, "the bot is paused for this contact")
	case now.Sub(in.SentAt) > rt.StaleAge:
		return s.finish(ctx, in, store.InboundStale,
			fmt.Sprintf("not answered: it arrived %s after it was sent (limit %s)", roundAge(now.Sub(in.SentAt)), rt.StaleAge))
	}
	return s.runTurn(ctx, in, msg, contact)
}

// finish closes a message without running the flow.
func (s *Service) finish(ctx context.Context, in store.Inbound, state, reason string) error {
	m, err := s.finishTx(ctx, in, state, reason)
	if err != nil {
		return err
	}
	s.opt.Events.Emit(EventStatus, View(m))
	return nil
}

// retryInbound schedules another attempt after a failed one, or gives up.
func (s *Service) retryInbound(ctx context.Context, in store.Inbound, cause error) {
	if ctx.Err() != nil {
		return // shutting down: the message stays pending for the next start
	}
	s.log.Warn("inbox: message not processed", slog.String("id", in.WaMessageID), slog.Int("attempt", in.Attempts+1), slog.Any("err", cause))
	if in.Attempts+1 >= maxInboundAttempts {
		if err := s.finish(ctx, in, store.InboundFailed, "not answered: "+cause.Error()); err != nil {
			s.log.Error("inbox: give up on message", slog.String("id", in.WaMessageID), slog.Any("err", err))
		}
		return
	}
	next := s.opt.Now().Add(backoff(s.opt.RetryBase, s.opt.RetryMax, in.Attempts))
	if err := s.db.RetryInbound(ctx, in.ID, next, cause.Error()); err != nil {
		s.log.Error("inbox: schedule retry", slog.String("id", in.WaMessageID), slog.Any("err", err))
	}
}

func roundAge(d time.Duration) time.Duration {
	if d > time.Minute {
		return d.Round(time.Minute)
	}
	return d.Round(time.Second)
}
