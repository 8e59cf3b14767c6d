package studio

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"chatflow/backend/apperr"
	"chatflow/backend/flow"
	"chatflow/backend/store"
)

// Flows are the flow use cases: the list, the editor's document with its
// validation, publishing, renaming, copying and deleting.
type Flows struct{ s *Studio }

// FlowSummary is one row of the flows list.
type FlowSummary struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	Published bool   `json:"published"`
	Valid     bool   `json:"valid"`
	Problems  int    `json:"problems"`
	Version   int    `json:"version"`
	// UnpublishedChanges is true when the live flow was edited since it was
	// published: customers still get the published copy.
	UnpublishedChanges bool   `json:"unpublishedChanges"`
	UpdatedAt          string `json:"updatedAt"`
}

// SaveResult is the saved flow with its validation problems, so the canvas
// can badge the nodes at fault.
type SaveResult struct {
	Flow     flow.Flow      `json:"flow"`
	Problems []flow.Problem `json:"problems"`
}

// List returns every flow by name.
func (u *Flows) List(ctx context.Context) ([]FlowSummary, error) {
	list, err := u.s.db.Flows(ctx)
	if err != nil {
		return nil, u.s.internal("list the flows", err)
	}
	out := make([]FlowSummary, 0, len(list))
	for _, f := range list {
		out = append(out, FlowSummary{ID: f.ID, Name: f.Name, Published: f.Published, Valid: f.Valid,
			Problems: f.Problems, Version: f.Version, UnpublishedChanges: f.Published && f.Version != f.LiveVersion,
			UpdatedAt: f.UpdatedAt.UTC().Format(time.RFC3339)})
	}
	return out, nil
}

// Get returns a flow's document as last saved (the draft).
func (u *Flows) Get(ctx context.Context, id int64) (flow.Flow, error) {
	f, err := u.s.db.Flow(ctx, id)
	if err != nil {
		return flow.Flow{}, u.fail("open the flow", err)
	}
	return f, nil
}

// Create makes a new flow holding only a start node.
func (u *Flows) Create(ctx context.Context, name string) (flow.Flow, error) {
	name, err := checkFlowName(name)
	if err != nil {
		return flow.Flow{}, err
	}
	return u.create(ctx, flow.Flow{Name: name, Nodes: []flow.Node{{ID: "start", Type: flow.TypeStart}}})
}

// Duplicate copies a flow under the name "<name> (copy)", unpublished.
func (u *Flows) Duplicate(ctx context.Context, id int64) (flow.Flow, error) {
	f, err := u.s.db.Flow(ctx, id)
	if err != nil {
		return flow.Flow{}, u.fail("duplicate the flow", err)
	}
	base := f.Name + " (copy)"
	for i := 1; i <= 100; i++ {
		f.Name = base
		if i > 1 {
			f.Name = fmt.Sprintf("%s (copy %d)", strings.TrimSuffix(base, " (copy)"), i)
		}
		out, err := u.create(ctx, f)
		if !apperr.Is(err, apperr.ECONFLICT) {
			return out, err
		}
	}
	return flow.Flow{}, apperr.Errorf(apperr.ECONFLICT, "Could not find a free name for the copy; rename some copies first.")
}

func (u *Flows) create(ctx context.Context, f flow.Flow) (flow.Flow, error) {
	env, _, err := loadEnv(ctx, u.s.db)
	if err != nil {
		return flow.Flow{}, u.fail("create the flow", err)
	}
	created, err := u.s.db.CreateFlow(ctx, f, flowCheck(flow.Validate(f, env)))
	if err != nil {
		return flow.Flow{}, u.fail("create the flow", err, f.Name)
	}
	u.s.emit(EventFlowsChanged, created.ID)
	return created, nil
}

