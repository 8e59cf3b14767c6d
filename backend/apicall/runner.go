package apicall

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"chatflow/backend/attribute"
)

// Store is what a Runner needs from storage; *store.DB satisfies it.
type Store interface {
	// APIByName loads a saved API by its (unique) name.
	APIByName(ctx context.Context, name string) (Definition, error)
	// Attributes lists the custom attribute definitions.
	Attributes(ctx context.Context) ([]attribute.Definition, error)
	// InsertCallLog records one call and returns its id.
	InsertCallLog(ctx context.Context, e LogEntry) (int64, error)
}

// ErrNotFound is what a Store's APIByName wraps when no API has the name.
// The store's own not-found error satisfies errors.Is through NotFound.
var ErrNotFound = errors.New("apicall: api not found")

// Runner runs saved APIs for the flow engine and records every call. It
// implements the engine's APIRunner interface.
type Runner struct {
	store  Store
	client *Client
	logger *slog.Logger
	now    func() time.Time
	// NotFound reports whether an error from APIByName means "no such API";
	// nil means errors.Is(err, ErrNotFound).
	NotFound func(error) bool
}

// NewRunner returns a Runner over st. A nil client uses the default one and
// a nil logger discards log lines.
func NewRunner(st Store, client *Client, logger *slog.Logger) *Runner {
	if client == nil {
		client = defaultClient
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Runner{store: st, client: client, logger: logger, now: time.Now}
}

// RunAPI loads the API named in c, executes it with c.Values, maps the
// response into attributes and picks the route among c.Routes. Failures
// never escape as errors: they become Status 0, the "others" route and a
// one-sentence Error, as the flow's API node expects. Every try that was
// sent is recorded in the call log.
func (r *Runner) RunAPI(ctx context.Context, c Call) Outcome {
	out := Outcome{Route: OthersRoute, Mapped: map[string]string{}}
	def, err := r.store.APIByName(ctx, c.API)
	if err != nil {
		if r.isNotFound(err) {
			out.Error = fmt.Sprintf("The API %q does not exist.", c.API)
		} else {
			out.Error = fmt.Sprintf("The API %q could not be loaded.", c.API)
		}
		r.logger.Error("apicall: load api", "api", c.API, "err", err)
		return out
	}
	ex := r.Exec(ctx, def, attribute.Values(c.Values), c.Source, c.ContactID)
	res := ex.Response
	out.Status, out.Error, out.DurationMs = res.Status, res.Error, res.DurationMs
	out.Route = MatchRoute(res.Status, c.Routes)
	for k, v := range ex.Mapped {
		out.Mapped[k] = v
	}
	if res.Status != 0 && !res.IsJSON && mapsBody(def.Mappings) {
		out.Error = "The response is not JSON, so nothing was mapped."
	}
	// Every call is in the call log already; the process log repeats only
	// the ones that got no answer at all (a timeout, a refused connection)
	// unless debug logging is on, since a busy bot makes several a second.
	level := slog.LevelDebug
	if out.Status == 0 {
		level = slog.LevelWarn
	}
	r.logger.Log(ctx, level, "apicall: call", "api", def.Name, "source", c.Source, "contact", c.ContactID,
		"status", out.Status, "route", out.Route, "durationMs", out.DurationMs, "tries", len(res.Earlier)+1,
		"url", RedactURL(res.Request, def), "error", out.Error)
	return out
}

// Exchange is one run of a definition: the response (after any retries),
// the values its mappings gave, their problems, and the call log entry of
// the last try.
type Exchange struct {
	Response Response
	Mapped   attribute.Values
	Problems []MappingError
	Entry    LogEntry
}

// Exec runs def with values exactly as the live bot does — the same
// renderer, client (transport, redirects, size cap, files allowed), retries
// and mapping — and records every try in the call log under source. The
// tester calls it too, so a test shows what the bot will get. Mappings
// without a path or an attribute (half typed in the editor) are skipped.
func (r *Runner) Exec(ctx context.Context, def Definition, values attribute.Values, source string, contactID int64) Exchange {
	defs, err := r.store.Attributes(ctx)
	if err != nil {
		r.logger.Warn("apicall: load attribute types; values are treated as text", "err", err)
	}
	types := Types(attribute.TypeMap(defs))
	res := r.client.Execute(ctx, def, values, types)
	ex := Exchange{Response: res, Mapped: attribute.Values{}}
	var usable []Mapping
	for _, m := range def.Mappings {
		if strings.TrimSpace(m.Path) != "" && strings.TrimSpace(m.Attribute) != "" {
			usable = append(usable, m)
		}
	}
	if res.Status != 0 && len(usable) > 0 {
		ex.Mapped, ex.Problems = MapResponse(res, usable, types)
	}
	for _, earlier := range res.Earlier {
		r.Record(ctx, def, earlier, nil, source, contactID)
	}
	ex.Entry = r.Record(ctx, def, res, ex.Problems, source, contactID)
	return ex
}

// mapsBody reports whether a mapping reads the JSON body (not only the
// status, a header or the raw body).
func mapsBody(mappings []Mapping) bool {
	for _, m := range mappings {
		p := strings.TrimSpace(m.Path)
		if p != RootStatus && p != RootBody && !strings.HasPrefix(p, RootHeaders+".") {
			return true
		}
	}
	return false
}

// Record stores one try in the call log, with its retry note and mapping
// problems added to its error so the log says why it was tried again or an
// attribute stayed empty. A failure to record is logged, not returned: the
// call itself already happened.
func (r *Runner) Record(ctx context.Context, def Definition, res Response, problems []MappingError, source string, contactID int64) LogEntry {
	e := NewLogEntry(def, res, source, contactID, r.now())
	notes := []string{res.RetryNote}
	for _, p := range problems {
		notes = append(notes, p.Message)
	}
	for _, n := range notes {
		if n == "" {
			continue
		}
		if e.Error != "" {
			e.Error += " "
		}
		e.Error += n
	}
	id, err := r.store.InsertCallLog(context.WithoutCancel(ctx), e)
	if err != nil {
		r.logger.Error("apicall: record call", "api", def.Name, "err", err)
	}
	e.ID = id
	return e
}

// Client is the HTTP client the runner executes with; the tester uses the
// same one.
func (r *Runner) Client() *Client { return r.client }

func (r *Runner) isNotFound(err error) bool {
	if r.NotFound != nil {
		return r.NotFound(err)
	}
	return errors.Is(err, ErrNotFound)
}
