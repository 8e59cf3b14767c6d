package studio

import (
	"context"
	"errors"
	"time"

	"chatflow/backend/apperr"
	"chatflow/backend/engine"
	"chatflow/backend/inbox"
	"chatflow/backend/media"
	"chatflow/backend/store"
	"chatflow/backend/whatsapp"
)

// Inbox is the live bot's inbox as the conversation use cases need it;
// *inbox.Service implements it.
type Inbox interface {
	Session(ctx context.Context, contactID int64) (engine.Session, error)
	SendManual(ctx context.Context, contactID int64, text string) (inbox.MessageView, error)
	SendTemplate(ctx context.Context, contactID int64, name, language string, values []string, headerMediaURL string) (inbox.MessageView, error)
	SetPaused(ctx context.Context, contactID int64, paused bool) error
	RestartSession(ctx context.Context, contactID int64) error
}

// Conversations are the inbox page's use cases: contacts with their last
// message, each conversation, replies by hand and the bot's switch per
// contact. Live updates come from the inbox itself (inbox:message and
// inbox:status events).
type Conversations struct {
	s     *Studio
	inbox Inbox
	files ConversationFiles
}

// ConversationFiles deletes a conversation together with the files only it
// refers to; *media.Library implements it.
type ConversationFiles interface {
	DeleteConversation(ctx context.Context, contactID int64) (media.SweepResult, error)
}

// NewConversations returns the conversation use cases over the live inbox
// and the media store.
func (s *Studio) NewConversations(in Inbox, files ConversationFiles) *Conversations {
	return &Conversations{s: s, inbox: in, files: files}
}

// DeletedConversation says what deleting a conversation freed: the files
// only it referred to (files still used elsewhere stay).
type DeletedConversation struct {
	Files int   `json:"files"`
	Bytes int64 `json:"bytes"`
}

// Delete deletes a contact and its whole conversation: messages, queued
// work, session, attribute values and its files, unless another message or
// a flow still refers to them. Backups keep their copies until pruned.
func (u *Conversations) Delete(ctx context.Context, contactID int64) (DeletedConversation, error) {
	res, err := u.files.DeleteConversation(ctx, contactID)
	if err != nil {
		return DeletedConversation{}, u.fail("delete the conversation", err)
	}
	return DeletedConversation(res), nil
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
func (u *Conversations) List(ctx context.Context, search string) ([]ContactSummary, error) {
	rows, err := u.s.db.Conversations(ctx, search, 500)
	if err != nil {
		return nil, u.fail("list conversations", err)
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
func (u *Conversations) Messages(ctx context.Context, contactID, beforeID int64) ([]inbox.MessageView, error) {
	list, err := u.s.db.Messages(ctx, contactID, beforeID, 100)
	if err != nil {
		return nil, u.fail("load the conversation", err)
	}
	out := make([]inbox.MessageView, 0, len(list))
	for _, m := range list {
		out = append(out, inbox.View(m))
	}
	return out, nil
}

// Contact returns the conversation header for one contact.
func (u *Conversations) Contact(ctx context.Context, contactID int64) (ContactDetail, error) {
	ct, err := u.s.db.Contact(ctx, contactID)
	if err != nil {
		return ContactDetail{}, u.fail("load the contact", err)
	}
	sess, err := u.inbox.Session(ctx, contactID)
	if err != nil {
		return ContactDetail{}, u.fail("load the contact's session", err)
	}
	return ContactDetail{Contact: summary(ct, time.Now()), FlowID: sess.FlowID, NodeID: sess.NodeID,
		LastActivity: rfc3339(sess.LastActivity)}, nil
}

// Reply sends a message typed by a person. It is refused outside the
// 24-hour customer-service window (EUNAVAILABLE) and without text
// (EINVALID).
func (u *Conversations) Reply(ctx context.Context, contactID int64, text string) (inbox.MessageView, error) {
	v, err := u.inbox.SendManual(ctx, contactID, text)
	switch {
	case errors.Is(err, inbox.ErrWindowClosed):
		return inbox.MessageView{}, apperr.Wrap(apperr.EUNAVAILABLE, err, sentence(err.Error()))
	case errors.Is(err, inbox.ErrEmptyReply):
		return inbox.MessageView{}, &apperr.Error{Code: apperr.EINVALID, Field: "text", Message: sentence(err.Error()), Err: err}
	case err != nil:
		return inbox.MessageView{}, u.fail("send the reply", err)
	}
	return v, nil
}

// SendTemplate sends an approved template a person chose, with one value
// per parameter and the header's media link: the way to reach a customer
// whose 24-hour window has closed. A template that is not synced, not
// approved, or given the wrong values is refused (EINVALID) in one
// sentence.
func (u *Conversations) SendTemplate(ctx context.Context, contactID int64, name, language string, values []string,
	headerMediaURL string) (inbox.MessageView, error) {
	v, err := u.inbox.SendTemplate(ctx, contactID, name, language, values, headerMediaURL)
	switch {
	case errors.Is(err, inbox.ErrTemplateNotSynced):
		return inbox.MessageView{}, &apperr.Error{Code: apperr.EINVALID, Field: "template", Message: sentence(err.Error()), Err: err}
	case errors.Is(err, whatsapp.ErrInvalidMessage):
		return inbox.MessageView{}, &apperr.Error{Code: apperr.EINVALID, Field: "values", Message: err.Error(), Err: err}
	case errors.Is(err, store.ErrNotFound):
		return inbox.MessageView{}, u.s.notFound("send the template", err, "This contact no longer exists.")
	case err != nil:
		return inbox.MessageView{}, u.fail("send the template", err)
	}
	return v, nil
}

// SetBotPaused pauses the bot for a contact (a person takes over) or resumes
// it (which also ends a handoff).
func (u *Conversations) SetBotPaused(ctx context.Context, contactID int64, paused bool) (ContactDetail, error) {
	if err := u.inbox.SetPaused(ctx, contactID, paused); err != nil {
		return ContactDetail{}, u.fail("change the bot for this contact", err)
	}
	return u.Contact(ctx, contactID)
}

// RestartSession makes the contact's next message start the published flow
// from the beginning (attribute values are kept) and resumes the bot.
func (u *Conversations) RestartSession(ctx context.Context, contactID int64) (ContactDetail, error) {
	if err := u.inbox.RestartSession(ctx, contactID); err != nil {
		return ContactDetail{}, u.fail("restart the session", err)
	}
	return u.Contact(ctx, contactID)
}

// MarkRead clears the contact's unread count.
func (u *Conversations) MarkRead(ctx context.Context, contactID int64) error {
	if err := u.s.db.MarkRead(ctx, contactID); err != nil {
		return u.fail("mark the conversation read", err)
	}
	return nil
}

func summary(ct store.Contact, now time.Time) ContactSummary {
	return ContactSummary{ID: ct.ID, Name: ct.Name, Phone: ct.Phone, WaID: ct.WaID, UserID: ct.UserID,
		Unread: ct.Unread, BotPaused: ct.BotPaused, WindowOpen: now.Before(ct.WindowExpiresAt),
		WindowExpiresAt: rfc3339(ct.WindowExpiresAt), LastMessageAt: rfc3339(ct.LastMessageAt)}
}

func (u *Conversations) fail(what string, err error) error {
	return u.s.notFound(what, err, "This contact no longer exists.")
}
