package whatsapp

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Kinds of outgoing message.
const (
	KindText    = "text"
	KindButtons = "buttons"
	KindList    = "list"
	KindMedia   = "media"
	// KindTemplate is an approved message template (template.go), the only
	// kind WhatsApp delivers outside the 24-hour window.
	KindTemplate = "template"
)

// Option is a reply button or a list row.
type Option struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
}

// Outgoing is one message the business sends, in the product's terms. It is
// stored as JSON in the outbox, so its shape is part of the database.
type Outgoing struct {
	Kind string `json:"kind"`
	// To is the customer's WhatsApp ID (phone number); Recipient is the
	// business-scoped user ID, used only when To is empty.
	To        string   `json:"to"`
	Recipient string   `json:"recipient,omitempty"`
	Text      string   `json:"text"`
	Buttons   []Option `json:"buttons,omitempty"`
	// Button is the label of the button that opens a list.
	Button    string   `json:"button,omitempty"`
	Rows      []Option `json:"rows,omitempty"`
	MediaURL  string   `json:"mediaUrl,omitempty"`
	MediaType string   `json:"mediaType,omitempty"`
	// MediaFile, MediaID and Filename send a file of the media store
	// instead of a link (media_outgoing.go).
	MediaFile string `json:"mediaFile,omitempty"`
	MediaID   string `json:"mediaId,omitempty"`
	Filename  string `json:"filename,omitempty"`
	// Template is the filled template of a KindTemplate message; Text then
	// holds its filled body.
	Template *TemplateMessage `json:"template,omitempty"`
	// Callback is sent as biz_opaque_callback_data, which Meta echoes in the
	// message's status webhooks; it lets a status name the queue row of a
	// message whose id was never recorded (a crash right after sending).
	Callback string `json:"callback,omitempty"`
}

// ErrInvalidMessage is wrapped when an outgoing message cannot be sent as is.
var ErrInvalidMessage = errors.New("whatsapp: invalid outgoing message")

// Expand turns one product message into the messages WhatsApp accepts:
// text over MaxTextLength becomes several texts, and an interactive or media
// message whose text is too long for its body or caption is preceded by the
// excess as plain text. Titles are truncated to Meta's limits rather than
// refused, because a refused reply would leave the customer with nothing.
func Expand(m Outgoing) []Outgoing {
	switch m.Kind {
	case KindTemplate:
		return []Outgoing{m}
	case KindButtons, KindList:
		return splitLead(m, MaxInteractiveBody)
	case KindMedia:
		if m.MediaType == "audio" || m.MediaType == "sticker" {
			if m.Text == "" {
				return []Outgoing{m}
			}
			media := m
			media.Text = ""
			return append([]Outgoing{media}, texts(m, m.Text)...)
		}
		return splitLead(m, MaxCaptionLength)
	}
	return texts(m, m.Text)
}

// splitLead keeps the last part of m.Text that fits in limit on m and sends
// what comes before it as plain text first, so the buttons or the media stay
// last, under the words that lead to them.
func splitLead(m Outgoing, limit int) []Outgoing {
	lead, tail := cutTail(m.Text, limit)
	if lead == "" {
		return []Outgoing{m}
	}
	last := m
	last.Text = tail
	return append(texts(m, lead), last)
}

// cutTail splits text into a lead and a tail of at most limit characters,
// cutting at a paragraph, line or word break near the start of the tail.
func cutTail(text string, limit int) (string, string) {
	n := utf8.RuneCountInString(text)
	if n <= limit {
		return "", text
	}
	start := byteOffset(text, n-limit)
	cut := start
	window := text[start:byteOffset(text, n-limit/2)]
	for _, sep := range []string{"\n\n", "\n", " "} {
		if i := strings.Index(window, sep); i >= 0 {
			cut = start + i + len(sep)
			break
		}
	}
	return strings.TrimRight(text[:cut], " \n"), strings.TrimLeft(text[cut:], " \n")
}

func texts(m Outgoing, text string) []Outgoing {
	var out []Outgoing
	for _, p := range SplitText(text, MaxTextLength) {
		out = append(out, Outgoing{Kind: KindText, To: m.To, Recipient: m.Recipient, Text: p})
	}
	return out
}

