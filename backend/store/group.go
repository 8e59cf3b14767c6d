package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// Why group commit: every commit writes each page its transaction changed to
// the WAL (a pwrite per page) and takes SQLite's locks, whatever the size of
// the transaction. Under load the live bot's writers (webhook bodies, turns,
// send rounds, the call log) each committed on their own, so commits were
// the largest single cost per message (docs/performance.md). GroupTx lets
// concurrent writers share one transaction: rows appended to the same table
// share its pages, and the commit cost is paid once.

// groupMax bounds how many callers one transaction serves.
const groupMax = 64

// groupReq is one caller's transaction body waiting for its commit.
type groupReq struct {
	fn     func(tx *sql.Tx) error
	urgent bool
	err    error
	// done is closed when the commit holding fn has ended; lead is set
	// instead when the caller is to commit the next group itself.
	done chan struct{}
	lead bool
}

// groupCommit is a leader-based group commit. The first caller commits at
// once; callers that arrive during that commit wait, and when it ends the
// oldest of them commits all of them (up to groupMax) in one transaction.
// Under light load every caller commits alone with no added wait.
//
// Urgent callers (webhook acknowledgements, GroupTxUrgent) wait in a queue
// of their own: when a commit ends, the next group is theirs, so an
// acknowledgement waits for at most the commit under way and one other,
// never behind a queue of large turn commits. When both queues wait, urgent
// and other groups take turns, so neither can starve the other.
type groupCommit struct {
	mu      sync.Mutex
	waiting []*groupReq // other callers, oldest first
	urgent  []*groupReq // urgent callers, oldest first
	busy    bool
	// lastUrgent says the group committing (or last committed) was urgent.
	lastUrgent bool
}

// queue is the waiting list urgent or other callers join.
func (g *groupCommit) queue(urgent bool) *[]*groupReq {
	if urgent {
		return &g.urgent
	}
	return &g.waiting
}

// nextLeader picks, with g.mu held, the caller who commits the next group,
// or nil when nobody waits.
func (g *groupCommit) nextLeader() *groupReq {
	useUrgent := len(g.urgent) > 0 && (!g.lastUrgent || len(g.waiting) == 0)
	switch {
	case useUrgent:
		return g.urgent[0]
	case len(g.waiting) > 0:
		return g.waiting[0]
	}
	return nil
}

// GroupTx runs fn in a write transaction that it may share with concurrent
// GroupTx callers, and returns once that transaction has committed (nil) or
// failed. Bodies run one after another, so each sees the writes of those
// before it, as with separate transactions.
//
// When a body fails the shared transaction is rolled back and every body of
// the group runs again in a transaction of its own, so one failure never
// costs the others their commit. fn may therefore run more than once: it
// must write only through tx and reset whatever results it fills in.
func (db *DB) GroupTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return db.groupTx(ctx, fn, false)
}

// GroupTxUrgent is GroupTx for a writer a client is waiting on (the webhook
// answers Meta only after the commit): it is committed before the other
// waiting writers, in a group of urgent writers only.
func (db *DB) GroupTxUrgent(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return db.groupTx(ctx, fn, true)
}

func (db *DB) groupTx(ctx context.Context, fn func(tx *sql.Tx) error, urgent bool) error {
	g := &db.group
	r := &groupReq{fn: fn, urgent: urgent, done: make(chan struct{})}
	g.mu.Lock()
	q := g.queue(urgent)
	*q = append(*q, r)
	if g.busy {
		g.mu.Unlock()
		<-r.done
		if !r.lead {
			return r.err
		}
		g.mu.Lock()
	}
	g.busy, g.lastUrgent = true, urgent
	k := min(len(*q), groupMax)
	batch := (*q)[:k:k]
	*q = (*q)[k:]
	g.mu.Unlock()

	// The group is committed for every caller in it, so one caller's
	// cancelled context does not roll back the others' work.
	db.commitGroup(context.WithoutCancel(ctx), batch)

	g.mu.Lock()
	if next := g.nextLeader(); next != nil {
		next.lead = true
		close(next.done)
	} else {
		g.busy = false
	}
	g.mu.Unlock()
	for _, b := range batch {
		if b != r {
			close(b.done)
		}
	}
	return r.err
}

// commitGroup runs the bodies of batch in one transaction, or each in its
// own when that fails.
func (db *DB) commitGroup(ctx context.Context, batch []*groupReq) {
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		for _, r := range batch {
			if err := runBody(r.fn, tx); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil || len(batch) == 1 {
		for _, r := range batch {
			r.err = err
		}
		return
	}
	for _, r := range batch {
		r.err = db.Tx(ctx, func(tx *sql.Tx) error { return runBody(r.fn, tx) })
	}
}

// runBody runs one caller's body, turning a panic into its error: the body
// runs on another caller's goroutine, and a panic there would leave every
// caller of the group waiting forever.
func runBody(fn func(tx *sql.Tx) error, tx *sql.Tx) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("store: transaction body panicked: %v", p)
		}
	}()
	return fn(tx)
}
