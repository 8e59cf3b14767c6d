package flow

import "strings"

// typeTemplate is the template node's type, named here before its
// definition lands so that a flow made of templates counts as sending.
const typeTemplate = "template"

// SendsAReply reports whether a customer who starts the flow can ever get a
// message back: some node reachable from a start node sends one (a message,
// a question, buttons, a list, a template, or a handoff or end with a text).
// Publishing refuses a flow that sends nothing, because such a bot would
// take every customer's message in silence while the owner believes it is
// answering.
func SendsAReply(f Flow) bool {
	next := map[string][]string{}
	for _, e := range f.Edges {
		next[e.Source] = append(next[e.Source], e.Target)
	}
	byID := map[string]Node{}
	var queue []string
	for _, n := range f.Nodes {
		byID[n.ID] = n
		if n.Type == TypeStart {
			queue = append(queue, n.ID)
		}
	}
	seen := map[string]bool{}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		if seen[id] {
			continue
		}
		seen[id] = true
		n, ok := byID[id]
		if !ok {
			continue
		}
		if sends(n) {
			return true
		}
		queue = append(queue, next[id]...)
	}
	return false
}

// sends reports whether reaching n puts a message in front of the customer.
func sends(n Node) bool {
	switch n.Type {
	case TypeMessage, TypeQuestion, TypeButtons, TypeList, typeTemplate:
		return true
	case TypeHandoff, TypeEnd:
		return strings.TrimSpace(n.Data.Text) != ""
	}
	return false
}