// Body renders m as the JSON body of POST /{phone_number_id}/messages.
// It expects a message already passed through Expand.
func (m Outgoing) Body() ([]byte, error) {
	req := map[string]any{"messaging_product": "whatsapp", "recipient_type": "individual"}
	if m.Callback != "" {
		req["biz_opaque_callback_data"] = Truncate(m.Callback, MaxCallbackData)
	}
	switch {
	case m.To != "":
		req["to"] = m.To
	case m.Recipient != "":
		req["recipient"] = m.Recipient
	default:
		return nil, fmt.Errorf("%w: no recipient", ErrInvalidMessage)
	}
	switch m.Kind {
	case KindText, "":
		if strings.TrimSpace(m.Text) == "" {
			return nil, fmt.Errorf("%w: empty text", ErrInvalidMessage)
		}
		req["type"] = "text"
		req["text"] = map[string]any{"body": m.Text, "preview_url": strings.Contains(m.Text, "https://")}
	case KindButtons:
		if len(m.Buttons) == 0 {
			return nil, fmt.Errorf("%w: buttons message without buttons", ErrInvalidMessage)
		}
		req["type"] = "interactive"
		req["interactive"] = map[string]any{"type": "button", "body": map[string]string{"text": bodyText(m.Text)},
			"action": map[string]any{"buttons": replyButtons(m.Buttons)}}
	case KindList:
		if len(m.Rows) == 0 {
			return nil, fmt.Errorf("%w: list message without rows", ErrInvalidMessage)
		}
		req["type"] = "interactive"
		req["interactive"] = map[string]any{"type": "list", "body": map[string]string{"text": bodyText(m.Text)},
			"action": map[string]any{"button": Truncate(orDefault(m.Button, "Choose"), MaxListButton),
				"sections": []map[string]any{{"rows": listRows(m.Rows)}}}}
	case KindMedia:
		kind, err := mediaKind(m.MediaType)
		if err != nil {
			return nil, err
		}
		media, err := m.mediaObject(kind)
		if err != nil {
			return nil, err
		}
		req["type"] = kind
		req[kind] = media
	case KindTemplate:
		if m.Template == nil {
			return nil, invalidTemplate("The template message has no template.")
		}
		if err := m.Template.Check(); err != nil {
			return nil, err
		}
		req["type"] = "template"
		req["template"] = m.Template.wire()
	default:
		return nil, fmt.Errorf("%w: unknown kind %q", ErrInvalidMessage, m.Kind)
	}
	return json.Marshal(req)
}

func replyButtons(opts []Option) []map[string]any {
	var out []map[string]any
	for i, o := range opts {
		if i == MaxButtons {
			break
		}
		out = append(out, map[string]any{"type": "reply", "reply": map[string]string{
			"id": Truncate(orDefault(o.ID, o.Title), MaxReplyID), "title": Truncate(o.Title, MaxButtonTitle)}})
	}
	return out
}

func listRows(opts []Option) []map[string]string {
	var out []map[string]string
	for i, o := range opts {
		if i == MaxListRows {
			break
		}
		row := map[string]string{"id": Truncate(orDefault(o.ID, o.Title), MaxReplyID), "title": Truncate(o.Title, MaxRowTitle)}
		if o.Description != "" {
			row["description"] = Truncate(o.Description, MaxRowDescription)
		}
		out = append(out, row)
	}
	return out
}

// bodyText keeps interactive bodies non-empty, which Meta requires.
func bodyText(s string) string {
	if strings.TrimSpace(s) == "" {
		return "Please choose:"
	}
	return Truncate(s, MaxInteractiveBody)
}

func mediaKind(t string) (string, error) {
	switch t = strings.ToLower(strings.TrimSpace(t)); t {
	case "image", "audio", "video", "document", "sticker":
		return t, nil
	case "":
		return "image", nil
	}
	return "", fmt.Errorf("%w: unknown media type %q", ErrInvalidMessage, t)
}

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}
