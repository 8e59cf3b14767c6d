package app

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"chatflow/backend/inbox"
	"chatflow/backend/store"
)

// Conversations is the inbox page: contacts with their last message, each
// conversation with statuses, replies by hand, and the bot's switch per
// contact. Live updates arrive as the events inbox:message (a new message)
// and inbox:status (a message whose status changed), both carrying an
// inbox.MessageView.
type Conversations struct {
	deps *Deps
	live *live
}

// NewConversations returns the Conversations service over the live inbox.
func NewConversations(deps *Deps, l *live) *Conversations {
	return &Conversations{deps: deps, live: l}
}

// LastMessage is the newest message of a conversation, for the list.
type LastMessage struct {
	Direction string `json:"direction"`
	// Source is customer, bot or agent (a person in the inbox).
	Source string `json:"source"`
	Type   string `json:"type"`
	Text   string `json:"text"`
	Status string `json:"status"`
	At     string `json:"at"`
}

// ContactSummary is one row of the conversations list.
type ContactSummary struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Phone  string `json:"phone"`
	WaID   string `json:"waId"`
	UserID string `json:"userId"`
	Unread int    `json:"unread"`
	// BotPaused is true while a person handles this contact.
	BotPaused bool `json:"botPaused"`
	// WindowOpen is true while free-form replies are allowed (24 hours after
	// the customer's last message); WindowExpiresAt says until when.
	WindowOpen      bool        `json:"windowOpen"`
	WindowExpiresAt string      `json:"windowExpiresAt"`
	LastMessageAt   string      `json:"lastMessageAt"`
	Last            LastMessage `json:"last"`
}

// ContactDetail is the header of an open conversation: the contact and where
// it stands in the flow.
type ContactDetail struct {
	Contact ContactSummary `json:"contact"`
	// FlowID and NodeID say where the contact's run waits (0 and "": none).
	FlowID int64  `json:"flowId"`
	NodeID string `json:"nodeId"`
	// LastActivity is when the session last moved (RFC 3339, "" never).
	LastActivity string `json:"lastActivity"`
}

// List returns the conversations, most recent first; search keeps contacts
// whose name or number contains it.
func (c *Conversations) List(search string) ([]ContactSummary, error) {
	rows, err := c.deps.DB.Conversations(c.deps.Ctx, search, 500)
	if err != nil {
		return nil, c.fail("list conversations", err)
	}
	now := time.Now()
	out := make([]ContactSummary, 0, len(rows))
	for _, r := range rows {
		s := summary(r.Contact, now)
		if r.Last.ID != 0 {
			s.Last = LastMessage{Direction: r.Last.Direction, Source: r.Last.Source, Type: r.Last.Type, Text: r.Last.Text,
				Status: r.Last.Status, At: rfc3339(r.Last.CreatedAt)}
		}
		out = append(out, s)
	}
	return out, nil
}

// Messages returns up to 100 messages of a conversation older than beforeID
// (0 for the newest), oldest first.
func (c *Conversations) Messages(contactID, beforeID int64) ([]inbox.MessageView, error) {
	list, err := c.deps.DB.Messages(c.deps.Ctx, contactID, beforeID, 100)
	if err != nil {
		return nil, c.fail("load the conversation", err)
	}
	out := make([]inbox.MessageView, 0, len(list))
	for _, m := range list {
		out = append(out, inbox.View(m))
	}
	return out, nil
}

// Contact returns the conversation header for one contact.
func (c *Conversations) Contact(contactID int64) (ContactDetail, error) {
	ct, err := c.deps.DB.Contact(c.deps.Ctx, contactID)
	if err != nil {
		return ContactDetail{}, c.fail("load the contact", err)
	}
	sess, err := c.live.inbox.Session(c.deps.Ctx, contactID)
	if err != nil {
		return ContactDetail{}, c.fail("load the contact's session", err)
	}
	return ContactDetail{Contact: summary(ct, time.Now()), FlowID: sess.FlowID, NodeID: sess.NodeID,
		LastActivity: rfc3339(sess.LastActivity)}, nil
}

// Reply sends a message typed by a person. It is refused outside the
// 24-hour customer-service window.
func (c *Conversations) Reply(contactID int64, text string) (inbox.MessageView, error) {
	v, err := c.live.inbox.SendManual(c.deps.Ctx, contactID, text)
	switch {
	case errors.Is(err, inbox.ErrWindowClosed), errors.Is(err, inbox.ErrEmptyReply):
		return inbox.MessageView{}, sentence(err)
	case err != nil:
		return inbox.MessageView{}, c.fail("send the reply", err)
	}
	return v, nil
}

// SetBotPaused pauses the bot for a contact (a person takes over) or resumes
// it (which also ends a handoff).
func (c *Conversations) SetBotPaused(contactID int64, paused bool) (ContactDetail, error) {
	if err := c.live.inbox.SetPaused(c.deps.Ctx, contactID, paused); err != nil {
		return ContactDetail{}, c.fail("change the bot for this contact", err)
	}
	return c.Contact(contactID)
}

// RestartSession makes the contact's next message start the published flow
// from the beginning (attribute values are kept) and resumes the bot.
func (c *Conversations) RestartSession(contactID int64) (ContactDetail, error) {
	if err := c.live.inbox.RestartSession(c.deps.Ctx, contactID); err != nil {
		return ContactDetail{}, c.fail("restart the session", err)
	}
	return c.Contact(contactID)
}

// MarkRead clears the contact's unread count.
func (c *Conversations) MarkRead(contactID int64) error {
	if err := c.deps.DB.MarkRead(c.deps.Ctx, contactID); err != nil {
		return c.fail("mark the conversation read", err)
	}
	return nil
}

func summary(ct store.Contact, now time.Time) ContactSummary {
	return ContactSummary{ID: ct.ID, Name: ct.Name, Phone: ct.Phone, WaID: ct.WaID, UserID: ct.UserID,
		Unread: ct.Unread, BotPaused: ct.BotPaused, WindowOpen: now.Before(ct.WindowExpiresAt),
		WindowExpiresAt: rfc3339(ct.WindowExpiresAt), LastMessageAt: rfc3339(ct.LastMessageAt)}
}

func (c *Conversations) fail(what string, err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return errors.New("This contact no longer exists.")
	}
	c.deps.Log.Error("conversations: "+what, "err", err)
	return fmt.Errorf("Could not %s: %s.", what, strings.TrimSuffix(err.Error(), "."))
}

// sentence capitalizes an error for the user and ends it with a period.
func sentence(err error) error {
	msg := err.Error()
	msg = strings.ToUpper(msg[:1]) + msg[1:]
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return errors.New(msg)
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
