package studio

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"chatflow/backend/apperr"
	"chatflow/backend/flow"
	"chatflow/backend/inbox"
	"chatflow/backend/notify"
	"chatflow/backend/store"
	"chatflow/backend/watemplates"
)

// EventTriggersChanged follows a trigger added or removed, so the Settings
// page's Triggers section reloads.
const EventTriggersChanged = "triggers:changed"

// Triggers are the notification triggers: each lets the business's own
// systems POST /notify/{name} on the webhook listener to start a flow for a
// customer or send them a template (Settings › Triggers, `chatflow
// trigger`).
type Triggers struct {
	s *Studio
	// handler is the /notify handler once NotifyHandler built it, so a
	// removed trigger's rate-limit state goes with it.
	handler *notify.Handler
}

// TriggerInput is a new trigger: a flow (by name), or a template and its
// language with one parameter text per placeholder.
type TriggerInput struct {
	Name           string   `json:"name"`
	Flow           string   `json:"flow"`
	Template       string   `json:"template"`
	Language       string   `json:"language"`
	Parameters     []string `json:"parameters"`
	HeaderMediaURL string   `json:"headerMediaUrl"`
}

// TriggerView is a trigger as lists show it (never its token).
type TriggerView struct {
	Name           string   `json:"name"`
	Flow           string   `json:"flow"`
	Template       string   `json:"template"`
	Language       string   `json:"language"`
	Parameters     []string `json:"parameters"`
	HeaderMediaURL string   `json:"headerMediaUrl"`
	// TokenHint is the token's first characters, to tell tokens apart.
	TokenHint string `json:"tokenHint"`
	CreatedAt string `json:"createdAt"`
	// LastUsedAt is when a request was last accepted, "" never.
	LastUsedAt string `json:"lastUsedAt"`
	Uses       int    `json:"uses"`
	// Problem says why requests are refused now ("its flow was deleted"),
	// "" when it works.
	Problem string `json:"problem"`
}

// TriggerCreated is a new trigger with its token, shown this once.
type TriggerCreated struct {
	Trigger TriggerView `json:"trigger"`
	Token   string      `json:"token"`
}

// triggerName is what a trigger's name may be: it is a URL path segment.
var triggerName = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

// Add creates a trigger and returns its token, which is stored only as a
// hash. Refusals are EINVALID (a bad name, no flow or template, an unknown
// flow, a template not synced, a wrong number of parameters) or ECONFLICT
// (the name is taken), in one sentence.
func (u *Triggers) Add(ctx context.Context, in TriggerInput) (TriggerCreated, error) {
	in.Name = strings.TrimSpace(in.Name)
	if !triggerName.MatchString(in.Name) {
		return TriggerCreated{}, apperr.Invalid("name",
			"A trigger's name is 1 to 64 lower-case letters, digits, hyphens or underscores, such as order-shipped.")
	}
	t := store.Trigger{Name: in.Name, CreatedAt: time.Now()}
	switch {
	case in.Flow != "" && in.Template != "":
		return TriggerCreated{}, apperr.Invalid("flow", "A trigger starts a flow or sends a template, not both.")
	case in.Flow != "":
		f, err := u.s.db.FlowByName(ctx, in.Flow)
		if errors.Is(err, store.ErrNotFound) {
			return TriggerCreated{}, apperr.Invalid("flow", fmt.Sprintf("There is no flow named %q.", in.Flow))
		}
		if err != nil {
			return TriggerCreated{}, u.s.internal("read the flow", err)
		}
		t.FlowID = f.ID
	case in.Template != "":
		if err := u.checkTemplate(ctx, &in); err != nil {
			return TriggerCreated{}, err
		}
		t.Template, t.Language, t.Parameters, t.HeaderMediaURL = in.Template, in.Language, in.Parameters, in.HeaderMediaURL
	default:
		return TriggerCreated{}, apperr.Invalid("flow", "Choose the flow the trigger starts or the template it sends.")
	}
	token, hash, hint, err := notify.NewToken()
	if err != nil {
		return TriggerCreated{}, u.s.internal("make a token", err)
	}
	t.TokenHash, t.TokenHint = hash, hint
	saved, err := u.s.db.CreateTrigger(ctx, t)
	if errors.Is(err, store.ErrConflict) {
		return TriggerCreated{}, apperr.Wrap(apperr.ECONFLICT, err, fmt.Sprintf("A trigger named %q exists already.", in.Name))
	}
	if err != nil {
		return TriggerCreated{}, u.s.internal("save the trigger", err)
	}
	u.s.log.Info("studio: trigger added", "trigger", saved.Name)
	u.s.emit(EventTriggersChanged, nil)
	return TriggerCreated{Trigger: u.view(ctx, saved), Token: token}, nil
}

