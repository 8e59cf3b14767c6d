package inbox

import (
	"context"
	"errors"
	"fmt"

	"chatflow/backend/engine"
	"chatflow/backend/flow"
	"chatflow/backend/store"
)

// LiveFlows is the engine.FlowSource of the live bot: the published copy of
// the published flow, read through the store's definitions cache. A session
// whose flow was deleted or unpublished gets engine.ErrFlowNotFound and
// ends, unless a notification trigger starts that flow (its saved version
// runs then). It lives here, beside the engine's other live wiring, so that the
// store depends on no part of the runtime.
func LiveFlows(db *store.DB) engine.FlowSource { return liveFlows{db} }

type liveFlows struct{ db *store.DB }

func (s liveFlows) Published(ctx context.Context) (flow.Flow, bool, error) {
	f, err := s.db.PublishedFlow(ctx)
	if errors.Is(err, store.ErrNotFound) {
		return flow.Flow{}, false, nil
	}
	return f, err == nil, err
}

func (s liveFlows) ByID(ctx context.Context, id int64) (flow.Flow, error) {
	f, err := s.db.LiveFlow(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		// A flow a notification trigger starts is live through its
		// trigger: it runs its last saved version.
		f, err = s.db.TriggerFlow(ctx, id)
	}
	if errors.Is(err, store.ErrNotFound) {
		return flow.Flow{}, fmt.Errorf("%w: %w", engine.ErrFlowNotFound, err)
	}
	return f, err
}
