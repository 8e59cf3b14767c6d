package engine

import "chatflow/backend/flow"

// startNode is where a run begins; choosing whether a message starts a run
// (keywords) is the engine's job, so the node itself just moves on.
type startNode struct{}

func (startNode) enter(_ *runContext, _ flow.Node) result {
	return result{output: flow.HandleOut}
}

// matchesStart reports whether a first message starts a run at n: any
// message when the node has no keywords, otherwise one equal to a keyword
// (ignoring case, surrounding spaces and closing punctuation).
func matchesStart(n flow.Node, text string) bool {
	if len(n.Data.Keywords) == 0 {
		return true
	}
	msg := flow.NormalizeKeyword(text)
	for _, k := range n.Data.Keywords {
		if kw := flow.NormalizeKeyword(k); kw != "" && kw == msg {
			return true
		}
	}
	return false
}
