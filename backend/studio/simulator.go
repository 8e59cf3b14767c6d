package studio

import (
	"context"
	"fmt"
	"maps"
	"sync"
	"time"

	"chatflow/backend/apicall"
	"chatflow/backend/apperr"
	"chatflow/backend/engine"
	"chatflow/backend/flow"
	"chatflow/backend/watemplates"
)

// Simulator limits: simulations live in memory and are dropped when idle or
// when too many are open.
const (
	maxSimulations = 50
	simulationIdle = 2 * time.Hour
)

// Simulator runs a flow's saved draft with the real engine and real API
// calls, as a customer would meet it, without WhatsApp and without touching
// any contact. Each simulation is kept in memory under an id. Its API calls
// appear in the call log as "simulator" calls.
type Simulator struct {
	s *Studio

	mu   sync.Mutex
	sims map[string]*simulation
}

func newSimulator(s *Studio) *Simulator {
	return &Simulator{s: s, sims: map[string]*simulation{}}
}

// SimSession is a started simulation.
type SimSession struct {
	ID   string  `json:"id"`
	Turn SimTurn `json:"turn"`
}

// SimCall is one API call made during a turn.
type SimCall struct {
	API        string `json:"api"`
	Status     int    `json:"status"`
	Route      string `json:"route"`
	Error      string `json:"error"`
	DurationMs int64  `json:"durationMs"`
	// Mapped are the attribute values the call's mappings set.
	Mapped map[string]string `json:"mapped"`
	// Method ... ResponseTruncated are the call as the call log keeps it:
	// the request with every secret masked, the response cut at 8 KiB
	// (empty when the API could not even be loaded).
	Method            string       `json:"method"`
	URL               string       `json:"url"`
	RequestHeaders    []apicall.KV `json:"requestHeaders"`
	RequestBody       string       `json:"requestBody"`
	ResponseBody      string       `json:"responseBody"`
	ResponseTruncated bool         `json:"responseTruncated"`
}

// SimTurn is what one simulated message did: the bot's replies (each with
// the delay before it), where the flow stands, the attribute values and the
// API calls made.
type SimTurn struct {
	SimID   string         `json:"simId"`
	FlowID  int64          `json:"flowId"`
	Replies []engine.Reply `json:"replies"`
	// State is "wait", "end", "paused" or "idle" (see engine.Turn).
	State string `json:"state"`
	// NodeID is the node waiting for the customer ("" when none).
	NodeID     string            `json:"nodeId"`
	Visited    []string          `json:"visited"`
	Attributes map[string]string `json:"attributes"`
	Calls      []SimCall         `json:"calls"`
	Errors     []string          `json:"errors"`
	// Notice explains a turn where nothing happened, such as a first message
	// that matches none of the start keywords.
	Notice string `json:"notice"`
}

// simulation is one running simulated conversation.
type simulation struct {
	mu       sync.Mutex
	id       string
	flowID   int64
	eng      *engine.Engine
	calls    *callRecorder
	initial  map[string]string
	session  engine.Session
	last     []engine.Reply
	lastUsed time.Time
}

// Start opens a simulation of a flow's saved draft (published or not) with
// initial attribute values (already coerced; nil for none). The returned
// turn is empty: the first customer message starts the flow.
func (s *Simulator) Start(ctx context.Context, flowID int64, values map[string]string) (SimSession, error) {
	if _, err := s.s.db.Flow(ctx, flowID); err != nil {
		return SimSession{}, s.s.notFound("open the flow", err, "This flow no longer exists.")
	}
	id, err := newSimID()
	if err != nil {
		return SimSession{}, err
	}
	// Each simulation gets a runner of its own whose call log entries it
	// also keeps, to show every call's request and response.
	rec := &callRecorder{}
	rec.next = apicall.NewRunner(logCapture{Store: s.s.db, rec: rec}, s.s.apiClient, s.s.log)
	sim := &simulation{
		id:     id,
		flowID: flowID,
		calls:  rec,
		eng: engine.New(engine.Deps{
			Flows:      draftSource{db: s.s.db, flowID: flowID},
			APIs:       rec,
			Attributes: s.s.db.Attributes,
			Logger:     s.s.log,
			CallSource: "simulator",
			Cache:      s.s.exprs,
			Templates:  watemplates.New(s.s.db),
		}),
		initial:  initialAttributes(values),
		lastUsed: time.Now(),
	}
	sim.session = engine.Session{Attributes: maps.Clone(sim.initial)}
	s.mu.Lock()
	s.sweepLocked()
	s.sims[id] = sim
	s.mu.Unlock()
	return SimSession{ID: id, Turn: sim.snapshot(engine.Turn{State: engine.StateIdle, Session: sim.session}, nil)}, nil
}

