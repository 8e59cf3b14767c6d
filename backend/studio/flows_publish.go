package studio

import (
	"context"

	"chatflow/backend/flow"
)

// silentFlow is why a flow that can never answer is not published: a live
// bot that swallows every customer's message while the owner believes it
// answers is worse than no bot (Meta's own auto-reply, or a person, would
// at least see the message waiting).
const silentFlow = "sends nothing yet: connect a Message, Question, Buttons or List block after its start, then publish"

// PublishPreview says what publishing a flow would do, for the confirmation
// before it: which live flow it takes offline, whether customers can get
// its answers yet, and why it cannot be published at all.
type PublishPreview struct {
	FlowName string `json:"flowName"`
	// Replaces is the name of the live flow that would go offline ("" when
	// none is live, or this one is).
	Replaces string `json:"replaces"`
	// Connected is false while WhatsApp is not fully set up: the flow would
	// be live once WhatsApp is connected.
	Connected bool `json:"connected"`
	// Missing lists what WhatsApp still needs (Settings).
	Missing []string `json:"missing"`
	// Blocker is the sentence that refuses publishing ("" when it may).
	Blocker string `json:"blocker"`
}

// PublishPreview reads what Publish would do, without doing it.
func (u *Flows) PublishPreview(ctx context.Context, id int64) (PublishPreview, error) {
	f, err := u.s.db.Flow(ctx, id)
	if err != nil {
		return PublishPreview{}, u.fail("read the flow", err)
	}
	out := PublishPreview{FlowName: f.Name, Missing: []string{}}
	env, _, err := loadEnv(ctx, u.s.db)
	if err != nil {
		return PublishPreview{}, u.fail("read the flow", err)
	}
	switch blocker := publishBlocker(flow.Validate(f, env), f.Nodes); {
	case blocker != "":
		out.Blocker = errUnpublishable(f.Name, blocker).Error()
	case !flow.SendsAReply(f):
		out.Blocker = errUnpublishable(f.Name, silentFlow).Error()
	}
	flows, err := u.s.db.Flows(ctx)
	if err != nil {
		return PublishPreview{}, u.fail("read the flows", err)
	}
	for _, other := range flows {
		if other.Published && other.ID != id {
			out.Replaces = other.Name
		}
	}
	st, err := u.s.Settings.Status(ctx)
	if err != nil {
		return PublishPreview{}, err
	}
	if st.Missing != nil {
		out.Missing = st.Missing
	}
	out.Connected = len(out.Missing) == 0
	return out, nil
}
