package engine

import (
	"strconv"
	"strings"

	"chatflow/backend/flow"
)

// choose finds the option the customer picked: the tapped reply id, else
// the title typed (ignoring case), else the option number, else the id typed.
func choose(opts []flow.Option, in Inbound) (flow.Option, bool) {
	if in.ReplyID != "" {
		for _, o := range opts {
			if o.ID == in.ReplyID {
				return o, true
			}
		}
	}
	text := strings.TrimSpace(in.Text)
	if text == "" {
		return flow.Option{}, false
	}
	for _, o := range opts {
		if strings.EqualFold(strings.TrimSpace(o.Title), text) {
			return o, true
		}
	}
	if n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(text, ")"), ".")); err == nil && n >= 1 && n <= len(opts) {
		return opts[n-1], true
	}
	for _, o := range opts {
		if strings.EqualFold(o.ID, text) {
			return o, true
		}
	}
	return flow.Option{}, false
}

// chosen is the result of a buttons or list node once an option is picked:
// follow the option's handle and save its title when the node names an
// attribute.
func chosen(rc *runContext, n flow.Node, o flow.Option) result {
	r := result{output: o.ID}
	if n.Data.Attribute == "" {
		return r
	}
	v, err := rc.coerce(n.Data.Attribute, o.Title)
	if err != nil {
		r.problem = "the choice " + strconv.Quote(o.Title) + " does not fit the attribute " + n.Data.Attribute + ": " + err.Error()
		return r
	}
	r.set = map[string]string{n.Data.Attribute: v}
	return r
}
