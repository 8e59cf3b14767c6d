package inbox

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"chatflow/backend/engine"
	"chatflow/backend/store"
	"chatflow/backend/whatsapp"
)

// outgoing is a batch of rows for one contact on its way into the outbound
// queue: built before the transaction (encoding), inserted inside it, and
// handed to the senders after its commit.
type outgoing struct {
	contact int64
	rows    []store.Message
	// queued are the indexes in rows of those that wait to be sent (not
	// failed at once); the first claimed of them are marked as being sent.
	queued  []int
	claimed int
}

// newOutgoing turns replies into rows for contact c. Each reply waits
// DelayMs after the previous one; a reply too long for one WhatsApp message
// becomes several; a non-template message that would leave after the
// contact's window has closed starts failed (window.go).
func newOutgoing(c store.Contact, replies []engine.Reply, source string, now time.Time) (*outgoing, error) {
	o := &outgoing{contact: c.ID}
	sendAt := now
	for _, r := range replies {
		sendAt = sendAt.Add(time.Duration(max(r.DelayMs, 0)) * time.Millisecond)
		for _, out := range whatsapp.Expand(toWhatsApp(c, r)) {
			payload, err := json.Marshal(out)
			if err != nil {
				return nil, fmt.Errorf("inbox: encode reply: %w", err)
			}
			status, reason := windowStatus(c, out, sendAt)
			if status == store.MessageQueued {
				o.queued = append(o.queued, len(o.rows))
			}
			o.rows = append(o.rows, store.Message{ContactID: c.ID, Direction: store.DirectionOut, Type: out.Kind,
				Text: out.Text, Payload: string(payload), Status: status, Error: reason, Source: source,
				NextAttemptAt: sendAt, CreatedAt: now})
		}
	}
	return o, nil
}

// reserve counts the queued rows with the outbound queue and marks the
// ones the senders get straight from this commit. Call it before the
// transaction, then release (failed) or handOver (committed).
func (s *Service) reserve(o *outgoing, now time.Time) {
	waiting := make([]store.Message, len(o.queued))
	for i, k := range o.queued {
		waiting[i] = o.rows[k]
	}
	o.claimed = s.out.reserve(o.contact, waiting, now)
	for _, k := range o.queued[:o.claimed] {
		o.rows[k].SendingAt = now
	}
}

// release undoes reserve when the transaction failed.
func (s *Service) release(o *outgoing) {
	s.out.unreserve(o.contact, len(o.queued), o.claimed)
	for _, k := range o.queued[:o.claimed] {
		o.rows[k].SendingAt = time.Time{}
	}
}

// insertTx stores the rows inside tx, giving each its id (it may run more
// than once: store.DB.GroupTx).
func (o *outgoing) insertTx(ctx context.Context, tx *sql.Tx) error {
	for i := range o.rows {
		o.rows[i].ID = 0
		m, err := store.InsertMessageTx(ctx, tx, o.rows[i])
		if err != nil {
			return err
		}
		o.rows[i] = m
	}
	return nil
}

// handOver announces the committed rows and gives the marked ones to the
// senders (the others wait for the poller).
func (s *Service) handOver(o *outgoing) []MessageView {
	views := make([]MessageView, len(o.rows))
	for i, m := range o.rows {
		views[i] = View(m)
		s.opt.Events.Emit(EventMessage, views[i])
	}
	claimed := make([]store.Message, o.claimed)
	for i, k := range o.queued[:o.claimed] {
		claimed[i] = o.rows[k]
	}
	s.out.hold(o.contact, claimed)
	if len(o.queued) > o.claimed {
		s.out.kickPoll()
	}
	return views
}

// toWhatsApp converts an engine reply into a WhatsApp message for contact c.
func toWhatsApp(c store.Contact, r engine.Reply) whatsapp.Outgoing {
	out := whatsapp.Outgoing{Kind: r.Type, Text: r.Text, Button: r.Button, MediaURL: r.MediaURL, MediaType: r.MediaType,
		MediaFile: r.MediaFile, Filename: r.Filename, Template: r.Template}
	if c.Phone != "" {
		out.To = c.Phone
	} else {
		out.Recipient = c.UserID
	}
	for _, b := range r.Buttons {
		out.Buttons = append(out.Buttons, whatsapp.Option{ID: b.ID, Title: b.Title, Description: b.Description})
	}
	for _, row := range r.Rows {
		out.Rows = append(out.Rows, whatsapp.Option{ID: row.ID, Title: row.Title, Description: row.Description})
	}
	if out.Kind == "" {
		out.Kind = whatsapp.KindText
	}
	return out
}

// queueOutgoing stores replies for contact c in a transaction of their own
// (a person's reply, a template) and hands them over.
func (s *Service) queueOutgoing(ctx context.Context, c store.Contact, replies []engine.Reply, source string) ([]MessageView, error) {
	now := s.opt.Now()
	o, err := newOutgoing(c, replies, source, now)
	if err != nil {
		return nil, err
	}
	s.reserve(o, now)
	if err := s.db.GroupTx(ctx, func(tx *sql.Tx) error { return o.insertTx(ctx, tx) }); err != nil {
		s.release(o)
		return nil, fmt.Errorf("inbox: queue reply: %w", err)
	}
	return s.handOver(o), nil
}
