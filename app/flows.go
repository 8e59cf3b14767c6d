package app

import (
	"chatflow/backend/bundle"
	"chatflow/backend/flow"
	"chatflow/backend/studio"
)

// Flows is the Flows page: the list of flows, the editor's document with its
// validation, publishing and bundle import/export.
type Flows struct{ d *Deps }

// FlowSummary is one row of the flows list.
type FlowSummary studio.FlowSummary

// SaveResult is the saved flow with its validation problems.
type SaveResult studio.SaveResult

func (s *Flows) use() *studio.Flows { return s.d.Studio.Flows }

// List returns every flow by name.
func (s *Flows) List() ([]FlowSummary, error) {
	list, err := s.use().List(s.d.Ctx)
	return each(list, func(f studio.FlowSummary) FlowSummary { return FlowSummary(f) }), err
}

// Get returns a flow's document as last saved (the draft).
func (s *Flows) Get(id int64) (flow.Flow, error) { return s.use().Get(s.d.Ctx, id) }

// Create makes a new flow holding only a start node.
func (s *Flows) Create(name string) (flow.Flow, error) { return s.use().Create(s.d.Ctx, name) }

// Duplicate copies a flow under the name "<name> (copy)", unpublished.
func (s *Flows) Duplicate(id int64) (flow.Flow, error) { return s.use().Duplicate(s.d.Ctx, id) }

// Rename changes a flow's name.
func (s *Flows) Rename(id int64, name string) error { return s.use().Rename(s.d.Ctx, id, name) }

// Delete removes a flow.
func (s *Flows) Delete(id int64) error { return s.use().Delete(s.d.Ctx, id) }

// Save stores the editor's document as the flow's draft, even with errors,
// and returns it with its problems.
func (s *Flows) Save(f flow.Flow) (SaveResult, error) {
	r, err := s.use().Save(s.d.Ctx, f)
	return SaveResult(r), err
}

// Validate checks a document without saving it (the editor's live check).
func (s *Flows) Validate(f flow.Flow) ([]flow.Problem, error) { return s.use().Validate(s.d.Ctx, f) }

// RowsPreview is what a buttons or list node with rows from a list would
// send, rendered from the saved sample of the API that fills the list.
type RowsPreview studio.RowsPreview

// PreviewRows renders a dynamic buttons or list node's rows and pages from
// the sample response saved with the API that fills its list.
func (s *Flows) PreviewRows(n flow.Node) (RowsPreview, error) {
	p, err := s.use().PreviewRows(s.d.Ctx, n)
	return RowsPreview(p), err
}

// Publish makes the flow's saved document the one customers get.
func (s *Flows) Publish(id int64) error { return s.use().Publish(s.d.Ctx, id) }

// PublishPreview says what publishing the flow would do: the live flow it
// takes offline, whether WhatsApp is connected yet, and why it cannot be
// published.
func (s *Flows) PublishPreview(id int64) (studio.PublishPreview, error) {
	return s.use().PublishPreview(s.d.Ctx, id)
}

// Unpublish takes the flow off the air.
func (s *Flows) Unpublish(id int64) error { return s.use().Unpublish(s.d.Ctx, id) }

// ImportBundle imports a bundle file's text; names that exist already are
// refused (ECONFLICT) unless replace is set, and nothing changes when
// anything is wrong.
func (s *Flows) ImportBundle(data string, replace bool) (bundle.Result, error) {
	return s.d.Studio.Bundles.ImportFile(s.d.Ctx, []byte(data), replace)
}

// ExportBundle returns every attribute, API and flow as bundle JSON, secrets
// left out unless includeSecrets is set.
func (s *Flows) ExportBundle(includeSecrets bool) (string, error) {
	out, err := s.d.Studio.Bundles.ExportFile(s.d.Ctx, includeSecrets)
	return string(out), err
}
