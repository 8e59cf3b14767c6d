package app

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"chatflow/backend/flow"
	"chatflow/backend/store"
)

// EventFlowsChanged is emitted after a flow is created, saved, renamed,
// published or deleted, with the flow's id, so lists can refresh.
const EventFlowsChanged = "flows:changed"

// Flows is the Flows page: the list of flows, the editor's document with its
// validation, publishing and bundle import/export.
type Flows struct {
	deps *Deps
}

// NewFlows returns the Flows service.
func NewFlows(deps *Deps) *Flows {
	return &Flows{deps: deps}
}

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
func (s *Flows) List() ([]FlowSummary, error) {
	list, err := s.deps.DB.Flows(s.deps.Ctx)
	if err != nil {
		return nil, s.fail("list the flows", err)
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
func (s *Flows) Get(id int64) (flow.Flow, error) {
	f, err := s.deps.DB.Flow(s.deps.Ctx, id)
	if err != nil {
		return flow.Flow{}, s.fail("open the flow", err)
	}
	return f, nil
}

// Create makes a new flow holding only a start node.
func (s *Flows) Create(name string) (flow.Flow, error) {
	if strings.TrimSpace(name) == "" {
		return flow.Flow{}, errors.New("Give the flow a name.")
	}
	f := flow.Flow{Name: name, Nodes: []flow.Node{{ID: "start", Type: flow.TypeStart}}}
	return s.create(f)
}

// Duplicate copies a flow under the name "<name> (copy)", unpublished.
func (s *Flows) Duplicate(id int64) (flow.Flow, error) {
	f, err := s.deps.DB.Flow(s.deps.Ctx, id)
	if err != nil {
		return flow.Flow{}, s.fail("duplicate the flow", err)
	}
	base := f.Name + " (copy)"
	for i := 1; i <= 100; i++ {
		f.Name = base
		if i > 1 {
			f.Name = fmt.Sprintf("%s (copy %d)", strings.TrimSuffix(base, " (copy)"), i)
		}
		out, err := s.create(f)
		var taken nameTaken
		if !errors.As(err, &taken) {
			return out, err
		}
	}
	return flow.Flow{}, errors.New("Could not find a free name for the copy; rename some copies first.")
}

// nameTaken is the error for a flow name that exists already.
type nameTaken struct{ name string }

func (e nameTaken) Error() string { return fmt.Sprintf("A flow named %q already exists.", e.name) }

func (s *Flows) create(f flow.Flow) (flow.Flow, error) {
	ctx := s.deps.Ctx
	env, _, err := validationEnv(ctx, s.deps.DB)
	if err != nil {
		return flow.Flow{}, s.fail("create the flow", err)
	}
	problems := flow.Validate(f, env)
	created, err := s.deps.DB.CreateFlow(ctx, f, store.FlowCheck{Valid: !flow.HasErrors(problems), Problems: len(problems)})
	if errors.Is(err, store.ErrConflict) {
		return flow.Flow{}, nameTaken{strings.TrimSpace(f.Name)}
	}
	if err != nil {
		return flow.Flow{}, s.fail("create the flow", err)
	}
	s.deps.Events.Emit(EventFlowsChanged, created.ID)
	return created, nil
}

// Rename changes a flow's name.
func (s *Flows) Rename(id int64, name string) error {
	if strings.TrimSpace(name) == "" {
		return errors.New("Give the flow a name.")
	}
	err := s.deps.DB.RenameFlow(s.deps.Ctx, id, name)
	if errors.Is(err, store.ErrConflict) {
		return nameTaken{strings.TrimSpace(name)}
	}
	if err != nil {
		return s.fail("rename the flow", err)
	}
	s.deps.Events.Emit(EventFlowsChanged, id)
	return nil
}

// Delete removes a flow. Deleting the published flow leaves the bot silent
// until another flow is published.
func (s *Flows) Delete(id int64) error {
	if err := s.deps.DB.DeleteFlow(s.deps.Ctx, id); err != nil {
		return s.fail("delete the flow", err)
	}
	exprCache.Forget(id)
	s.deps.Events.Emit(EventFlowsChanged, id)
	return nil
}

// Save stores the editor's document as the flow's draft, even when it has
// errors, and returns it with its problems. The conditions' expressions are
// compiled for the new version here, once. Customers keep getting the
// published copy until the flow is published again.
func (s *Flows) Save(f flow.Flow) (SaveResult, error) {
	if f.ID == 0 {
		return SaveResult{}, errors.New("This flow has not been created yet.")
	}
	ctx := s.deps.Ctx
	env, defs, err := validationEnv(ctx, s.deps.DB)
	if err != nil {
		return SaveResult{}, s.fail("save the flow", err)
	}
	problems := flow.Validate(f, env)
	saved, err := s.deps.DB.SaveFlow(ctx, f, store.FlowCheck{Valid: !flow.HasErrors(problems), Problems: len(problems)})
	if errors.Is(err, store.ErrConflict) {
		return SaveResult{}, nameTaken{strings.TrimSpace(f.Name)}
	}
	if err != nil {
		return SaveResult{}, s.fail("save the flow", err)
	}
	// Errors here are already in problems; the cache only keeps the programs.
	_ = exprCache.Compile(saved, defs)
	s.deps.Events.Emit(EventFlowsChanged, saved.ID)
	return SaveResult{Flow: saved, Problems: nonNilProblems(problems)}, nil
}

// Validate checks a document without saving it (the editor's live check).
func (s *Flows) Validate(f flow.Flow) ([]flow.Problem, error) {
	env, _, err := validationEnv(s.deps.Ctx, s.deps.DB)
	if err != nil {
		return nil, s.fail("check the flow", err)
	}
	return nonNilProblems(flow.Validate(f, env)), nil
}

// Publish makes the flow's saved document the one customers get, replacing
// the previously published flow. A flow with errors is refused.
func (s *Flows) Publish(id int64) error {
	ctx := s.deps.Ctx
	f, err := s.deps.DB.Flow(ctx, id)
	if err != nil {
		return s.fail("publish the flow", err)
	}
	env, _, err := validationEnv(ctx, s.deps.DB)
	if err != nil {
		return s.fail("publish the flow", err)
	}
	var errs []flow.Problem
	for _, p := range flow.Validate(f, env) {
		if p.Severity == flow.SeverityError {
			errs = append(errs, p)
		}
	}
	if len(errs) > 0 {
		first := errs[0].Message
		if errs[0].NodeID != "" {
			first = fmt.Sprintf("node %s: %s", errs[0].NodeID, first)
		}
		return fmt.Errorf("%q has %d %s to fix before it can go live (%s).", f.Name, len(errs), plural(len(errs), "error", "errors"),
			strings.TrimSuffix(first, "."))
	}
	if err := s.deps.DB.PublishFlow(ctx, id); err != nil {
		return s.fail("publish the flow", err)
	}
	s.deps.Events.Emit(EventFlowsChanged, id)
	return nil
}

// Unpublish takes the flow off the air; the bot stays silent until a flow
// is published.
func (s *Flows) Unpublish(id int64) error {
	if err := s.deps.DB.UnpublishFlow(s.deps.Ctx, id); err != nil {
		return s.fail("unpublish the flow", err)
	}
	s.deps.Events.Emit(EventFlowsChanged, id)
	return nil
}

func nonNilProblems(p []flow.Problem) []flow.Problem {
	if p == nil {
		return []flow.Problem{}
	}
	return p
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// fail logs err and turns it into one sentence for the UI.
func (s *Flows) fail(what string, err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return errors.New("This flow no longer exists.")
	}
	s.deps.Log.Error("flows: "+what, "err", err)
	return fmt.Errorf("Could not %s: %s.", what, strings.TrimSuffix(strings.TrimPrefix(err.Error(), "store: "), "."))
}
