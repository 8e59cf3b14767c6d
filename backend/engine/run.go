package engine

import (
	"fmt"
	"maps"
)

// turn is the state of one Handle call while nodes run.
type turn struct {
	Turn
	rc           runContext
	steps        int
	pendingDelay int64
}

// walk runs nodes from id until one waits, the run ends or the step budget
// is spent. It returns an error only when the context is cancelled.
func (e *Engine) walk(t *turn, id string) error {
	for id != "" {
		if err := t.rc.ctx.Err(); err != nil {
			return fmt.Errorf("engine: run stopped: %w", err)
		}
		if t.steps >= e.d.StepBudget {
			e.problem(t, fmt.Sprintf("the flow ran %d steps without waiting for the customer and was stopped; check it for a loop", e.d.StepBudget))
			t.endRun()
			return nil
		}
		n, ok := t.rc.flow.Node(id)
		if !ok {
			e.problem(t, fmt.Sprintf("a connection leads to the missing node %q; the run ended", id))
			t.endRun()
			return nil
		}
		ex, ok := registry[n.Type]
		if !ok {
			e.problem(t, fmt.Sprintf("node %s has the unknown type %q; the run ended", n.ID, n.Type))
			t.endRun()
			return nil
		}
		t.steps++
		t.Visited = append(t.Visited, n.ID)
		id = e.step(t, n.ID, ex.enter(&t.rc, n))
	}
	return nil
}

// step applies one executor result to the session and returns the next node
// to run ("" when the run waits, pauses or ends).
func (e *Engine) step(t *turn, nodeID string, r result) string {
	if r.problem != "" {
		e.problem(t, fmt.Sprintf("node %s: %s", nodeID, r.problem))
	}
	maps.Copy(t.Session.Attributes, r.set)
	if r.call != nil {
		t.Calls = append(t.Calls, *r.call)
	}
	t.pendingDelay += r.delayMs
	for _, reply := range r.replies {
		reply.DelayMs += t.pendingDelay
		t.pendingDelay = 0
		t.Replies = append(t.Replies, reply)
	}
	switch {
	case r.wait:
		t.Session.NodeID, t.Session.RetriesLeft, t.Session.Page = nodeID, r.retriesLeft, r.page
		return ""
	case r.pause:
		t.endRun()
		t.Session.Paused = true
		return ""
	}
	t.Session.NodeID, t.Session.RetriesLeft, t.Session.Page = "", 0, 0
	if r.output == "" {
		return ""
	}
	return t.rc.flow.Next(nodeID, r.output)
}

// endRun leaves the session with no active run.
func (t *turn) endRun() {
	t.Session.NodeID, t.Session.RetriesLeft, t.Session.Page = "", 0, 0
}

// finish fills in the turn's state.
func (t *turn) finish() Turn {
	switch {
	case t.Session.Paused:
		t.State = StatePaused
	case t.Session.NodeID != "":
		t.State = StateWait
	case len(t.Visited) > 0:
		t.State = StateEnd
	default:
		t.State = StateIdle
	}
	return t.Turn
}
