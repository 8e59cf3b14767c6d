package inbox

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/whatsapp"
)

// maxInboundAttempts is how often a message whose turn failed (the flows
// could not be read, say) is tried before it is marked failed.
const maxInboundAttempts = 5

// workBatch is how many of one contact's due messages a worker reads at a
// time.
const workBatch = 16

// Why the dispatcher works from hints: reading the queue from the database
// after every message (which contacts have pending work, and when the next
// retry is due) was two queries per message on the path every message
// takes. Accept now names the contacts it queued messages for, and the
// database is read only at start (work left by the last run), when the poll
// timer fires (a retry whose time has come), and after a retry was
// scheduled. A hint for a contact whose worker is running is kept until the
// worker ends, then the contact runs again: the worker may have read its
// queue just before the new message was committed.

// readyContacts are the hints: contacts that have newly queued messages.
type readyContacts struct {
	mu  sync.Mutex
	ids []int64
}

func (r *readyContacts) add(id int64) {
	r.mu.Lock()
	r.ids = append(r.ids, id)
	r.mu.Unlock()
}

func (r *readyContacts) drain() []int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	ids := r.ids
	r.ids = nil
	return ids
}

// dispatch hands contacts with pending messages to workers: one worker per
// contact (so its messages run in order), at most Options.Workers at once.
func (s *Service) dispatch(ctx context.Context) {
	active := map[int64]bool{}
	q := &contactQueue{queued: map[int64]bool{}}
	done := make(chan int64)
	poll := true // the first round reads what the last run left
	timer := time.NewTimer(s.opt.Poll)
	defer timer.Stop()
	for {
		if ctx.Err() == nil {
			for _, id := range s.ready.drain() {
				q.push(id)
			}
			if poll {
				s.pollPending(ctx, q)
			}
			s.startWorkers(ctx, q, active, done)
		}
		if ctx.Err() != nil && len(active) == 0 {
			return
		}
		if poll || s.retried.Swap(false) {
			timer.Reset(s.nextInboundWait(ctx))
		}
		poll = false
		select {
		case <-ctx.Done():
		case <-s.wake:
		case <-timer.C:
			poll = true
		case id := <-done:
			delete(active, id)
		}
	}
}

// contactQueue holds contacts waiting for a worker, oldest first, each once.
type contactQueue struct {
	ids    []int64
	queued map[int64]bool
}

func (q *contactQueue) push(id int64) {
	if !q.queued[id] {
		q.queued[id] = true
		q.ids = append(q.ids, id)
	}
}

// pollPending queues every contact whose oldest pending message is due.
func (s *Service) pollPending(ctx context.Context, q *contactQueue) {
	contacts, err := s.db.PendingInboundContacts(ctx, s.opt.Now())
	if err != nil {
		if ctx.Err() == nil { // stopping is not an error
			s.log.Error("inbox: list pending messages", slog.Any("err", err))
		}
		return
	}
	for _, id := range contacts {
		q.push(id)
	}
}

