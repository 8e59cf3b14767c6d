package engine

import "chatflow/backend/flow"

// endNode finishes the run, with an optional last message. The contact's
// attributes are kept; the next message must match the start node again.
type endNode struct{}

func (endNode) enter(rc *runContext, n flow.Node) result {
	var r result
	if text := rc.render(n.Data.Text); text != "" {
		r.replies = []Reply{{Type: ReplyText, Text: text}}
	}
	return r
}
