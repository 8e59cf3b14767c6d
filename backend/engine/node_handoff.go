package engine

import "chatflow/backend/flow"

// handoffNode tells the customer a person will take over and pauses the bot
// for this contact; the inbox resumes it by clearing Session.Paused.
type handoffNode struct{}

func (handoffNode) enter(rc *runContext, n flow.Node) result {
	r := result{pause: true}
	if text := rc.render(n.Data.Text); text != "" {
		r.replies = []Reply{{Type: ReplyText, Text: text}}
	}
	return r
}