// startWorkers starts a worker for each queued contact, oldest first, while
// the pool has room. A contact whose worker is still running stays queued
// and runs again once that worker has ended.
func (s *Service) startWorkers(ctx context.Context, q *contactQueue, active map[int64]bool, done chan<- int64) {
	rest := q.ids[:0]
	for i, id := range q.ids {
		if len(active) >= s.opt.Workers {
			// The pool is full: the rest waits as it is (a backlog of many
			// contacts is not walked again on every event).
			rest = append(rest, q.ids[i:]...)
			break
		}
		if active[id] {
			rest = append(rest, id)
			continue
		}
		delete(q.queued, id)
		active[id] = true
		go func() {
			s.work(ctx, id)
			done <- id
		}()
	}
	clear(q.ids[len(rest):])
	q.ids = rest
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

// work runs one contact's due messages in order. It reads the queue (with
// what the turns need, in one statement) until a read returns less than a
// full batch: a message queued after that read comes with a hint, which
// runs the contact again.
func (s *Service) work(ctx context.Context, contactID int64) {
	for ctx.Err() == nil {
		w, err := s.db.DueWork(ctx, contactID, s.opt.Now(), workBatch)
		if err != nil {
			s.log.Error("inbox: next message", slog.Int64("contact", contactID), slog.Any("err", err))
			return
		}
		if len(w.Items) == 0 {
			return
		}
		st, err := newContactState(w)
		for _, item := range w.Items {
			if ctx.Err() != nil {
				return // shutting down: the rest stays waiting for the next start
			}
			if err == nil {
				err = s.process(ctx, st, item)
			}
			if err != nil {
				s.retryInbound(ctx, item, err)
				return
			}
		}
		if len(w.Items) < workBatch {
			return
		}
	}
}

// newContactState decodes what DueWork read for the contact's turns.
func newContactState(w store.Work) (*contactState, error) {
	st := &contactState{contact: w.Contact, values: w.Attributes, version: w.DefinitionsVersion}
	sess, err := decodeSession(w.Contact.ID, w.Session)
	if err != nil {
		return nil, err
	}
	st.session = sess
	return st, nil
}

// process decides what one incoming row deserves and records it: a turn of
// the flow, or only a final status when the flow must not run. Kinds other
// than a customer message plug in here (docs/architecture.md, "the inbound
// queue").
func (s *Service) process(ctx context.Context, st *contactState, item store.Message) error {
	if item.Kind == store.KindNotification {
		return s.runNotification(ctx, st, item)
	}
	if item.Kind != store.KindMessage {
		return s.finish(ctx, item, store.InboundFailed, fmt.Sprintf("this version cannot handle %q work", item.Kind))
	}
	var msg whatsapp.Message
	if err := json.Unmarshal([]byte(item.Input), &msg); err != nil {
		return s.finish(ctx, item, store.InboundFailed, "the stored message cannot be read: "+err.Error())
	}
	rt, err := s.runtime(ctx)
	if err != nil {
		return err
	}
	now := s.opt.Now()
	switch {
	case !msg.Runs():
		return s.finish(ctx, item, store.InboundSkipped, "not a message the bot answers")
	case st.contact.BotPaused:
		return s.finish(ctx, item, store.InboundSkipped, "the bot is paused for this contact")
	case now.Sub(item.CreatedAt) > rt.StaleAge:
		return s.finish(ctx, item, store.InboundStale,
			fmt.Sprintf("not answered: it arrived %s after it was sent (limit %s)", roundAge(now.Sub(item.CreatedAt)), rt.StaleAge))
	}
	return s.runTurn(ctx, st, item, msg)
}

// retryInbound schedules another attempt after a failed one, or gives up.
func (s *Service) retryInbound(ctx context.Context, item store.Message, cause error) {
	if ctx.Err() != nil {
		return // shutting down: the message stays waiting for the next start
	}
	s.log.Warn("inbox: message not processed", slog.String("id", item.WaMessageID), slog.Int("attempt", item.Attempts+1), slog.Any("err", cause))
	if item.Attempts+1 >= maxInboundAttempts {
		if err := s.finish(ctx, item, store.InboundFailed, "not answered: "+cause.Error()); err != nil {
			s.log.Error("inbox: give up on message", slog.String("id", item.WaMessageID), slog.Any("err", err))
		}
		return
	}
	next := s.opt.Now().Add(backoff(s.opt.RetryBase, s.opt.RetryMax, item.Attempts))
	if err := s.db.RetryInbound(ctx, item.ID, next, cause.Error()); err != nil {
		s.log.Error("inbox: schedule retry", slog.String("id", item.WaMessageID), slog.Any("err", err))
	}
	s.retried.Store(true) // the dispatcher's timer must now cover the retry time
}

func roundAge(d time.Duration) time.Duration {
	if d > time.Minute {
		return d.Round(time.Minute)
	}
	return d.Round(time.Second)
}
