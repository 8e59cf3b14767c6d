package inbox

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/whatsapp"
)

// Accepted reports what one webhook body changed.
type Accepted struct {
	// Queued counts new customer messages; Duplicates counts redeliveries
	// of messages queued before, which are ignored.
	Queued     int
	Duplicates int
	// Statuses counts delivery statuses that changed a message.
	Statuses int
}

// Accept stores everything a webhook carried: each new customer message
// (one row, the conversation's and the queue's; its contact is usually
// known already and costs nothing), and each delivery status. When it
// returns nil the data is committed and the webhook may be acknowledged;
// the workers are woken afterwards.
//
// Bodies that arrive while another commit is under way are stored together
// in the next transaction; acknowledgements go before the other writers
// (store.DB.GroupTxUrgent), so they never wait behind a queue of turns. Each
// caller still returns only after the commit holding its body.
func (s *Service) Accept(ctx context.Context, n whatsapp.Notification) (Accepted, error) {
	r := &acceptReq{n: n}
	// A webhook request cut off by Meta after its body arrived is still
	// stored (a redelivery finds it and is acknowledged), and its statements
	// must not fail the transaction it shares with other bodies.
	ctx = context.WithoutCancel(ctx)
	if err := s.db.GroupTxUrgent(ctx, func(tx *sql.Tx) error { return s.acceptTx(ctx, tx, r) }); err != nil {
		return Accepted{}, fmt.Errorf("inbox: store webhook: %w", err)
	}
	for _, v := range r.views {
		s.ready.add(v.ContactID)
		s.opt.Events.Emit(EventMessage, v)
	}
	for _, v := range r.updates {
		s.opt.Events.Emit(EventStatus, v)
	}
	for _, c := range r.settled {
		s.out.settled(c)
	}
	if r.downloads {
		s.opt.Media.Kick()
	}
	if r.res.Queued > 0 {
		s.kickInbound()
	}
	return r.res, nil
}

// acceptReq is one webhook body and what storing it changed.
type acceptReq struct {
	n       whatsapp.Notification
	res     Accepted
	views   []MessageView
	updates []MessageView
	// settled names the contact of each waiting reply a status settled.
	settled []int64
	// downloads: an attachment was queued for download.
	downloads bool
}

// acceptTx stores one webhook body inside tx, filling r's results (reset
// first: GroupTx may run it again on its own after a shared transaction
// failed).
func (s *Service) acceptTx(ctx context.Context, tx *sql.Tx, r *acceptReq) error {
	n := r.n
	now := s.opt.Now()
	r.res, r.views, r.updates, r.settled, r.downloads = Accepted{}, nil, nil, nil, false
	for _, m := range n.Messages {
		v, fresh, err := s.acceptMessage(ctx, tx, m, &r.downloads)
		if err != nil {
			return err
		}
		if !fresh {
			r.res.Duplicates++
			continue
		}
		r.res.Queued++
		r.views = append(r.views, v)
	}
	for _, st := range n.Statuses {
		reason := ""
		if len(st.Errors) > 0 {
			reason = st.Errors[0].String()
		}
		at := st.Timestamp
		if at.IsZero() {
			at = now
		}
		// A status naming one of our waiting rows settles a send whose
		// answer was lost (the process stopped right after sending).
		if id, ok := messageFromCallback(st.Callback); ok {
			m, settled, err := s.db.SettleSentTx(ctx, tx, id, st.MessageID, at)
			if err != nil {
				return err
			}
			if settled {
				r.res.Statuses++
				r.updates = append(r.updates, View(m))
				r.settled = append(r.settled, m.ContactID)
			}
		}
		m, changed, err := s.db.ApplyStatusTx(ctx, tx, st.MessageID, st.Status, reason, at)
		if err != nil {
			return err
		}
		if changed {
			r.res.Statuses++
			r.updates = append(r.updates, View(m))
		}
	}
	return s.noteWebhookEventTx(ctx, tx, now)
}

// noteWebhookEventTx records the time of the latest webhook event (the
// Settings page shows it) at most once a second: under load it was a write
// of the same row in every transaction. If the transaction holding the note
// rolls back, the next event after that second notes it again.
func (s *Service) noteWebhookEventTx(ctx context.Context, tx *sql.Tx, now time.Time) error {
	last := s.eventNoted.Load()
	if now.UnixMilli()-last < 1000 && now.UnixMilli() >= last {
		return nil
	}
	if err := store.NoteWebhookEventTx(ctx, tx, now); err != nil {
		return err
	}
	s.eventNoted.Store(now.UnixMilli())
	return nil
}

// acceptMessage queues one customer message unless it was queued before:
// its one row is the conversation's and the queue's, and the contact's
// unread count and 24-hour window follow from it. An attachment is queued
// for download in the same transaction (downloads is set then).
func (s *Service) acceptMessage(ctx context.Context, tx *sql.Tx, m whatsapp.Message, downloads *bool) (MessageView, bool, error) {
	c, err := s.db.ResolveContactTx(ctx, tx, m.From.WaID, m.From.UserID, m.From.Name)
	if err != nil {
		return MessageView{}, false, err
	}
	input, err := json.Marshal(m)
	if err != nil {
		return MessageView{}, false, fmt.Errorf("inbox: encode message %s: %w", m.ID, err)
	}
	sent := m.Timestamp
	if sent.IsZero() {
		sent = s.opt.Now()
	}
	row, fresh, err := store.QueueInboundTx(ctx, tx, store.Message{ContactID: c.ID, WaMessageID: m.ID, Type: m.Type,
		Text: m.Summary(), Payload: string(details(m)), Source: store.SourceCustomer, Kind: store.KindMessage,
		Input: string(input), CreatedAt: sent})
	if err != nil || !fresh {
		return MessageView{}, false, err
	}
	queued, err := s.queueDownloadTx(ctx, tx, m, row)
	if err != nil {
		return MessageView{}, false, err
	}
	*downloads = *downloads || queued
	return View(row), true, nil
}

// details is the type-specific part of a customer message kept for the
// conversation view.
func details(m whatsapp.Message) []byte {
	d := struct {
		ReplyID  string             `json:"replyId,omitempty"`
		Media    *whatsapp.Media    `json:"media,omitempty"`
		Location *whatsapp.Location `json:"location,omitempty"`
		Contacts []whatsapp.Shared  `json:"contacts,omitempty"`
		Reaction *whatsapp.Reaction `json:"reaction,omitempty"`
		Errors   []string           `json:"errors,omitempty"`
	}{ReplyID: m.ReplyID, Media: m.Media, Location: m.Location, Contacts: m.Contacts, Reaction: m.Reaction}
	for _, e := range m.Errors {
		d.Errors = append(d.Errors, e.String())
	}
	b, err := json.Marshal(d)
	if err != nil || strings.TrimSpace(string(b)) == "" {
		return []byte("{}")
	}
	return b
}
