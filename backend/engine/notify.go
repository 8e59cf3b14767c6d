package engine

import (
	"errors"
	"fmt"

	"chatflow/backend/flow"
)

// Notify is a notification from the business's own systems (POST
// /notify/{trigger}) for one contact: it starts a flow, or sends a template
// without touching the contact's run. The request's attribute values are
// in the session's attributes already.
type Notify struct {
	// FlowID is the flow to start, whatever its start keywords; 0 when the
	// trigger sends a template.
	FlowID int64 `json:"flowId,omitempty"`
	// Template is the template to send, as a template node would (its
	// template, language, parameters and header media link).
	Template *flow.NodeData `json:"template,omitempty"`
}

// handleNotify runs a notification. A flow start ends the run the contact
// was in; a paused contact (a person took over) gets no flow, but a
// template still goes out: that is the business telling the customer
// something, not the bot talking.
func (e *Engine) handleNotify(t *turn, n *Notify) error {
	if n.Template != nil {
		r := templateNode{}.enter(&t.rc, flow.Node{ID: "notification", Type: flow.TypeTemplate, Data: *n.Template})
		t.Replies = append(t.Replies, r.replies...)
		if r.problem != "" {
			e.problem(t, r.problem)
		}
		return nil
	}
	if t.Session.Paused {
		e.log(t, "info", "the bot is paused for this contact: the notification started no flow")
		return nil
	}
	f, err := e.d.Flows.ByID(t.rc.ctx, n.FlowID)
	if errors.Is(err, ErrFlowNotFound) {
		e.problem(t, "the flow of this trigger was deleted, so the notification started nothing")
		return nil
	}
	if err != nil {
		return fmt.Errorf("engine: load flow %d: %w", n.FlowID, err)
	}
	start, ok := f.Start()
	if !ok {
		e.problem(t, "the trigger's flow has no start node")
		return nil
	}
	if t.Session.NodeID != "" {
		e.log(t, "info", "a notification starts another run: the previous run ended")
		t.endRun()
	}
	t.rc.flow = f
	t.Session.FlowID, t.Session.FlowVersion = f.ID, f.Version
	t.Session.NodeID, t.Session.RetriesLeft, t.Session.Page = "", 0, 0
	return e.walk(t, start.ID)
}
