package inbox

import (
	"context"
	"sync"

	"chatflow/backend/whatsapp"
)

// acceptBatchMax bounds how many webhook bodies one transaction stores.
const acceptBatchMax = 64

// acceptReq is one webhook body waiting for its commit, and its outcome.
type acceptReq struct {
	n       whatsapp.Notification
	res     Accepted
	views   []MessageView
	updates []MessageView
	err     error
	// done is closed when the commit holding the body has ended; lead is
	// set instead when the caller is to commit the next batch itself.
	done chan struct{}
	lead bool
}

// acceptQueue is a leader-based group commit. The first body to arrive
// commits at once; bodies that arrive during that commit wait, and when it
// ends the oldest waiter commits all of them (up to acceptBatchMax) in one
// transaction. Under light load every body commits alone with no added
// wait; under load one commit serves many concurrent webhook requests.
type acceptQueue struct {
	mu      sync.Mutex
	waiting []*acceptReq
	busy    bool
}

// submit stores n through commit, batched with concurrent callers, and
// returns once the transaction holding n has ended.
func (q *acceptQueue) submit(ctx context.Context, n whatsapp.Notification, commit func(context.Context, []*acceptReq)) *acceptReq {
	r := &acceptReq{n: n, done: make(chan struct{})}
	q.mu.Lock()
	q.waiting = append(q.waiting, r)
	if q.busy {
		q.mu.Unlock()
		<-r.done
		if !r.lead {
			return r
		}
		q.mu.Lock()
	}
	q.busy = true
	k := min(len(q.waiting), acceptBatchMax)
	batch := q.waiting[:k:k]
	q.waiting = q.waiting[k:]
	q.mu.Unlock()

	// The batch is committed for every caller in it, so one caller's
	// cancelled request does not roll back the others' bodies.
	commit(context.WithoutCancel(ctx), batch)

	q.mu.Lock()
	if len(q.waiting) > 0 {
		next := q.waiting[0]
		next.lead = true
		close(next.done)
	} else {
		q.busy = false
	}
	q.mu.Unlock()
	for _, b := range batch {
		if b != r {
			close(b.done)
		}
	}
	return r
}
