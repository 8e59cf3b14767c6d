package app

import (
	"context"
	"time"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
)

// TestResult is what the tester shows after sending a request: the
// response, its structure for mapping, the mappings applied to it as a
// preview, the request as sent (secrets masked) and the placeholders that
// had no test value. Error is one sentence when no usable response came
// back (then Status is 0).
type TestResult struct {
	Status        int                    `json:"status"`
	DurationMs    int64                  `json:"durationMs"`
	Size          int64                  `json:"size"`
	Headers       []apicall.KV           `json:"headers"`
	Body          string                 `json:"body"`
	BodyIsJSON    bool                   `json:"bodyIsJSON"`
	Error         string                 `json:"error"`
	Structure     []apicall.PathSample   `json:"structure"`
	Missing       []string               `json:"missing"`
	Mapped        map[string]string      `json:"mapped"`
	MappingErrors []apicall.MappingError `json:"mappingErrors"`
	Request       TestRequest            `json:"request"`
	LogID         int64                  `json:"logId"`
}

// TestRequest is the request the tester sent, with secrets masked.
type TestRequest struct {
	Method  string       `json:"method"`
	URL     string       `json:"url"`
	Headers []apicall.KV `json:"headers"`
	Body    string       `json:"body"`
}

// CallLogEntry is one row of an API's call log.
type CallLogEntry struct {
	ID                int64        `json:"id"`
	At                string       `json:"at"`
	Source            string       `json:"source"`
	ContactID         int64        `json:"contactId"`
	Method            string       `json:"method"`
	URL               string       `json:"url"`
	Status            int          `json:"status"`
	DurationMs        int64        `json:"durationMs"`
	Error             string       `json:"error"`
	RequestHeaders    []apicall.KV `json:"requestHeaders"`
	RequestBody       string       `json:"requestBody"`
	ResponseBody      string       `json:"responseBody"`
	ResponseTruncated bool         `json:"responseTruncated"`
}

// Test sends def for real from Go (no browser CORS) with testValues filling
// its placeholders, and records the call in the log. runID names the run so
// that CancelTest can stop it; a second Test with the same runID cancels the
// first. The definition need not be saved, or even named.
func (s *APIs) Test(runID string, def apicall.Definition, testValues map[string]string) (TestResult, error) {
	def = def.Normalized()
	probe := def
	if probe.Name == "" {
		probe.Name = "Untitled API"
	}
	probe.Mappings = nil // a half-typed mapping must not block a test
	if err := probe.Validate(); err != nil {
		return TestResult{}, err
	}
	ctx, done := s.startRun(runID)
	defer done()

	defs, err := s.deps.DB.Attributes(ctx)
	if err != nil {
		s.deps.Log.Warn("apis: load attribute types for a test; treating values as text", "err", err)
	}
	types := apicall.Types(attribute.TypeMap(defs))
	res := s.client.Execute(ctx, probe, attribute.Values(testValues), types)

	out := TestResult{
		Status: res.Status, DurationMs: res.DurationMs, Size: res.Size, Headers: res.Headers, Body: res.Body,
		BodyIsJSON: res.IsJSON, Error: res.Error, Structure: res.Structure, Missing: res.Missing,
		Mapped: map[string]string{}, MappingErrors: []apicall.MappingError{},
	}
	var usable []apicall.Mapping
	for _, m := range def.Mappings {
		if m.Path != "" && m.Attribute != "" {
			usable = append(usable, m)
		}
	}
	if res.Status != 0 && len(usable) > 0 {
		mapped, problems := apicall.Map(res.Body, usable, types)
		out.Mapped = mapped
		if problems != nil {
			out.MappingErrors = problems
		}
	}
	red := apicall.Redact(res.Request, def)
	out.Request = TestRequest{Method: red.Method, URL: red.URL, Headers: red.Headers, Body: red.Body}
	if out.Request.Headers == nil {
		out.Request.Headers = []apicall.KV{}
	}
	logDef := def
	logDef.Name = probe.Name
	entry := s.runner.Record(ctx, logDef, res, out.MappingErrors, apicall.SourceTest, 0)
	out.LogID = entry.ID
	return out, nil
}

// startRun registers a cancellable run under runID (cancelling an earlier
// run with the same id) and returns its context and the function that ends
// it. Runs live as long as the process at most.
func (s *APIs) startRun(runID string) (context.Context, func()) {
	base := s.deps.Ctx
	if base == nil {
		base = context.Background()
	}
	ctx, cancel := context.WithCancel(base)
	if runID == "" {
		return ctx, cancel
	}
	r := &testRun{cancel: cancel}
	s.mu.Lock()
	if prev, ok := s.runs[runID]; ok {
		prev.cancel()
	}
	s.runs[runID] = r
	s.mu.Unlock()
	return ctx, func() {
		cancel()
		s.mu.Lock()
		if s.runs[runID] == r { // a newer run may have taken the id
			delete(s.runs, runID)
		}
		s.mu.Unlock()
	}
}

// testRun is one test in flight.
type testRun struct {
	cancel context.CancelFunc
}

// CancelTest stops the test running under runID; the Test call then
// returns with "The call was cancelled.". Cancelling a finished or unknown
// run does nothing.
func (s *APIs) CancelTest(runID string) error {
	s.mu.Lock()
	r, ok := s.runs[runID]
	s.mu.Unlock()
	if ok {
		r.cancel()
	}
	return nil
}

// CallLog returns the newest calls of one API (tests, simulator and live),
// newest first; limit 0 means 50.
func (s *APIs) CallLog(apiID int64, limit int) ([]CallLogEntry, error) {
	if limit <= 0 || limit > 500 {
		limit = 50
	}
	entries, err := s.deps.DB.CallLog(s.deps.Ctx, apiID, limit)
	if err != nil {
		return nil, s.fail("load the call log", err)
	}
	out := make([]CallLogEntry, 0, len(entries))
	for _, e := range entries {
		out = append(out, CallLogEntry{
			ID: e.ID, At: e.At.UTC().Format(time.RFC3339Nano), Source: e.Source, ContactID: e.ContactID,
			Method: e.Method, URL: e.URL, Status: e.Status, DurationMs: e.DurationMs, Error: e.Error,
			RequestHeaders: e.RequestHeaders, RequestBody: e.RequestBody, ResponseBody: e.ResponseBody,
			ResponseTruncated: e.ResponseTruncated,
		})
	}
	return out, nil
}
