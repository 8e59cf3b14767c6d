package studio

// The simulator's parts: where its engine gets flows and API calls, and the
// small helpers that shape a turn.

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"chatflow/backend/apicall"
	"chatflow/backend/apperr"
	"chatflow/backend/attribute"
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

// callRecorder passes API calls to the runner and remembers, in order,
// which API each call named and what the call log recorded of it (the
// request with its secrets masked, the response cut at 8 KiB), so the
// simulator can show each call in full (the engine's outcomes carry
// neither).
type callRecorder struct {
	next  engine.APIRunner
	mu    sync.Mutex
	calls []recordedCall
}

// recordedCall is one call of the current turn.
type recordedCall struct {
	name  string
	entry *apicall.LogEntry
}

func (r *callRecorder) RunAPI(ctx context.Context, c apicall.Call) apicall.Outcome {
	r.mu.Lock()
	r.calls = append(r.calls, recordedCall{name: c.API})
	r.mu.Unlock()
	return r.next.RunAPI(ctx, c)
}

// logged keeps the call log entry of the call in progress: the runner
// records each try before RunAPI returns and a turn's calls run one after
// another, so the last entry of a call is its last try (the one whose
// response the flow got).
func (r *callRecorder) logged(e apicall.LogEntry) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if n := len(r.calls); n > 0 {
		r.calls[n-1].entry = &e
	}
}

func (r *callRecorder) reset() {
	r.mu.Lock()
	r.calls = nil
	r.mu.Unlock()
}

func (r *callRecorder) taken() []recordedCall {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]recordedCall(nil), r.calls...)
}

// logCapture is the simulation runner's store: everything goes to the
// database, and each call log entry is also handed to the recorder.
type logCapture struct {
	apicall.Store
	rec *callRecorder
}

func (l logCapture) InsertCallLog(ctx context.Context, e apicall.LogEntry) (int64, error) {
	l.rec.logged(e)
	return l.Store.InsertCallLog(ctx, e)
}

// initialAttributes are the attribute values a simulation starts with: a
// made-up customer, overridden by values.
func initialAttributes(values map[string]string) map[string]string {
	out := map[string]string{attribute.ContactName: "Test customer", attribute.ContactPhone: "15550100000"}
	maps.Copy(out, values)
	return out
}

// titleOf finds the title of the option with id among the last replies.
func titleOf(replies []engine.Reply, id string) string {
	for _, r := range replies {
		for _, o := range append(append([]flow.Option(nil), r.Buttons...), r.Rows...) {
			if o.ID == id {
				return o.Title
			}
		}
	}
	return ""
}

// simCalls pairs the engine's outcomes (with the route the flow followed)
// with what was recorded of each call, in order.
func simCalls(outcomes []apicall.Outcome, calls []recordedCall) []SimCall {
	out := make([]SimCall, 0, len(outcomes))
	for i, o := range outcomes {
		c := SimCall{Status: o.Status, Route: o.Route, Error: o.Error, DurationMs: o.DurationMs, Mapped: o.Mapped,
			RequestHeaders: []apicall.KV{}}
		if c.Mapped == nil {
			c.Mapped = map[string]string{}
		}
		if i < len(calls) {
			c.API = calls[i].name
			if e := calls[i].entry; e != nil {
				c.Method, c.URL, c.RequestBody = e.Method, e.URL, e.RequestBody
				c.ResponseBody, c.ResponseTruncated = e.ResponseBody, e.ResponseTruncated
				if e.RequestHeaders != nil {
					c.RequestHeaders = e.RequestHeaders
				}
				// The log's error adds mapping problems to the outcome's.
				if e.Error != "" {
					c.Error = e.Error
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// quoteList writes words as "a", "b", "c".
func quoteList(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", w)
	}
	return b.String()
}

func newSimID() (string, error) {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return "", apperr.Errorf(apperr.EINTERNAL, "Could not start a simulation: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// StartByName opens a simulation of the flow called name (its saved draft),
// starting with values: attribute name to raw text, each coerced to the
// attribute's type as the Attributes page would (the command line's --set).
func (s *Simulator) StartByName(ctx context.Context, name string, values map[string]string) (SimSession, error) {
	f, err := s.s.db.FlowByName(ctx, name)
	if err != nil {
		return SimSession{}, s.s.notFound("open the flow", err, fmt.Sprintf("There is no flow named %q.", name))
	}
	defs, err := s.s.db.Attributes(ctx)
	if err != nil {
		return SimSession{}, s.s.internal("read the attributes", err)
	}
	types := attribute.TypeMap(defs)
	out := map[string]string{}
	for _, k := range slices.Sorted(maps.Keys(values)) {
		t, ok := types[k]
		if !ok {
			return SimSession{}, apperr.Invalid(k, fmt.Sprintf("There is no attribute named %q.", k))
		}
		v, err := attribute.Coerce(t, values[k])
		if err != nil {
			return SimSession{}, &apperr.Error{Code: apperr.EINVALID, Field: k, Err: err,
				Message: fmt.Sprintf("%s: %s.", k, strings.TrimSuffix(err.Error(), "."))}
		}
		out[k] = v
	}
	return s.Start(ctx, f.ID, out)
}
