package inbox

import (
	"context"
	"errors"
	"fmt"

	"chatflow/backend/engine"
	"chatflow/backend/store"
	"chatflow/backend/watemplates"
	"chatflow/backend/whatsapp"
)

// ErrTemplateNotSynced is returned when a send names a template that is not
// among the synced ones.
var ErrTemplateNotSynced = errors.New("that template is not synced; refresh the Templates page and choose it again")

// SendTemplate queues an approved template a person chose in the inbox,
// with one value per parameter (whatsapp.Template.Parameters order) and the
// header's media link when it has one. It goes through the outbox like
// every reply, and unlike SendManual it works when the customer's 24-hour
// window is closed: that is what templates are for.
func (s *Service) SendTemplate(ctx context.Context, contactID int64, name, language string, values []string, headerMediaURL string) (MessageView, error) {
	tpl, err := watemplates.New(s.db).Template(ctx, name, language)
	if errors.Is(err, watemplates.ErrNotSynced) {
		return MessageView{}, ErrTemplateNotSynced
	}
	if err != nil {
		return MessageView{}, err
	}
	msg, err := tpl.Compose(values, headerMediaURL)
	if err != nil {
		return MessageView{}, err
	}
	c, err := s.db.Contact(ctx, contactID)
	if err != nil {
		return MessageView{}, err
	}
	return s.queueTemplate(ctx, c, msg, store.SourceAgent)
}

// queueTemplate queues one filled template for c in a transaction of its
// own and announces it.
func (s *Service) queueTemplate(ctx context.Context, c store.Contact, msg whatsapp.TemplateMessage, source string) (MessageView, error) {
	views, err := s.queueOutgoing(ctx, c, []engine.Reply{templateReply(msg)}, source)
	if err != nil {
		return MessageView{}, fmt.Errorf("inbox: queue template: %w", err)
	}
	return views[len(views)-1], nil
}

// templateReply is the engine reply that carries a filled template.
func templateReply(msg whatsapp.TemplateMessage) engine.Reply {
	return engine.Reply{Type: engine.ReplyTemplate, Text: msg.Body, Template: &msg}
}