// checkTemplate checks a template trigger against the synced templates: a
// named template's missing parameters default to the attribute of the same
// name ({{order_id}}).
func (u *Triggers) checkTemplate(ctx context.Context, in *TriggerInput) error {
	if in.Language == "" {
		return apperr.Invalid("language", "Give the template's language, such as en_US.")
	}
	tpl, err := watemplates.New(u.s.db).Template(ctx, in.Template, in.Language)
	if errors.Is(err, watemplates.ErrNotSynced) {
		return apperr.Invalid("template", fmt.Sprintf("The template %s (%s) is not synced; sync the templates first.", in.Template, in.Language))
	}
	if err != nil {
		return u.s.internal("read the template", err)
	}
	params := tpl.Parameters()
	if len(in.Parameters) == 0 {
		for _, p := range params {
			if p.Name == "" || isDigits(p.Name) {
				return apperr.Invalid("parameters", fmt.Sprintf(
					"The template %s takes %d values; give a text for each (such as {{order_id}}).", tpl.Name, len(params)))
			}
			in.Parameters = append(in.Parameters, "{{"+p.Name+"}}")
		}
	}
	if len(in.Parameters) != len(params) {
		return apperr.Invalid("parameters", fmt.Sprintf("The template %s takes %d values, not %d.", tpl.Name, len(params), len(in.Parameters)))
	}
	if tpl.MediaHeader() != "" && in.HeaderMediaURL == "" {
		return apperr.Invalid("headerMediaUrl", fmt.Sprintf("The template %s has a %s header; give its link.", tpl.Name, tpl.MediaHeader()))
	}
	return nil
}

func isDigits(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// List returns the triggers by name.
func (u *Triggers) List(ctx context.Context) ([]TriggerView, error) {
	ts, err := u.s.db.Triggers(ctx)
	if err != nil {
		return nil, u.s.internal("list the triggers", err)
	}
	out := make([]TriggerView, 0, len(ts))
	for _, t := range ts {
		out = append(out, u.view(ctx, t))
	}
	return out, nil
}

// Remove deletes a trigger: its token stops working at once.
func (u *Triggers) Remove(ctx context.Context, name string) error {
	t, err := u.s.db.TriggerByName(ctx, name)
	if err == nil {
		err = u.s.db.DeleteTrigger(ctx, t.Name)
	}
	if err != nil {
		return u.s.notFound("remove the trigger", err, fmt.Sprintf("There is no trigger named %q.", name))
	}
	if u.handler != nil {
		u.handler.Forget(t.ID)
	}
	u.s.log.Info("studio: trigger removed", "trigger", t.Name)
	u.s.emit(EventTriggersChanged, nil)
	return nil
}

func (u *Triggers) view(ctx context.Context, t store.Trigger) TriggerView {
	v := TriggerView{Name: t.Name, Flow: t.FlowName, Template: t.Template, Language: t.Language,
		Parameters: t.Parameters, HeaderMediaURL: t.HeaderMediaURL, TokenHint: t.TokenHint,
		CreatedAt: rfc3339(t.CreatedAt), LastUsedAt: rfc3339(t.LastUsedAt), Uses: t.Uses}
	if v.Parameters == nil {
		v.Parameters = []string{}
	}
	switch {
	case t.FlowID == 0 && t.Template == "":
		v.Problem = "Its flow was deleted; requests are refused until it is removed and added again."
	case t.Template != "":
		if tpl, err := watemplates.New(u.s.db).Template(ctx, t.Template, t.Language); err != nil {
			v.Problem = "Its template is no longer synced."
		} else if !tpl.Sendable() {
			v.Problem = "Its template is " + strings.ToLower(tpl.Status) + ", and WhatsApp only sends approved templates."
		}
	}
	return v
}

// NotificationInbox is where accepted notifications go: the live inbox.
type NotificationInbox interface {
	QueueNotification(ctx context.Context, n inbox.Notification) (int64, bool, error)
}

// NotifyHandler serves POST /notify/{trigger} on the webhook listener,
// storing accepted requests in ib.
func (u *Triggers) NotifyHandler(ib NotificationInbox) http.Handler {
	u.handler = notify.NewHandler(u.s.db, notifyQueue{u: u, inbox: ib}, notify.Options{Rate: notify.DefaultRate, Log: u.s.log})
	return u.handler
}

// notifyQueue turns an authorised request into the inbox's notification.
type notifyQueue struct {
	u     *Triggers
	inbox NotificationInbox
}

func (q notifyQueue) Notify(ctx context.Context, n notify.Notification) (notify.Queued, error) {
	t := n.Trigger
	in := inbox.Notification{TriggerID: t.ID, TriggerName: t.Name, Phone: n.Phone, Attributes: n.Attributes, Key: n.IdempotencyKey}
	if t.FlowID != 0 {
		in.Action.FlowID = t.FlowID
	} else {
		tpl, err := watemplates.New(q.u.s.db).Template(ctx, t.Template, t.Language)
		switch {
		case errors.Is(err, watemplates.ErrNotSynced):
			return notify.Queued{}, notify.Conflict(fmt.Sprintf("The template %s (%s) of this trigger is no longer synced.", t.Template, t.Language))
		case err != nil:
			return notify.Queued{}, err
		case !tpl.Sendable():
			return notify.Queued{}, notify.Conflict(fmt.Sprintf("The template %s (%s) is %s, and WhatsApp only sends approved templates.",
				t.Template, t.Language, strings.ToLower(tpl.Status)))
		}
		in.Action.Template = &flow.NodeData{Template: t.Template, Language: t.Language, Parameters: t.Parameters,
			HeaderMediaURL: t.HeaderMediaURL}
	}
	id, dup, err := q.inbox.QueueNotification(ctx, in)
	if errors.Is(err, inbox.ErrNotificationRefused) {
		return notify.Queued{}, notify.BadRequest(err.Error())
	}
	if err != nil {
		return notify.Queued{}, err
	}
	return notify.Queued{ID: strconv.FormatInt(id, 10), Duplicate: dup}, nil
}