// Rename changes a flow's name.
func (u *Flows) Rename(ctx context.Context, id int64, name string) error {
	name, err := checkFlowName(name)
	if err != nil {
		return err
	}
	if err := u.s.db.RenameFlow(ctx, id, name); err != nil {
		return u.fail("rename the flow", err, name)
	}
	u.s.emit(EventFlowsChanged, id)
	return nil
}

// Delete removes a flow. Deleting the published flow leaves the bot silent
// until another flow is published.
func (u *Flows) Delete(ctx context.Context, id int64) error {
	if err := u.s.db.DeleteFlow(ctx, id); err != nil {
		return u.fail("delete the flow", err)
	}
	u.s.exprs.Forget(id)
	u.s.emit(EventFlowsChanged, id)
	return nil
}

// Save stores the editor's document as the flow's draft, even when it has
// errors, and returns it with its problems. The conditions' expressions are
// compiled for the new version here, once. Customers keep getting the
// published copy until the flow is published again.
func (u *Flows) Save(ctx context.Context, f flow.Flow) (SaveResult, error) {
	if f.ID == 0 {
		return SaveResult{}, apperr.Errorf(apperr.EINVALID, "This flow has not been created yet.")
	}
	env, defs, err := loadEnv(ctx, u.s.db)
	if err != nil {
		return SaveResult{}, u.fail("save the flow", err)
	}
	problems := flow.Validate(f, env)
	saved, err := u.s.db.SaveFlow(ctx, f, flowCheck(problems))
	if err != nil {
		return SaveResult{}, u.fail("save the flow", err, f.Name)
	}
	// Errors here are already in problems; the cache only keeps the programs.
	_ = u.s.exprs.Compile(saved, defs)
	u.s.emit(EventFlowsChanged, saved.ID)
	return SaveResult{Flow: saved, Problems: nonNil(problems)}, nil
}

// Validate checks a document without saving it (the editor's live check).
func (u *Flows) Validate(ctx context.Context, f flow.Flow) ([]flow.Problem, error) {
	env, _, err := loadEnv(ctx, u.s.db)
	if err != nil {
		return nil, u.fail("check the flow", err)
	}
	return nonNil(flow.Validate(f, env)), nil
}

// Publish makes the flow's saved document the one customers get, replacing
// the previously published flow. A flow with errors is refused (EINVALID).
func (u *Flows) Publish(ctx context.Context, id int64) error {
	f, err := u.s.db.Flow(ctx, id)
	if err != nil {
		return u.fail("publish the flow", err)
	}
	env, _, err := loadEnv(ctx, u.s.db)
	if err != nil {
		return u.fail("publish the flow", err)
	}
	if blocker := publishBlocker(flow.Validate(f, env), f.Nodes); blocker != "" {
		return errUnpublishable(f.Name, blocker)
	}
	if !flow.SendsAReply(f) {
		return errUnpublishable(f.Name, silentFlow)
	}
	if err := u.s.db.PublishFlow(ctx, id); err != nil {
		return u.fail("publish the flow", err)
	}
	u.s.emit(EventFlowsChanged, id)
	return nil
}

// Unpublish takes the flow off the air; the bot stays silent until a flow
// is published.
func (u *Flows) Unpublish(ctx context.Context, id int64) error {
	if err := u.s.db.UnpublishFlow(ctx, id); err != nil {
		return u.fail("unpublish the flow", err)
	}
	u.s.emit(EventFlowsChanged, id)
	return nil
}

// fail turns a store error into a coded one: a missing flow, a name taken
// (when name is given), or an internal failure.
func (u *Flows) fail(what string, err error, name ...string) error {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return apperr.Wrap(apperr.ENOTFOUND, err, "This flow no longer exists.")
	case errors.Is(err, store.ErrConflict) && len(name) > 0:
		return &apperr.Error{Code: apperr.ECONFLICT, Field: "name", Err: err,
			Message: fmt.Sprintf("A flow named %q already exists.", strings.TrimSpace(name[0]))}
	}
	return u.s.internal(what, err)
}

// nonNil returns an empty list for nil, so the UI always gets an array.
func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}
