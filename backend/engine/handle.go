package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"chatflow/backend/attribute"
	"chatflow/backend/flow"
)

// Handle runs one customer message through the contact's session and returns
// the replies and the new session. It returns an error only when the flows or
// attributes cannot be read (the caller should retry the message later);
// problems of the flow itself are reported in Turn.Errors.
//
// The session lifecycle:
//   - a paused session (handoff) only records the message;
//   - the restart keyword ends the current run and starts the flow over;
//   - a run waiting longer than the inactivity timeout is ended first;
//   - a waiting run resumes at its node with the message as the answer;
//   - otherwise the published flow starts when the message matches its start
//     node's keywords (or always, when it has none).
func (e *Engine) Handle(ctx context.Context, s Session, in Inbound) (Turn, error) {
	now := in.At
	if now.IsZero() {
		now = e.d.Now()
	}
	s = s.clone()
	if in.ContactName != "" {
		s.Attributes[attribute.ContactName] = in.ContactName
	}
	if in.ContactPhone != "" {
		s.Attributes[attribute.ContactPhone] = in.ContactPhone
	}
	s.Attributes[attribute.MessageText] = in.Text
	setMediaAttributes(s.Attributes, in.Media)
	idleSince := s.LastActivity
	s.LastActivity = now
	if s.Paused && in.Notify == nil {
		return Turn{Session: s, State: StatePaused}, nil
	}

	if e.d.Flows == nil {
		return Turn{}, errors.New("engine: no flow source configured")
	}
	defs, err := e.attributes(ctx)
	if err != nil {
		return Turn{}, err
	}
	t := &turn{Turn: Turn{Session: s}, rc: runContext{ctx: ctx, engine: e, attrs: s.Attributes,
		types: attribute.TypeMap(defs), env: newExprEnv(defs), contactID: s.ContactID}}

	if in.Notify != nil {
		if err := e.handleNotify(t, in.Notify); err != nil {
			return Turn{}, err
		}
		return t.finish(), nil
	}

	restart := in.ReplyID == "" && flow.NormalizeKeyword(in.Text) == flow.NormalizeKeyword(e.d.RestartKeyword)
	switch {
	case t.Session.NodeID != "" && restart:
		e.log(t, "info", "restart keyword: the run starts over")
		t.endRun()
	case t.Session.NodeID != "" && !idleSince.IsZero() && now.Sub(idleSince) > e.d.InactivityTimeout:
		e.log(t, "info", fmt.Sprintf("no answer for %s: the previous run ended", now.Sub(idleSince).Round(1e9)))
		t.endRun()
	}

	if t.Session.NodeID != "" {
		resumed, err := e.resume(t, in)
		if err != nil {
			return Turn{}, err
		}
		if resumed {
			return t.finish(), nil
		}
	}
	if err := e.begin(t, in, restart); err != nil {
		return Turn{}, err
	}
	return t.finish(), nil
}

// attributes returns the custom attribute definitions (nil Deps.Attributes
// means only built-ins).
func (e *Engine) attributes(ctx context.Context) ([]attribute.Definition, error) {
	if e.d.Attributes == nil {
		return nil, nil
	}
	defs, err := e.d.Attributes(ctx)
	if err != nil {
		return nil, fmt.Errorf("engine: load attributes: %w", err)
	}
	return defs, nil
}

// resume continues a waiting run. It reports false when the run could not
// continue (its flow or node is gone) and has been ended instead.
func (e *Engine) resume(t *turn, in Inbound) (bool, error) {
	f, err := e.d.Flows.ByID(t.rc.ctx, t.Session.FlowID)
	if errors.Is(err, ErrFlowNotFound) {
		e.log(t, "info", "the flow of this run was deleted: the run ended")
		t.endRun()
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("engine: load flow %d: %w", t.Session.FlowID, err)
	}
	n, ok := f.Node(t.Session.NodeID)
	ex, isInput := registry[n.Type].(inputExecutor)
	if !ok || !isInput {
		e.log(t, "info", "the flow changed and the waiting node is gone: the run ended")
		t.endRun()
		return false, nil
	}
	t.rc.flow = f
	t.Session.FlowVersion = f.Version
	t.rc.retriesLeft, t.rc.page = t.Session.RetriesLeft, t.Session.Page
	t.Visited = append(t.Visited, n.ID)
	t.steps++
	return true, e.walk(t, e.step(t, n.ID, ex.resume(&t.rc, n, in)))
}

// begin starts the published flow when the message matches its start node;
// force (the restart keyword) skips the keyword check.
func (e *Engine) begin(t *turn, in Inbound, force bool) error {
	f, ok, err := e.d.Flows.Published(t.rc.ctx)
	if err != nil {
		return fmt.Errorf("engine: load published flow: %w", err)
	}
	if !ok {
		return nil
	}
	start, ok := f.Start()
	if !ok {
		e.problem(t, "the published flow has no start node")
		return nil
	}
	if !force && !matchesStart(start, in.Text) {
		return nil
	}
	t.rc.flow = f
	t.Session.FlowID, t.Session.FlowVersion = f.ID, f.Version
	t.Session.NodeID, t.Session.RetriesLeft, t.Session.Page = "", 0, 0
	return e.walk(t, start.ID)
}

func (e *Engine) log(t *turn, level, msg string) {
	args := []any{"contact", t.Session.ContactID, "flow", t.Session.FlowID, "node", t.Session.NodeID}
	if level == "error" {
		e.d.Logger.Error("engine: "+msg, args...)
		return
	}
	e.d.Logger.Info("engine: "+msg, args...)
}

// problem records a flow problem in the turn and logs it.
func (e *Engine) problem(t *turn, msg string) {
	msg = strings.TrimSpace(msg)
	t.Errors = append(t.Errors, msg)
	e.log(t, "error", msg)
}

// setMediaAttributes fills the message.media.* built-ins from the latest
// message and removes them when it carried no attachment: like message.text,
// they always describe the latest message. Empty values are left out rather
// than stored, so sessions without media do not grow.
func setMediaAttributes(attrs map[string]string, m *Media) {
	if m == nil {
		m = &Media{}
	}
	for _, kv := range [...][2]string{{attribute.MessageMediaPath, m.Path}, {attribute.MessageMediaMime, m.Mime},
		{attribute.MessageMediaCaption, m.Caption}, {attribute.MessageMediaFilename, m.Filename}} {
		if kv[1] == "" {
			delete(attrs, kv[0])
		} else {
			attrs[kv[0]] = kv[1]
		}
	}
}
