package inbox

import (
	"context"
	"errors"
	"strings"

	"chatflow/backend/engine"
	"chatflow/backend/store"
)

// ErrWindowClosed is returned when a person tries to write to a customer
// whose last message is more than 24 hours old. WhatsApp only accepts
// approved templates then (SendTemplate).
var ErrWindowClosed = errors.New("the customer's last message is more than 24 hours old, so WhatsApp only allows template messages; send a template instead")

// ErrEmptyReply is returned for a manual reply without text.
var ErrEmptyReply = errors.New("write a message first")

// SendManual queues a message a person typed in the inbox. It goes through
// the outbox like the bot's replies (rate limit, retries, statuses) and is
// refused outside the 24-hour customer-service window.
func (s *Service) SendManual(ctx context.Context, contactID int64, text string) (MessageView, error) {
	if strings.TrimSpace(text) == "" {
		return MessageView{}, ErrEmptyReply
	}
	c, err := s.db.Contact(ctx, contactID)
	if err != nil {
		return MessageView{}, err
	}
	if !s.opt.Now().Before(c.WindowExpiresAt) {
		return MessageView{}, ErrWindowClosed
	}
	views, err := s.queueOutgoing(ctx, c, []engine.Reply{{Type: engine.ReplyText, Text: text}}, store.SourceAgent)
	if err != nil {
		return MessageView{}, err
	}
	return views[len(views)-1], nil
}
