package studio

import (
	"context"
	"sync"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
)

// Tester is the API tester: it sends a definition for real from Go (no
// browser CORS) with test values, shows what came back and what the
// mappings would set, and records the call. Runs are keyed by an id so the
// UI can cancel one.
type Tester struct {
	s      *Studio
	client *apicall.Client

	mu   sync.Mutex
	runs map[string]*testRun
}

func newTester(s *Studio, client *apicall.Client) *Tester {
	return &Tester{s: s, client: client, runs: map[string]*testRun{}}
}

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

// Test sends def with testValues filling its placeholders and records the
// call in the log. runID names the run so that Cancel can stop it; a second
// Test with the same runID cancels the first. The definition need not be
// saved, or even named, and its mappings need not be complete.
func (t *Tester) Test(ctx context.Context, runID string, def apicall.Definition, testValues map[string]string) (TestResult, error) {
	def = def.Normalized()
	probe := def
	if probe.Name == "" {
		probe.Name = "Untitled API"
	}
	probe.Mappings = nil // a half-typed mapping must not block a test
	if _, err := checkAPI(probe, nil); err != nil {
		return TestResult{}, err
	}
	ctx, done := t.startRun(ctx, runID)
	defer done()

	// The live bot's own code path (apicall.Runner.Exec): the same renderer,
	// client, retries, mapping roots and call log, so a test shows what the
	// bot will get.
	run := probe
	run.Mappings = def.Mappings
	ex := t.s.runner.Exec(ctx, run, attribute.Values(testValues), apicall.SourceTest, 0)
	res := ex.Response
	out := TestResult{
		Status: res.Status, DurationMs: res.DurationMs, Size: res.Size, Headers: res.Headers, Body: res.Body,
		BodyIsJSON: res.IsJSON, Error: res.Error, Structure: res.Structure, Missing: res.Missing,
		Mapped: map[string]string(ex.Mapped), MappingErrors: ex.Problems,
	}
	if out.Mapped == nil {
		out.Mapped = map[string]string{}
	}
	if out.MappingErrors == nil {
		out.MappingErrors = []apicall.MappingError{}
	}
	red := apicall.Redact(res.Request, def)
	out.Request = TestRequest{Method: red.Method, URL: red.URL, Headers: nonNil(red.Headers), Body: red.Body}
	out.LogID = ex.Entry.ID
	return out, nil
}

// startRun registers a cancellable run under runID (cancelling an earlier
// run with the same id) and returns its context and the function that ends
// it.
func (t *Tester) startRun(base context.Context, runID string) (context.Context, func()) {
	ctx, cancel := context.WithCancel(base)
	if runID == "" {
		return ctx, cancel
	}
	r := &testRun{cancel: cancel}
	t.mu.Lock()
	if prev, ok := t.runs[runID]; ok {
		prev.cancel()
	}
	t.runs[runID] = r
	t.mu.Unlock()
	return ctx, func() {
		cancel()
		t.mu.Lock()
		if t.runs[runID] == r { // a newer run may have taken the id
			delete(t.runs, runID)
		}
		t.mu.Unlock()
	}
}

// testRun is one test in flight.
type testRun struct {
	cancel context.CancelFunc
}

// Cancel stops the test running under runID; the Test call then returns
// with "The call was cancelled.". Cancelling a finished or unknown run does
// nothing.
func (t *Tester) Cancel(runID string) {
	t.mu.Lock()
	r, ok := t.runs[runID]
	t.mu.Unlock()
	if ok {
		r.cancel()
	}
}

// Placeholders lists the placeholder names a definition uses, in order; the
// tester shows one test value field per name.
func (t *Tester) Placeholders(def apicall.Definition) []string { return apicall.Placeholders(def) }
