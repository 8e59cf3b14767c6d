package engine

import (
	"context"
	"unicode/utf8"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/flow"
)

// registry lists the executor of every node type (node_<type>.go). It holds
// exactly the types of flow's registry, and input executors exactly for the
// types that wait for input (registry_test.go checks both); see "How to add
// a node type" in docs/architecture.md.
var registry = map[string]executor{
	flow.TypeStart:        startNode{},
	flow.TypeMessage:      messageNode{},
	flow.TypeQuestion:     questionNode{},
	flow.TypeButtons:      buttonsNode{},
	flow.TypeList:         listNode{},
	flow.TypeTemplate:     templateNode{},
	flow.TypeCondition:    conditionNode{},
	flow.TypeSetAttribute: setAttributeNode{},
	flow.TypeAPI:          apiNode{},
	flow.TypeDelay:        delayNode{},
	flow.TypeHandoff:      handoffNode{},
	flow.TypeEnd:          endNode{},
}

// executor runs one node type when the engine arrives at a node.
type executor interface {
	enter(rc *runContext, n flow.Node) result
}

// inputExecutor is an executor of a node that waits for the customer; resume
// handles the answer.
type inputExecutor interface {
	executor
	resume(rc *runContext, n flow.Node, in Inbound) result
}

// result is what an executor asks the engine to do. The engine applies it:
// executors never touch the session.
type result struct {
	// output is the handle to follow; "" ends the run (unless wait or pause).
	output string
	// replies are sent in order.
	replies []Reply
	// set holds attribute changes (normalized values).
	set map[string]string
	// wait keeps the session at this node until the next message, with
	// retriesLeft re-asks left.
	wait        bool
	retriesLeft int
	// page is the page of dynamic rows shown while waiting.
	page int
	// pause hands the contact to a person (handoff).
	pause bool
	// delayMs is added before the next reply.
	delayMs int64
	// call is the API call made, if any.
	call *apicall.Outcome
	// problem is a flow problem met here; it is logged and reported, and the
	// run goes on along output.
	problem string
}

// runContext is the read-only view an executor gets of the run.
type runContext struct {
	ctx         context.Context
	engine      *Engine
	flow        flow.Flow
	attrs       map[string]string
	types       map[string]attribute.Type
	env         *exprEnv
	contactID   int64
	retriesLeft int
	page        int
}

// render fills the {{placeholders}} of s from the current attributes.
func (rc *runContext) render(s string) string {
	return flow.Render(s, rc.attrs)
}

// coerce turns raw text into the normalized value of attribute name.
func (rc *runContext) coerce(name, raw string) (string, error) {
	return attribute.Coerce(rc.types[name], raw)
}

// truncate cuts s to at most limit characters, marking the cut with "…", so
// that a placeholder filled with a long value cannot break WhatsApp's limits.
func truncate(s string, limit int) string {
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	r := []rune(s)
	return string(r[:limit-1]) + "…"
}
