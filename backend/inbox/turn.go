package inbox

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"chatflow/backend/engine"
	"chatflow/backend/store"
	"chatflow/backend/whatsapp"
)

// runTurn runs the flow for one message, outside any transaction (API nodes
// may take seconds), then saves everything the turn produced in one write
// transaction. A crash before the commit leaves the message pending, so it
// runs again after a restart and nothing is answered twice.
func (s *Service) runTurn(ctx context.Context, in store.Inbound, msg whatsapp.Message, c store.Contact) error {
	sess, err := loadSession(ctx, s.db.R, c.ID)
	if err != nil {
		return err
	}
	at := msg.Timestamp
	if at.IsZero() {
		at = s.opt.Now()
	}
	turn, err := s.handle(ctx, sess, engine.Inbound{Text: msg.Text, ReplyID: msg.ReplyID,
		ContactName: c.Name, ContactPhone: c.Phone, At: at})
	if err != nil {
		return err
	}
	for _, e := range turn.Errors {
		s.log.Warn("inbox: flow problem", slog.Int64("contact", c.ID), slog.String("problem", e))
	}
	var views []MessageView
	var inView store.Message
	// Workers' turns that end together share one commit (store.GroupTx),
	// which may run this body twice, hence the reset.
	err = s.db.GroupTx(ctx, func(tx *sql.Tx) error {
		views = nil
		if err := saveSessionTx(ctx, tx, turn.Session); err != nil {
			return err
		}
		if turn.State == engine.StatePaused && turn.Session.Paused && !c.BotPaused {
			if err := setPausedTx(ctx, tx, c.ID, true); err != nil {
				return err
			}
		}
		var err error
		if inView, err = finishInboundTx(ctx, tx, in, store.InboundDone, "", s.opt.Now()); err != nil {
			return err
		}
		views, err = s.queueReplies(ctx, tx, c, turn.Replies, store.SourceBot)
		return err
	})
	if err != nil {
		return fmt.Errorf("inbox: save turn: %w", err)
	}
	s.opt.Events.Emit(EventStatus, View(inView))
	for _, v := range views {
		s.opt.Events.Emit(EventMessage, v)
	}
	if len(views) > 0 {
		s.kickOutbound()
	}
	return nil
}

// handle calls the engine, turning a panic in a flow into an error so one
// bad flow cannot stop the inbox.
func (s *Service) handle(ctx context.Context, sess engine.Session, in engine.Inbound) (turn engine.Turn, err error) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("inbox: engine panic", slog.Any("panic", r), slog.String("stack", string(debug.Stack())))
			err = fmt.Errorf("inbox: the flow stopped unexpectedly: %v", r)
		}
	}()
	return s.opt.Engine.Handle(ctx, sess, in)
}

// queueReplies stores the replies of a turn as conversation messages and
// outbox rows. Each reply waits DelayMs after the previous one; a reply too
// long for one WhatsApp message becomes several.
func (s *Service) queueReplies(ctx context.Context, tx *sql.Tx, c store.Contact, replies []engine.Reply, source string) ([]MessageView, error) {
	var views []MessageView
	now := s.opt.Now()
	sendAt := now
	for _, r := range replies {
		sendAt = sendAt.Add(time.Duration(max(r.DelayMs, 0)) * time.Millisecond)
		for _, out := range whatsapp.Expand(outgoing(c, r)) {
			payload, err := json.Marshal(out)
			if err != nil {
				return nil, fmt.Errorf("inbox: encode reply: %w", err)
			}
			status, reason := windowStatus(c, out, sendAt)
			m, err := store.InsertMessageTx(ctx, tx, store.Message{ContactID: c.ID, Direction: store.DirectionOut,
				Type: out.Kind, Text: out.Text, Payload: string(payload), Status: status, Error: reason,
				Source: source, CreatedAt: now})
			if err != nil {
				return nil, err
			}
			if status == store.MessageFailed {
				views = append(views, View(m))
				continue
			}
			if _, err := store.InsertOutboxTx(ctx, tx, store.OutboxItem{MessageID: m.ID, ContactID: c.ID,
				Payload: string(payload), SendAfter: sendAt, CreatedAt: now}); err != nil {
				return nil, err
			}
			views = append(views, View(m))
		}
	}
	if len(views) > 0 {
		if err := store.TouchContactTx(ctx, tx, c.ID, now); err != nil {
			return nil, err
		}
	}
	return views, nil
}

// outgoing converts an engine reply into a WhatsApp message for contact c.
func outgoing(c store.Contact, r engine.Reply) whatsapp.Outgoing {
	out := whatsapp.Outgoing{Kind: r.Type, Text: r.Text, Button: r.Button, MediaURL: r.MediaURL, MediaType: r.MediaType,
		Template: r.Template}
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

// finishTx closes a message without a turn, in its own transaction.
func (s *Service) finishTx(ctx context.Context, in store.Inbound, state, reason string) (store.Message, error) {
	var m store.Message
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		m, err = finishInboundTx(ctx, tx, in, state, reason, s.opt.Now())
		return err
	})
	return m, err
}

// finishInboundTx closes the queue row and gives the conversation row the
// same state, so the inbox shows why a message was not answered.
func finishInboundTx(ctx context.Context, tx *sql.Tx, in store.Inbound, state, reason string, at time.Time) (store.Message, error) {
	if err := store.FinishInboundTx(ctx, tx, in.ID, state, reason, at); err != nil {
		return store.Message{}, err
	}
	return store.SetMessageStatusReturningTx(ctx, tx, in.MessageID, state, reason, "", at)
}
