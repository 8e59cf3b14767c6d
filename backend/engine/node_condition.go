package engine

import (
	"fmt"

	"github.com/expr-lang/expr"

	"chatflow/backend/flow"
)

// conditionNode branches on an expr-lang expression over the attributes. An
// expression that fails (it should not: it was compiled at save) takes
// "false" and is reported.
type conditionNode struct{}

func (conditionNode) enter(rc *runContext, n flow.Node) result {
	v, err := rc.eval(n.Data.Expression, true)
	if err != nil {
		return result{output: flow.HandleFalse, problem: "condition " + n.ID + ": " + err.Error()}
	}
	if b, _ := v.(bool); b {
		return result{output: flow.HandleTrue}
	}
	return result{output: flow.HandleFalse}
}

// eval runs an expression with the compiled-program cache of the flow version.
func (rc *runContext) eval(src string, asBool bool) (out any, err error) {
	p, err := rc.engine.d.Cache.program(rc.flow, rc.env, src, asBool)
	if err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the expression failed: %v", r)
		}
	}()
	out, err = expr.Run(p, rc.env.values(rc.attrs))
	if err != nil {
		return nil, fmt.Errorf("%s", firstLine(err.Error()))
	}
	return out, nil
}
