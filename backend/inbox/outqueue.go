package inbox

import (
	"sync"
	"time"

	"chatflow/backend/store"
)

// The outbound queue lives in the database (the outgoing rows with status
// "queued"); outQueue is what the process knows about it, so that a reply
// usually reaches a sender without another statement:
//
//   - pending counts each contact's waiting rows. A turn whose contact has
//     nothing waiting inserts its replies already marked as being sent
//     (reserve) and hands them to the senders after its commit (hold).
//     Anything else (a contact with replies waiting, a delay, a retry, a
//     full hand-off) is left to the poller, which reads the database for
//     due rows, marks them in one statement and holds them too.
//   - held keeps the marked rows not yet taken by a sender, per contact and
//     in order; ready lists the contacts that have some and no send in
//     flight. One sender at a time sends a contact's rows, so a
//     conversation leaves in order.
//
// held is bounded by maxHeld: past it replies wait in the database, so a
// backlog costs disk, not memory.

// maxHeld bounds the rows handed to the senders and not yet sent.
const maxHeld = 1024

type outQueue struct {
	mu      sync.Mutex
	pending map[int64]int
	held    map[int64][]store.Message
	heldN   int
	ready   []int64
	inReady map[int64]bool
	busy    map[int64]bool
	// signal wakes a sender waiting for a ready contact; poll wakes the
	// poller.
	signal chan struct{}
	poll   chan struct{}
}

func newOutQueue() *outQueue {
	return &outQueue{pending: map[int64]int{}, held: map[int64][]store.Message{}, inReady: map[int64]bool{},
		busy: map[int64]bool{}, signal: make(chan struct{}, 1), poll: make(chan struct{}, 1)}
}

// start takes the waiting rows counted at startup.
func (q *outQueue) start(pending map[int64]int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for c, n := range pending {
		q.pending[c] += n
	}
}

// reserve counts rows, new waiting rows for contact c, and returns how many
// of the first ones the turn may mark and hand to the senders itself: the
// leading rows due at now, when the contact has nothing waiting before them
// and the hand-off has room. The caller marks those (SendingAt) before its
// insert, and calls hold after its commit or unreserve when it failed.
func (q *outQueue) reserve(c int64, rows []store.Message, now time.Time) int {
	q.mu.Lock()
	defer q.mu.Unlock()
	claim := 0
	if q.pending[c] == 0 && !q.busy[c] {
		for claim < len(rows) && !rows[claim].NextAttemptAt.After(now) && q.heldN+claim < maxHeld {
			claim++
		}
	}
	q.pending[c] += len(rows)
	q.heldN += claim
	return claim
}

// unreserve undoes reserve after a failed commit.
func (q *outQueue) unreserve(c int64, rows, claimed int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.pending[c] -= rows
	if q.pending[c] <= 0 {
		delete(q.pending, c)
	}
	q.heldN -= claimed
}

// hold hands committed, marked rows of contact c to the senders, in order.
// Their room was taken by reserve or claimPolled.
func (q *outQueue) hold(c int64, rows []store.Message) {
	if len(rows) == 0 {
		return
	}
	q.mu.Lock()
	q.held[c] = append(q.held[c], rows...)
	q.markReady(c)
	q.mu.Unlock()
	q.wakeSender()
}

// markReady lists c for the senders when it has held rows and no send in
// flight. q.mu is held.
func (q *outQueue) markReady(c int64) {
	if len(q.held[c]) > 0 && !q.busy[c] && !q.inReady[c] {
		q.inReady[c] = true
		q.ready = append(q.ready, c)
	}
}

// take gives a sender the next row of the longest-ready contact, and
// false when none is ready. The contact is busy until finish.
func (q *outQueue) take() (int64, store.Message, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.ready) == 0 {
		return 0, store.Message{}, false
	}
	c := q.ready[0]
	q.ready = q.ready[1:]
	delete(q.inReady, c)
	row := q.held[c][0]
	if q.held[c] = q.held[c][1:]; len(q.held[c]) == 0 {
		delete(q.held, c)
	}
	q.heldN--
	q.busy[c] = true
	if len(q.ready) > 0 {
		q.wakeSender()
	}
	return c, row, true
}

