package engine

import "chatflow/backend/flow"

// listNode sends a list message (a button that opens up to ten rows) and
// waits; each row is an output. An answer that matches no row re-sends the
// list. With RowsFrom the rows are the items of a list attribute (rows.go).
type listNode struct{}

func (listNode) enter(rc *runContext, n flow.Node) result {
	if n.Data.RowsFrom != "" {
		return enterRows(rc, n)
	}
	return result{wait: true, replies: []Reply{listReply(rc, n)}}
}

func (listNode) resume(rc *runContext, n flow.Node, in Inbound) result {
	if n.Data.RowsFrom != "" {
		return resumeRows(rc, n, in)
	}
	if o, ok := choose(n.Data.Rows, in); ok {
		return chosen(rc, n, o)
	}
	return result{wait: true, replies: []Reply{listReply(rc, n)}}
}

func listReply(rc *runContext, n flow.Node) Reply {
	return Reply{Type: ReplyList, Text: truncate(rc.render(n.Data.Text), flow.MaxInteractiveBody),
		Button: n.Data.Button, Rows: append([]flow.Option(nil), n.Data.Rows...)}
}
