package inbox

import (
	"context"
	"log/slog"
	"sync"

	"chatflow/backend/store"
)

// recorder writes the sends the Graph API accepted, many per statement:
// senders hand each one over and go on, and the recorder marks everything
// that arrived while its previous batch was committing in one
// store.DB.MarkSentBatch. Until then a row keeps its mark, so a crash in
// between is settled like any interrupted send.
type recorder struct {
	s    *Service
	mu   sync.Mutex
	list []store.Sent
	wake chan struct{}
	done chan struct{}
	once sync.Once
}

func newRecorder(s *Service) *recorder {
	return &recorder{s: s, wake: make(chan struct{}, 1), done: make(chan struct{})}
}

// add queues one accepted send for the next batch.
func (r *recorder) add(sent store.Sent) {
	r.mu.Lock()
	r.list = append(r.list, sent)
	r.mu.Unlock()
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// close makes run record what is left and return; no add may follow.
func (r *recorder) close() { r.once.Do(func() { close(r.done) }) }

// run records batches until close.
func (r *recorder) run() {
	for {
		select {
		case <-r.wake:
			r.flush()
		case <-r.done:
			r.flush()
			return
		}
	}
}

// flush records everything queued in one batch and announces the new
// statuses. Recording is never cut short: those messages are out, and
// forgetting it would send them again.
func (r *recorder) flush() {
	r.mu.Lock()
	batch := r.list
	r.list = nil
	r.mu.Unlock()
	if len(batch) == 0 {
		return
	}
	ms, err := r.s.db.MarkSentBatch(context.Background(), batch)
	if err != nil {
		r.s.log.Error("inbox: record sent messages", slog.Int("messages", len(batch)), slog.Any("err", err))
		return
	}
	for _, m := range ms {
		r.s.opt.Events.Emit(EventStatus, View(m))
	}
	if r.s.out.waiting() {
		r.s.out.kickPoll() // rows behind these may be due now
	}
}