// Outcomes of one send, for finish.
type sendOutcome int

const (
	outcomeSent    sendOutcome = iota // the Graph API accepted it
	outcomeFailed                     // given up on for good
	outcomeRetry                      // waits in the database for a retry
	outcomeStopped                    // cut short by shutdown during the send: it keeps its mark
	outcomeUnsent                     // not attempted (shutdown): its mark must be cleared
)

// finish records how a sender's row id of contact c ended. After a retry
// (or at shutdown) the contact's other held rows must not leave before it:
// they are returned, with the row itself when it was not attempted, for the
// caller to clear their marks, and wait in the database.
func (q *outQueue) finish(c, id int64, outcome sendOutcome) (released []int64) {
	q.mu.Lock()
	delete(q.busy, c)
	if outcome == outcomeSent || outcome == outcomeFailed {
		if q.pending[c]--; q.pending[c] <= 0 {
			delete(q.pending, c)
		}
	}
	if outcome == outcomeUnsent {
		released = append(released, id)
	}
	if outcome != outcomeSent && outcome != outcomeFailed {
		for _, m := range q.held[c] {
			released = append(released, m.ID)
		}
		q.heldN -= len(q.held[c])
		delete(q.held, c)
	}
	q.markReady(c)
	more := len(q.held[c]) == 0 && q.pending[c] > 0
	wake := len(q.ready) > 0
	q.mu.Unlock()
	if wake {
		q.wakeSender()
	}
	if more || outcome == outcomeRetry {
		q.kickPoll() // the contact's next rows wait in the database
	}
	return released
}

// room is how many more rows may be held.
func (q *outQueue) room() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return maxHeld - q.heldN
}

// claimPolled keeps the due rows the poller read that may be handed to the
// senders (their contact has no held row and no send in flight) and takes
// room for them.
func (q *outQueue) claimPolled(rows []store.Message) []store.Message {
	q.mu.Lock()
	defer q.mu.Unlock()
	var out []store.Message
	for _, m := range rows {
		if q.busy[m.ContactID] || len(q.held[m.ContactID]) > 0 || q.heldN >= maxHeld {
			continue
		}
		q.heldN++
		out = append(out, m)
	}
	return out
}

// unclaim gives back the room of polled rows that could not be marked.
func (q *outQueue) unclaim(n int) {
	q.mu.Lock()
	q.heldN -= n
	q.mu.Unlock()
}

// settled counts a waiting row of contact c that a status webhook settled
// (a send interrupted by the last stop went out after all).
func (q *outQueue) settled(c int64) {
	q.mu.Lock()
	if q.pending[c] > 0 {
		if q.pending[c]--; q.pending[c] == 0 {
			delete(q.pending, c)
		}
	}
	q.mu.Unlock()
}

// drain empties the hand-off at shutdown and returns the rows it held, for
// their marks to be cleared.
func (q *outQueue) drain() []int64 {
	q.mu.Lock()
	defer q.mu.Unlock()
	var ids []int64
	for c, rows := range q.held {
		for _, m := range rows {
			ids = append(ids, m.ID)
		}
		delete(q.held, c)
	}
	q.heldN, q.ready = 0, nil
	clear(q.inReady)
	return ids
}

// waiting reports whether rows wait in the database beyond what is held or
// being sent (the poller has work).
func (q *outQueue) waiting() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	for c, n := range q.pending {
		held := len(q.held[c])
		if q.busy[c] {
			held++
		}
		if n > held {
			return true
		}
	}
	return false
}

func (q *outQueue) wakeSender() {
	select {
	case q.signal <- struct{}{}:
	default:
	}
}

func (q *outQueue) kickPoll() {
	select {
	case q.poll <- struct{}{}:
	default:
	}
}
