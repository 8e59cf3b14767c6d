package engine

import (
	"testing"

	"chatflow/backend/attribute"
)

// FuzzCompileExpression feeds arbitrary expressions through the compile and
// run path used by conditions and setAttribute nodes: whatever the text, it
// must give a result or an error, never a panic.
func FuzzCompileExpression(f *testing.F) {
	for _, s := range []string{
		"total > 100", `contact.name == "Ana"`, "vip && api.status == 200", `upper(order_id) + "!"`,
		"1..10 | map(# * 2) | sum()", "total / 0", `when > "2026-01-01"`, "", "((((", "contact.", `"\u00e9" + message.text`,
	} {
		f.Add(s)
	}
	defs := []attribute.Definition{
		{Name: "total", Type: attribute.Number}, {Name: "vip", Type: attribute.Boolean},
		{Name: "order_id", Type: attribute.Text}, {Name: "when", Type: attribute.Date},
	}
	v := NewValidationEnv(defs, nil)
	env := newExprEnv(defs)
	attrs := map[string]string{"total": "12.5", "vip": "true", "order_id": "a1", "contact.name": "Ana", "api.status": "200"}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1000 {
			return
		}
		_ = v.CheckCondition(src)
		if v.CheckExpression(src) != nil {
			return
		}
		rc := &runContext{engine: New(Deps{}), env: env, attrs: attrs}
		_, _ = rc.eval(src, false)
	})
}
