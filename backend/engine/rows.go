package engine

import (
	"strconv"
	"strings"

	"chatflow/backend/flow"
)

// dynamicRows is a buttons or list node whose rows come from a list
// attribute (flow/rows.go): it sends the first page, shows the next when
// the customer answers "more" (tapped, typed or by its number), and when an
// item is picked — tapped, by its number on the page or by its title —
// saves it whole in the node's attribute and takes "out". An empty list
// takes "empty" without sending anything.
type dynamicRows struct {
	rows  []flow.Row
	pages []flow.Page
}

func loadRows(rc *runContext, n flow.Node) (dynamicRows, string) {
	items, ok := flow.ListItems(rc.attrs[n.Data.RowsFrom])
	problem := ""
	if !ok {
		problem = n.Data.RowsFrom + " does not hold a list, so there was nothing to offer"
	}
	t := n.RowTemplates()
	rows := flow.BuildRows(t, items, rc.attrs)
	return dynamicRows{rows: rows, pages: flow.Pages(rows, t.PageSize())}, problem
}

func enterRows(rc *runContext, n flow.Node) result {
	d, problem := loadRows(rc, n)
	if len(d.rows) == 0 {
		return result{output: flow.HandleEmpty, problem: problem}
	}
	return d.send(rc, n, 0)
}

func resumeRows(rc *runContext, n flow.Node, in Inbound) result {
	d, problem := loadRows(rc, n)
	if len(d.rows) == 0 {
		return result{output: flow.HandleEmpty, problem: problem}
	}
	page := min(max(rc.page, 0), len(d.pages)-1)
	row, more := d.choose(page, in)
	switch {
	case more && page+1 < len(d.pages):
		return d.send(rc, n, page+1)
	case row != nil:
		return chosenItem(rc, n, *row)
	}
	return d.send(rc, n, page)
}

// send shows one page and waits.
func (d dynamicRows) send(rc *runContext, n flow.Node, page int) result {
	opts := d.pages[page].Options()
	reply := Reply{Type: ReplyList, Text: truncate(rc.render(n.Data.Text), flow.MaxInteractiveBody), Button: n.Data.Button, Rows: opts}
	if n.Type == flow.TypeButtons {
		reply = Reply{Type: ReplyButtons, Text: reply.Text, Buttons: opts}
	}
	return result{wait: true, page: page, replies: []Reply{reply}}
}

// choose finds what the customer picked: a row, or "more". A tapped id and
// a typed title or id are looked for among every item (an older page's row
// may be tapped, a title typed from memory); a number counts on the page
// shown.
func (d dynamicRows) choose(page int, in Inbound) (*flow.Row, bool) {
	if in.ReplyID != "" {
		if in.ReplyID == flow.RowMoreID {
			return nil, true
		}
		for i := range d.rows {
			if d.rows[i].Option.ID == in.ReplyID {
				return &d.rows[i], false
			}
		}
	}
	text := strings.TrimSpace(in.Text)
	if text == "" {
		return nil, false
	}
	if strings.EqualFold(text, flow.RowMoreID) || strings.EqualFold(text, flow.RowMoreTitle) || strings.EqualFold(text, "more...") {
		return nil, true
	}
	for i := range d.rows {
		if strings.EqualFold(d.rows[i].Option.Title, text) || strings.EqualFold(d.rows[i].FullTitle, text) {
			return &d.rows[i], false
		}
	}
	opts := d.pages[page].Options()
	if k, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(text, ")"), ".")); err == nil && k >= 1 && k <= len(opts) {
		if opts[k-1].ID == flow.RowMoreID {
			return nil, true
		}
		return &d.pages[page].Rows[k-1], false
	}
	for i := range d.rows {
		if strings.EqualFold(d.rows[i].Option.ID, text) {
			return &d.rows[i], false
		}
	}
	return nil, false
}

// chosenItem follows "out" and saves the item in the node's attribute: an
// object as its JSON (so {{chosen.price}} reads a field later), a value as
// itself, coerced to the attribute's type.
func chosenItem(rc *runContext, n flow.Node, row flow.Row) result {
	r := result{output: flow.HandleOut}
	if n.Data.Attribute == "" {
		return r
	}
	v, err := rc.coerce(n.Data.Attribute, row.Item)
	if err != nil {
		r.problem = "the chosen item " + strconv.Quote(row.Option.Title) + " does not fit the attribute " + n.Data.Attribute + ": " + err.Error()
		return r
	}
	r.set = map[string]string{n.Data.Attribute: v}
	return r
}
