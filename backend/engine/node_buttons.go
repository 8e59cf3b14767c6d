package engine

import "chatflow/backend/flow"

// buttonsNode sends up to three reply buttons and waits; each button is an
// output. An answer that matches no button re-sends the buttons. With
// RowsFrom the buttons are the items of a list attribute (rows.go).
type buttonsNode struct{}

func (buttonsNode) enter(rc *runContext, n flow.Node) result {
	if n.Data.RowsFrom != "" {
		return enterRows(rc, n)
	}
	return result{wait: true, replies: []Reply{buttonsReply(rc, n)}}
}

func (buttonsNode) resume(rc *runContext, n flow.Node, in Inbound) result {
	if n.Data.RowsFrom != "" {
		return resumeRows(rc, n, in)
	}
	if o, ok := choose(n.Data.Buttons, in); ok {
		return chosen(rc, n, o)
	}
	return result{wait: true, replies: []Reply{buttonsReply(rc, n)}}
}

func buttonsReply(rc *runContext, n flow.Node) Reply {
	return Reply{Type: ReplyButtons, Text: truncate(rc.render(n.Data.Text), flow.MaxInteractiveBody),
		Buttons: append([]flow.Option(nil), n.Data.Buttons...)}
}
