// Package studio is Chatflow Studio's application layer: every use case the
// UI, the command line and the bundle import share — saving, validating and
// publishing flows, the attribute and API rules, usage checks and rename
// cascades, the API tester, the simulator, the first-run templates and
// checklist, backups and the WhatsApp settings. Each rule lives here once;
// the adapters (app/ for the window and the browser, cli/ for the terminal)
// translate DTOs and errors and decide nothing.
//
// Errors are coded (backend/apperr): a refusal the user can act on says so
// in one sentence with EINVALID, ECONFLICT, ENOTFOUND or EUNAVAILABLE; any
// other failure is logged here and returned as EINTERNAL.
package studio

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"chatflow/backend/apicall"
	"chatflow/backend/apperr"
	"chatflow/backend/engine"
	"chatflow/backend/inbox"
	"chatflow/backend/server"
	"chatflow/backend/store"
	"chatflow/backend/studio/config"
	"chatflow/backend/watemplates"
)

// The events the use cases emit after a change, so open views can refresh.
const (
	// EventFlowsChanged carries the flow's id (0 after a bundle import).
	EventFlowsChanged = "flows:changed"
	// EventAttributesChanged follows any attribute change.
	EventAttributesChanged = "attributes:changed"
	// EventAPIsChanged follows an API being saved or deleted.
	EventAPIsChanged = "apis:changed"
	// EventSimulatorTurn carries the SimTurn of every simulated message.
	EventSimulatorTurn = "simulator:turn"
	// EventBackupsChanged follows a backup made, or a restore staged or
	// cancelled.
	EventBackupsChanged = "data:backups"
)

// Notifier delivers events to whatever UI is listening (none on the command
// line).
type Notifier interface {
	Emit(name string, data any)
}

// Listener is the webhook listener as the use cases see it: where it
// listens, its state, and moving it. *server.Listener implements it.
type Listener interface {
	Addr() string
	Status() server.ListenerStatus
	Restart(ctx context.Context, addr string) error
}

// Deps are what the use cases need from the process.
type Deps struct {
	DB     *store.DB
	Config *config.Config
	Log    *slog.Logger
	// Events may be nil (the command line).
	Events Notifier
	// Listener is the webhook listener, nil where none runs (the command
	// line).
	Listener Listener
	// Tunnel is the built-in tunnel, nil where none runs (the command line).
	Tunnel TunnelRunner
	// Media is the media folder: bundles take the files attached to message
	// nodes from it and put them there, and the API tester and the
	// simulator may send its files (the conversations') in a multipart
	// field, as the live bot does. nil where there is none: every file is
	// refused.
	Media MediaStore
}

// Studio holds every use case over one database. Build it once per process
// with New: it owns the compiled-expression cache the editor, the simulator
// and the live bot share.
type Studio struct {
	db       *store.DB
	cfg      *config.Config
	log      *slog.Logger
	events   Notifier
	listener Listener
	tunnel   TunnelRunner
	media    MediaStore
	// exprs holds the compiled expressions of every engine built here:
	// Flows.Save fills it for the saved version, the live engine and the
	// simulator read it.
	exprs *engine.Cache
	// runner makes the editor's and the simulator's API calls and records
	// them in the call log.
	runner *apicall.Runner
	// apiClient is the HTTP client of every API call made here.
	apiClient *apicall.Client

	Flows      *Flows
	Attributes *Attributes
	APIs       *APIs
	Tester     *Tester
	Simulator  *Simulator
	Bundles    *Bundles
	FirstRun   *FirstRun
	Backups    *Backups
	Settings   *Settings
	Templates  *Templates
	Triggers   *Triggers
}

// New builds the use cases over deps.
func New(deps Deps) *Studio {
	if deps.Log == nil {
		deps.Log = slog.New(slog.DiscardHandler)
	}
	if deps.Config == nil {
		deps.Config = config.New(deps.DB, nil)
	}
	s := &Studio{db: deps.DB, cfg: deps.Config, log: deps.Log, events: deps.Events, listener: deps.Listener, tunnel: deps.Tunnel, media: deps.Media,
		exprs: engine.NewCache()}
	client := &apicall.Client{}
	if deps.Media != nil {
		client.FileAllowed = deps.Media.Files().Contains
	}
	s.apiClient = client
	s.runner = apicall.NewRunner(deps.DB, client, deps.Log)
	s.Flows = &Flows{s}
	s.Attributes = &Attributes{s}
	s.APIs = &APIs{s}
	s.Tester = newTester(s, client)
	s.Simulator = newSimulator(s)
	s.Bundles = &Bundles{s}
	s.FirstRun = &FirstRun{s}
	s.Backups = newBackups(s)
	s.Settings = newSettings(s)
	s.Templates = newTemplates(s)
	s.Triggers = &Triggers{s: s}
	return s
}

// Config is the settings owner the use cases read.
func (s *Studio) Config() *config.Config { return s.cfg }

// LiveEngine builds the engine that answers WhatsApp messages: it runs the
// published copy of the published flow, reads definitions through the
// store's live cache, calls APIs through runner and shares this Studio's
// compiled expressions. The inbox calls Handle on it.
func (s *Studio) LiveEngine(runner engine.APIRunner) *engine.Engine {
	return engine.New(engine.Deps{
		Flows:      inbox.LiveFlows(s.db),
		APIs:       runner,
		Attributes: s.db.LiveAttributes,
		Logger:     s.log,
		CallSource: "live",
		Cache:      s.exprs,
		Templates:  watemplates.New(s.db),
	})
}

// emit notifies the UI, when there is one.
func (s *Studio) emit(name string, data any) {
	if s.events != nil {
		s.events.Emit(name, data)
	}
}

// internal logs an unexpected failure in full and returns it as EINTERNAL
// with one sentence saying what could not be done. A coded error passes
// through unchanged (it already says what went wrong), logged when it is
// EINTERNAL.
func (s *Studio) internal(what string, err error) error {
	var coded *apperr.Error
	if errors.As(err, &coded) {
		if coded.Code == apperr.EINTERNAL {
			s.log.Error("studio: "+what, slog.Any("err", err))
		}
		return err
	}
	s.log.Error("studio: "+what, slog.Any("err", err))
	reason := strings.TrimSuffix(strings.TrimPrefix(err.Error(), "store: "), ".")
	return apperr.Wrap(apperr.EINTERNAL, err, fmt.Sprintf("Could not %s: %s.", what, reason))
}

// notFound returns an ENOTFOUND error with message when err is the store's
// ErrNotFound, else the internal failure.
func (s *Studio) notFound(what string, err error, message string) error {
	if errors.Is(err, store.ErrNotFound) {
		return apperr.Wrap(apperr.ENOTFOUND, err, message)
	}
	return s.internal(what, err)
}

// rfc3339 formats a time for the UI ("" for the zero time).
func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
