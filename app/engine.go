package app

import (
	"context"
	"fmt"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/engine"
	"chatflow/backend/inbox"
	"chatflow/backend/store"
)

// exprCache holds the compiled expressions of every engine in the process:
// Flows.Save fills it for the saved version, and the live engine, the
// simulator and the CLI read from it. Programs depend only on their source
// and the attribute types, which the cache key includes, so one cache serves
// every database safely.
var exprCache = engine.NewCache()

// NewLiveEngine builds the engine that answers WhatsApp messages: it runs the
// published copy of the published flow and calls APIs through runner (an
// *apicall.Runner in production). The inbox calls Handle on it.
func NewLiveEngine(deps *Deps, runner engine.APIRunner) *engine.Engine {
	return engine.New(engine.Deps{
		Flows:      inbox.LiveFlows(deps.DB),
		APIs:       runner,
		Attributes: deps.DB.LiveAttributes,
		Logger:     deps.Log,
		CallSource: "live",
		Cache:      exprCache,
	})
}

// newAPIRunner returns the runner that makes real API calls and records
// them in the call log.
func newAPIRunner(deps *Deps) *apicall.Runner {
	return apicall.NewRunner(deps.DB, nil, deps.Log)
}

// validationEnv is the flow.Env of the current database: its attributes,
// its APIs and expressions compiled against the attribute types.
func validationEnv(ctx context.Context, db *store.DB) (*engine.ValidationEnv, []attribute.Definition, error) {
	defs, err := db.Attributes(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("load attributes: %w", err)
	}
	apis, err := db.APIs(ctx, "")
	if err != nil {
		return nil, nil, fmt.Errorf("load APIs: %w", err)
	}
	names := make([]string, 0, len(apis))
	for _, a := range apis {
		names = append(names, a.Name)
	}
	return engine.NewValidationEnv(defs, names), defs, nil
}
