package engine

import "chatflow/backend/flow"

// messageNode sends a text, or a media message with the text as caption:
// an attached file of the media store, or a link.
type messageNode struct{}

func (messageNode) enter(rc *runContext, n flow.Node) result {
	d := n.Data
	if d.MediaFile != "" {
		return result{output: flow.HandleOut, replies: []Reply{{
			Type:      ReplyMedia,
			Text:      truncate(rc.render(d.Text), flow.MaxCaption),
			MediaFile: d.MediaFile,
			Filename:  d.MediaName,
			MediaType: d.MediaType,
		}}}
	}
	if d.MediaURL != "" {
		return result{output: flow.HandleOut, replies: []Reply{{
			Type:      ReplyMedia,
			Text:      truncate(rc.render(d.Text), flow.MaxCaption),
			MediaURL:  rc.render(d.MediaURL),
			MediaType: d.MediaType,
		}}}
	}
	return result{output: flow.HandleOut, replies: []Reply{{Type: ReplyText, Text: rc.render(d.Text)}}}
}
