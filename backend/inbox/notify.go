package inbox

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"chatflow/backend/attribute"
	"chatflow/backend/engine"
	"chatflow/backend/flow"
	"chatflow/backend/store"
)

// Notification is one request of a trigger (POST /notify/{trigger}) for the
// inbox to store and run: set the attributes, then start the flow or send
// the template, in order with the contact's messages.
type Notification struct {
	TriggerID   int64             `json:"triggerId"`
	TriggerName string            `json:"trigger"`
	Phone       string            `json:"phone"`
	Attributes  map[string]string `json:"attributes"`
	// Key is the caller's Idempotency-Key, "" when none was sent.
	Key    string        `json:"key,omitempty"`
	Action engine.Notify `json:"action"`
}

// ErrNotificationRefused is wrapped by QueueNotification's refusals of the
// request itself (an attribute that does not exist, a value of the wrong
// type); the error's text is one sentence for the caller.
var ErrNotificationRefused = errors.New("inbox: notification refused")

type refused string

func (r refused) Error() string { return string(r) }
func (r refused) Unwrap() error { return ErrNotificationRefused }

// QueueNotification stores a notification durably as an incoming row of
// the contact (created when the number is new) and wakes its worker. A
// repeated Idempotency-Key of the same trigger stores nothing and reports
// the first row (duplicate true). Attribute values are checked against
// their definitions first.
func (s *Service) QueueNotification(ctx context.Context, n Notification) (id int64, duplicate bool, err error) {
	if n.Attributes, err = s.checkNotificationValues(ctx, n.Attributes); err != nil {
		return 0, false, err
	}
	input, err := json.Marshal(n)
	if err != nil {
		return 0, false, fmt.Errorf("inbox: encode notification: %w", err)
	}
	waID := ""
	if n.Key != "" {
		waID = "notify:" + strconv.FormatInt(n.TriggerID, 10) + ":" + n.Key
	}
	now := s.opt.Now()
	var view MessageView
	err = s.db.GroupTx(context.WithoutCancel(ctx), func(tx *sql.Tx) error {
		view, duplicate = MessageView{}, false
		c, err := s.db.ResolveContactTx(ctx, tx, n.Phone, "", "")
		if err != nil {
			return err
		}
		row, fresh, err := store.QueueInboundTx(ctx, tx, store.Message{ContactID: c.ID, WaMessageID: waID,
			Type: store.KindNotification, Text: notificationSummary(n), Payload: string(input), Source: store.SourceNotify,
			Kind: store.KindNotification, Input: string(input), CreatedAt: now})
		if err != nil {
			return err
		}
		if !fresh {
			duplicate = true
			id, err = store.NotificationRowTx(ctx, tx, waID)
			return err
		}
		id, view = row.ID, View(row)
		return store.NoteTriggerUseTx(ctx, tx, n.TriggerID, now)
	})
	if err != nil {
		return 0, false, fmt.Errorf("inbox: store notification: %w", err)
	}
	if !duplicate {
		s.ready.add(view.ContactID)
		s.opt.Events.Emit(EventMessage, view)
		s.kickInbound()
	}
	return id, duplicate, nil
}

// checkNotificationValues refuses values for attributes that do not exist
// or are built in, and converts each to its attribute's type (a date, a
// number...) as the Attributes page would.
func (s *Service) checkNotificationValues(ctx context.Context, values map[string]string) (map[string]string, error) {
	if len(values) == 0 {
		return map[string]string{}, nil
	}
	defs, err := s.db.Attributes(ctx)
	if err != nil {
		return nil, fmt.Errorf("inbox: read attributes: %w", err)
	}
	types := attribute.TypeMap(defs)
	out := make(map[string]string, len(values))
	for _, name := range sortedKeys(values) {
		t, ok := types[name]
		if !ok || attribute.IsBuiltIn(name) {
			return nil, refused(fmt.Sprintf("There is no attribute named %q; create it on the Attributes page first.", name))
		}
		v := values[name]
		if v != "" {
			if v, err = attribute.Coerce(t, v); err != nil {
				return nil, refused(fmt.Sprintf("The value of %q does not fit its type %s: %v.", name, t, strings.TrimSuffix(err.Error(), ".")))
			}
		}
		out[name] = v
	}
	return out, nil
}

// runNotification runs a notification row: the request's values are set,
// then the engine starts the flow or sends the template. It is saved like a
// customer message's turn (one transaction with the row's final status).
func (s *Service) runNotification(ctx context.Context, st *contactState, item store.Message) error {
	var n Notification
	if err := json.Unmarshal([]byte(item.Input), &n); err != nil {
		return s.finish(ctx, item, store.InboundFailed, "the stored notification cannot be read: "+err.Error())
	}
	if st.contact.BotPaused && n.Action.Template == nil {
		return s.finish(ctx, item, store.InboundSkipped, "the bot is paused for this contact, so the flow was not started")
	}
	return s.runTurnWith(ctx, st, item, engine.Inbound{Notify: &n.Action, At: s.opt.Now()}, n.Attributes)
}

// notificationSummary is the line the conversation shows for a
// notification: the trigger and the values it set.
func notificationSummary(n Notification) string {
	var b strings.Builder
	b.WriteString("Notification " + n.TriggerName)
	switch {
	case n.Action.Template != nil:
		b.WriteString(" (template " + n.Action.Template.Template + ")")
	case n.Action.FlowID != 0:
		b.WriteString(" (starts a flow)")
	}
	for i, name := range sortedKeys(n.Attributes) {
		sep := ", "
		if i == 0 {
			sep = ": "
		}
		b.WriteString(sep + name + " = " + flow.Shorten(n.Attributes[name], 60))
	}
	return b.String()
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
