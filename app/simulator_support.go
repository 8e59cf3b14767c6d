package app

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"chatflow/backend/apicall"
	"chatflow/backend/engine"
	"chatflow/backend/flow"
	"chatflow/backend/store"
)

// draftSource serves one flow's saved draft to a simulation's engine, as if
// it were the published flow.
type draftSource struct {
	db     *store.DB
	flowID int64
}

func (d draftSource) Published(ctx context.Context) (flow.Flow, bool, error) {
	f, err := d.ByID(ctx, d.flowID)
	if errors.Is(err, engine.ErrFlowNotFound) {
		return flow.Flow{}, false, nil
	}
	return f, err == nil, err
}

func (d draftSource) ByID(ctx context.Context, id int64) (flow.Flow, error) {
	f, err := d.db.Flow(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return flow.Flow{}, fmt.Errorf("%w: %w", engine.ErrFlowNotFound, err)
	}
	return f, err
}

// callRecorder passes API calls to the real runner and remembers which APIs
// a turn called, in order (the engine's outcomes do not name them).
type callRecorder struct {
	next  engine.APIRunner
	mu    sync.Mutex
	names []string
}

func (r *callRecorder) RunAPI(ctx context.Context, c apicall.Call) apicall.Outcome {
	r.mu.Lock()
	r.names = append(r.names, c.API)
	r.mu.Unlock()
	return r.next.RunAPI(ctx, c)
}

func (r *callRecorder) reset() {
	r.mu.Lock()
	r.names = nil
	r.mu.Unlock()
}

func (r *callRecorder) taken() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.names...)
}