// Send delivers one customer message: text typed, or replyID when an option
// was tapped (its title is used as the text when text is empty).
func (s *Simulator) Send(ctx context.Context, simID, text, replyID string) (SimTurn, error) {
	sim, err := s.get(simID)
	if err != nil {
		return SimTurn{}, err
	}
	sim.mu.Lock()
	defer sim.mu.Unlock()
	if text == "" && replyID != "" {
		text = titleOf(sim.last, replyID)
	}
	if sim.session.Paused && flow.NormalizeKeyword(text) == engine.DefaultRestartKeyword {
		// Nobody can resume a simulated handoff from the inbox, so the
		// restart keyword does it here and the run starts over.
		sim.session.Paused = false
	}
	sim.calls.reset()
	turn, err := sim.eng.Handle(ctx, sim.session, engine.Inbound{Text: text, ReplyID: replyID, At: time.Now()})
	if err != nil {
		s.s.log.Error("studio: simulator: handle", "err", err)
		return SimTurn{}, apperr.Wrap(apperr.EINTERNAL, err, fmt.Sprintf("The simulation could not run: %s.", err))
	}
	sim.session = turn.Session
	if len(turn.Replies) > 0 {
		sim.last = turn.Replies
		// The first-run checklist's "tested" step.
		if err := s.s.cfg.MarkSimulated(ctx, time.Now()); err != nil {
			s.s.log.Warn("studio: mark the simulator step", "err", err)
		}
	}
	out := sim.snapshot(turn, simCalls(turn.Calls, sim.calls.taken()))
	if turn.State == engine.StateIdle {
		out.Notice = s.idleNotice(ctx, sim.flowID)
	}
	s.s.emit(EventSimulatorTurn, out)
	return out, nil
}

// Restart forgets the conversation and the attribute values gathered, as if
// a new customer wrote; the next message starts the flow again.
func (s *Simulator) Restart(simID string) (SimTurn, error) {
	sim, err := s.get(simID)
	if err != nil {
		return SimTurn{}, err
	}
	sim.mu.Lock()
	defer sim.mu.Unlock()
	sim.session = engine.Session{Attributes: maps.Clone(sim.initial)}
	sim.last = nil
	out := sim.snapshot(engine.Turn{State: engine.StateIdle, Session: sim.session}, nil)
	s.s.emit(EventSimulatorTurn, out)
	return out, nil
}

// Stop ends a simulation and frees it.
func (s *Simulator) Stop(simID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.sims, simID)
}

func (s *Simulator) get(id string) (*simulation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sim, ok := s.sims[id]
	if !ok {
		return nil, apperr.Errorf(apperr.ENOTFOUND, "This simulation has ended; start a new one.")
	}
	sim.lastUsed = time.Now()
	return sim, nil
}

// sweepLocked drops idle simulations and, beyond the limit, the least
// recently used one.
func (s *Simulator) sweepLocked() {
	var oldest *simulation
	for id, sim := range s.sims {
		if time.Since(sim.lastUsed) > simulationIdle {
			delete(s.sims, id)
			continue
		}
		if oldest == nil || sim.lastUsed.Before(oldest.lastUsed) {
			oldest = sim
		}
	}
	if len(s.sims) >= maxSimulations && oldest != nil {
		delete(s.sims, oldest.id)
	}
}

// idleNotice explains why a message started nothing.
func (s *Simulator) idleNotice(ctx context.Context, flowID int64) string {
	f, err := s.s.db.Flow(ctx, flowID)
	if err != nil {
		return "The flow could not be loaded."
	}
	start, ok := f.Start()
	if !ok {
		return "The flow has no start node."
	}
	if len(start.Data.Keywords) > 0 {
		return fmt.Sprintf("Nothing started: the first message must be one of the start keywords (%s).", quoteList(start.Data.Keywords))
	}
	return "The conversation has ended; send another message to start again."
}

func (sim *simulation) snapshot(t engine.Turn, calls []SimCall) SimTurn {
	out := SimTurn{SimID: sim.id, FlowID: sim.flowID, Replies: t.Replies, State: t.State, NodeID: t.Session.NodeID,
		Visited: t.Visited, Attributes: maps.Clone(t.Session.Attributes), Calls: calls, Errors: t.Errors}
	if out.Replies == nil {
		out.Replies = []engine.Reply{}
	}
	if out.Visited == nil {
		out.Visited = []string{}
	}
	if out.Attributes == nil {
		out.Attributes = map[string]string{}
	}
	if out.Calls == nil {
		out.Calls = []SimCall{}
	}
	if out.Errors == nil {
		out.Errors = []string{}
	}
	return out
}
