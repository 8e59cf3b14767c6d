package engine

import "chatflow/backend/flow"

// setAttributeNode stores a value in an attribute: the rendered Value
// template, or the result of Expression when there is one. The value is
// coerced to the attribute's type; a value that does not fit is reported and
// the attribute is left unchanged.
type setAttributeNode struct{}

func (setAttributeNode) enter(rc *runContext, n flow.Node) result {
	d := n.Data
	r := result{output: flow.HandleOut}
	raw := rc.render(d.Value)
	if d.Expression != "" {
		v, err := rc.eval(d.Expression, false)
		if err != nil {
			r.problem = "set " + d.Attribute + ": " + err.Error()
			return r
		}
		raw = formatValue(v)
	}
	v, err := rc.coerce(d.Attribute, raw)
	if err != nil {
		r.problem = "set " + d.Attribute + ": " + err.Error()
		return r
	}
	r.set = map[string]string{d.Attribute: v}
	return r
}
