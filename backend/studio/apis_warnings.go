package studio

import (
	"context"

	"chatflow/backend/apicall"
	"chatflow/backend/engine"
)

// Warnings returns what is allowed in def but almost certainly wrong (a
// JSON body that is not JSON, a GET with a body, a placeholder that names
// no attribute), each under its field, so the APIs page shows them after a
// save. They never stop a save; the flows that call the API show the same
// sentences on their API nodes.
func (u *APIs) Warnings(ctx context.Context, def apicall.Definition) ([]FieldProblem, error) {
	defs, err := u.s.db.Attributes(ctx)
	if err != nil {
		return nil, u.s.internal("read the attributes", err)
	}
	env := engine.NewValidationEnv(defs, nil)
	out := []FieldProblem{}
	for _, w := range apicall.Lint(def, env.AttributeExists) {
		out = append(out, FieldProblem{Field: w.Field, Message: w.Message})
	}
	return out, nil
}
