package app

import (
	"chatflow/backend/inbox"
	"chatflow/backend/studio"
)

// Conversations is the inbox page: contacts with their last message, each
// conversation with statuses, replies by hand, and the bot's switch per
// contact. Live updates arrive as the events inbox:message and
// inbox:status, both carrying an inbox.MessageView.
type Conversations struct{ d *Deps }

// ContactSummary is one row of the conversations list.
type ContactSummary studio.ContactSummary

// ContactDetail is the header of an open conversation.
type ContactDetail studio.ContactDetail

func toDetail(c studio.ContactDetail, err error) (ContactDetail, error) { return ContactDetail(c), err }

// List returns the conversations, most recent first, filtered by search.
func (c *Conversations) List(search string) ([]ContactSummary, error) {
	list, err := c.d.Conversations.List(c.d.Ctx, search)
	return each(list, func(s studio.ContactSummary) ContactSummary { return ContactSummary(s) }), err
}

// Messages returns up to 100 messages older than beforeID (0: the newest).
func (c *Conversations) Messages(contactID, beforeID int64) ([]inbox.MessageView, error) {
	return c.d.Conversations.Messages(c.d.Ctx, contactID, beforeID)
}

// Contact returns the conversation header for one contact.
func (c *Conversations) Contact(contactID int64) (ContactDetail, error) {
	return toDetail(c.d.Conversations.Contact(c.d.Ctx, contactID))
}

// Reply sends a message typed by a person (refused outside the 24-hour window).
func (c *Conversations) Reply(contactID int64, text string) (inbox.MessageView, error) {
	return c.d.Conversations.Reply(c.d.Ctx, contactID, text)
}

// SendTemplate sends an approved template with one value per parameter
// (and the header's media link); it works outside the 24-hour window.
func (c *Conversations) SendTemplate(contactID int64, name, language string, values []string, headerMediaURL string) (inbox.MessageView, error) {
	return c.d.Conversations.SendTemplate(c.d.Ctx, contactID, name, language, values, headerMediaURL)
}

// SetBotPaused pauses the bot for a contact or resumes it.
func (c *Conversations) SetBotPaused(contactID int64, paused bool) (ContactDetail, error) {
	return toDetail(c.d.Conversations.SetBotPaused(c.d.Ctx, contactID, paused))
}

// RestartSession makes the contact's next message start the flow over.
func (c *Conversations) RestartSession(contactID int64) (ContactDetail, error) {
	return toDetail(c.d.Conversations.RestartSession(c.d.Ctx, contactID))
}

// MarkRead clears the contact's unread count.
func (c *Conversations) MarkRead(contactID int64) error {
	return c.d.Conversations.MarkRead(c.d.Ctx, contactID)
}

// DeletedConversation says what deleting a conversation freed.
type DeletedConversation studio.DeletedConversation

// Delete deletes a contact's conversation and the files only it used.
func (c *Conversations) Delete(contactID int64) (DeletedConversation, error) {
	res, err := c.d.Conversations.Delete(c.d.Ctx, contactID)
	return DeletedConversation(res), err
}
