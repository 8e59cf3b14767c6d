package inbox

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"time"

	"chatflow/backend/attribute"
	"chatflow/backend/engine"
	"chatflow/backend/store"
	"chatflow/backend/whatsapp"
)

// contactState is what a worker knows about its contact between the turns
// of one batch: read with the batch (store.DB.DueWork), then carried from
// each turn to the next, so a turn reads nothing.
type contactState struct {
	contact store.Contact
	session engine.Session
	// values are the contact's stored custom attribute values.
	values  attribute.Values
	version int64
}

// runTurn runs the flow for one message, outside any transaction (API nodes
// may take seconds), then saves everything the turn produced in one write
// transaction: the row's final status, the session, the attribute values
// that changed, a handoff's pause and the replies (group-committed with
// other writers; the replies the senders take at once are marked in their
// insert). A crash before the commit leaves the message waiting, so it runs
// again after a restart and nothing is answered twice.
func (s *Service) runTurn(ctx context.Context, st *contactState, item store.Message, msg whatsapp.Message) error {
	at := msg.Timestamp
	if at.IsZero() {
		at = s.opt.Now()
	}
	// A media message waits (a bounded time) for its download first, so
	// the flow sees the file.
	in := engine.Inbound{Text: msg.Text, ReplyID: msg.ReplyID, At: at, Media: s.attachment(ctx, item.ID, msg)}
	return s.runTurnWith(ctx, st, item, in, nil)
}

// runTurnWith runs the engine on in (the contact's name and number filled
// in) after setting the values of set, and saves the turn as runTurn says.
func (s *Service) runTurnWith(ctx context.Context, st *contactState, item store.Message, in engine.Inbound, set map[string]string) error {
	sess := st.session
	sess.Attributes = make(map[string]string, len(st.session.Attributes)+len(st.values))
	for name, value := range st.session.Attributes {
		sess.Attributes[name] = value
	}
	for name, value := range st.values {
		sess.Attributes[name] = value
	}
	for name, value := range set {
		sess.Attributes[name] = value
	}
	c := st.contact
	in.ContactName, in.ContactPhone = c.Name, c.Phone
	turn, err := s.handle(store.WithDefinitionsVersion(ctx, st.version), sess, in)
	if err != nil {
		return err
	}
	for _, e := range turn.Errors {
		s.log.Warn("inbox: flow problem", slog.Int64("contact", c.ID), slog.String("problem", e))
	}
	now := s.opt.Now()
	o, err := newOutgoing(c, turn.Replies, store.SourceBot, now)
	if err != nil {
		return err
	}
	changed, values := changedValues(st.values, turn.Session.Attributes)
	pause := turn.State == engine.StatePaused && turn.Session.Paused && !c.BotPaused
	saveSession := sessionChanged(st.session, turn.Session)
	s.reserve(o, now)
	err = s.db.GroupTx(ctx, func(tx *sql.Tx) error {
		if err := store.FinishInboundTx(ctx, tx, item.ID, store.InboundDone, "", now); err != nil {
			return err
		}
		if saveSession {
			if err := storeSessionTx(ctx, tx, turn.Session); err != nil {
				return err
			}
		}
		if err := store.SetContactAttributesTx(ctx, tx, c.ID, changed); err != nil {
			return err
		}
		if pause {
			if err := store.SetBotPausedTx(ctx, tx, c.ID, true); err != nil {
				return err
			}
		}
		return o.insertTx(ctx, tx)
	})
	if err != nil {
		s.release(o)
		return fmt.Errorf("inbox: save turn: %w", err)
	}
	if saveSession {
		st.session = turn.Session
	}
	st.values = values
	st.contact.BotPaused = st.contact.BotPaused || pause
	s.opt.Events.Emit(EventStatus, View(finished(item, store.InboundDone, "", now)))
	s.handOver(o)
	return nil
}

// sessionChanged reports whether a turn moved the session on from the
// stored one. A turn that starts and ends with no run waiting, and changes
// no value, leaves nothing to store: the message.* built-ins describe the
// message at hand and are set again by the next turn, and the time of the
// last activity matters only to a waiting run (its inactivity timeout).
// The order bot's turns are all like that, and skipping their session write
// is a statement less per message.
func sessionChanged(stored, after engine.Session) bool {
	if stored.FlowID != after.FlowID || stored.FlowVersion != after.FlowVersion || stored.NodeID != after.NodeID ||
		stored.RetriesLeft != after.RetriesLeft || stored.Paused != after.Paused {
		return true
	}
	if (stored.NodeID != "" || after.NodeID != "") && !stored.LastActivity.Equal(after.LastActivity) {
		return true
	}
	for name, value := range after.Attributes {
		if old, ok := stored.Attributes[name]; (!ok || old != value) && !strings.HasPrefix(name, "message.") {
			return true
		}
	}
	for name := range stored.Attributes {
		if _, ok := after.Attributes[name]; !ok && !strings.HasPrefix(name, "message.") {
			return true
		}
	}
	return false
}

// changedValues compares the custom attribute values a turn ended with to
// the stored ones: it returns the changes to store (an empty value removes
// one) and the values now stored. Built-ins live elsewhere (the contact,
// the turn).
func changedValues(stored attribute.Values, after map[string]string) (changed, now attribute.Values) {
	changed, now = attribute.Values{}, attribute.Values{}
	for name, value := range after {
		if attribute.IsBuiltIn(name) {
			continue
		}
		if value != "" {
			now[name] = value
		}
		if stored[name] != value {
			changed[name] = value
		}
	}
	for name := range stored {
		if _, kept := after[name]; !kept {
			changed[name] = ""
		}
	}
	return changed, now
}

// finished is item as it reads once given its final status.
func finished(item store.Message, status, reason string, at time.Time) store.Message {
	item.Status, item.Error, item.UpdatedAt = status, reason, at
	item.Attempts++
	return item
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

// finish closes a message without a turn, in a transaction of its own, and
// announces it.
func (s *Service) finish(ctx context.Context, item store.Message, status, reason string) error {
	now := s.opt.Now()
	err := s.db.GroupTx(ctx, func(tx *sql.Tx) error { return store.FinishInboundTx(ctx, tx, item.ID, status, reason, now) })
	if err != nil {
		return err
	}
	s.opt.Events.Emit(EventStatus, View(finished(item, status, reason, now)))
	return nil
}
