package app

import (
	"chatflow/backend/apicall"
	"chatflow/backend/studio"
)

// APIs is the "Your APIs" page: saved API definitions, the tester, cURL
// import and the call log.
type APIs struct{ d *Deps }

// APISummary is one row of the APIs list.
type APISummary studio.APISummary

// TestResult is what the tester shows after sending a request.
type TestResult studio.TestResult

// CallLogEntry is one row of an API's call log.
type CallLogEntry studio.CallLogEntry

func (s *APIs) use() *studio.APIs { return s.d.Studio.APIs }

// List returns the saved APIs whose name or URL contains search.
func (s *APIs) List(search string) ([]APISummary, error) {
	list, err := s.use().List(s.d.Ctx, search)
	return each(list, func(a studio.APISummary) APISummary { return APISummary(a) }), err
}

// Get returns one saved API with its sample response and structure.
func (s *APIs) Get(id int64) (apicall.Definition, error) { return s.use().Get(s.d.Ctx, id) }

// Warnings returns what is allowed in the API but almost certainly wrong,
// each under its field (never a reason to refuse a save).
func (s *APIs) Warnings(def apicall.Definition) ([]studio.FieldProblem, error) {
	return s.use().Warnings(s.d.Ctx, def)
}

// Save creates the API (id 0) or updates it.
func (s *APIs) Save(def apicall.Definition) (apicall.Definition, error) {
	return s.use().Save(s.d.Ctx, def)
}

// Duplicate saves a copy of an API under a free name.
func (s *APIs) Duplicate(id int64) (apicall.Definition, error) { return s.use().Duplicate(s.d.Ctx, id) }

// Delete removes an API and its call log; refused while a flow calls it.
func (s *APIs) Delete(id int64) error { return s.use().Delete(s.d.Ctx, id) }

// Placeholders lists the placeholder names a definition uses, in order.
func (s *APIs) Placeholders(def apicall.Definition) ([]string, error) {
	return s.d.Studio.Tester.Placeholders(def), nil
}

// ImportCurl reads a pasted curl command into a definition (not saved).
func (s *APIs) ImportCurl(cmd string) (apicall.Definition, error) { return s.use().ImportCurl(cmd) }

// Test sends def for real with testValues and records the call; runID names
// the run for CancelTest.
func (s *APIs) Test(runID string, def apicall.Definition, testValues map[string]string) (TestResult, error) {
	r, err := s.d.Studio.Tester.Test(s.d.Ctx, runID, def, testValues)
	return TestResult(r), err
}

// CancelTest stops the test running under runID.
func (s *APIs) CancelTest(runID string) error {
	s.d.Studio.Tester.Cancel(runID)
	return nil
}

// CallLog returns the newest calls of one API, newest first; limit 0 means 50.
func (s *APIs) CallLog(apiID int64, limit int) ([]CallLogEntry, error) {
	list, err := s.use().CallLog(s.d.Ctx, apiID, limit)
	return each(list, func(e studio.CallLogEntry) CallLogEntry { return CallLogEntry(e) }), err
}
