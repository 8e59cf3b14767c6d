package flow

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

// sends reports whether reaching n puts a message in front of the customer,
// as its type's definition says.
func sends(n Node) bool {
	d, ok := byType[n.Type]
	return ok && d.sends != nil && d.sends(n.Data)
}
