package engine

import "chatflow/backend/flow"

// delayNode makes the next reply wait. It does not block: the delay travels
// with the reply (Reply.DelayMs) and the outbox sends it when due, so other
// contacts are never held up. A delay with no reply after it has no effect.
type delayNode struct{}

func (delayNode) enter(_ *runContext, n flow.Node) result {
	secs := min(max(n.Data.Seconds, 0), flow.MaxDelaySeconds)
	return result{output: flow.HandleOut, delayMs: int64(secs) * 1000}
}
