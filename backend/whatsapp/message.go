package whatsapp

import "time"

// Message types as the product names them. Most equal Meta's "type" field;
// interactive replies are split into ButtonReply and ListReply, and a
// template's quick-reply button is Button.
const (
	TypeText        = "text"
	TypeButtonReply = "button_reply"
	TypeListReply   = "list_reply"
	TypeButton      = "button"
	TypeImage       = "image"
	TypeAudio       = "audio"
	TypeVideo       = "video"
	TypeDocument    = "document"
	TypeSticker     = "sticker"
	TypeLocation    = "location"
	TypeContacts    = "contacts"
	TypeReaction    = "reaction"
	TypeSystem      = "system"
	TypeUnsupported = "unsupported"
)

// Notification is everything one webhook body carried that the product acts
// on: customer messages, delivery statuses of sent messages, and errors Meta
// reported for the whole change.
type Notification struct {
	Messages []Message `json:"messages"`
	Statuses []Status  `json:"statuses"`
	Errors   []Error   `json:"errors"`
}

// Contact identifies a customer. WaID is the WhatsApp ID (the phone number
// in digits) and may be empty for a user who hides their number behind a
// username; UserID is the business-scoped user ID, when Meta sends it.
type Contact struct {
	WaID   string `json:"waId"`
	UserID string `json:"userId"`
	Name   string `json:"name"`
}

// Key is the identifier contacts are stored under: the WhatsApp ID, or the
// business-scoped user ID when the number is absent.
func (c Contact) Key() string {
	if c.WaID != "" {
		return c.WaID
	}
	return c.UserID
}

// Message is one message a customer sent, normalized across Meta's shapes.
type Message struct {
	ID            string    `json:"id"`
	PhoneNumberID string    `json:"phoneNumberId"`
	From          Contact   `json:"from"`
	Timestamp     time.Time `json:"timestamp"`
	Type          string    `json:"type"`
	// Text is what a flow sees as the customer's words: the text body, the
	// title of a tapped button or list row, a caption, a place name.
	Text string `json:"text"`
	// ReplyID is the id of a tapped reply button or list row, or a template
	// quick-reply payload.
	ReplyID   string    `json:"replyId,omitempty"`
	ContextID string    `json:"contextId,omitempty"`
	Media     *Media    `json:"media,omitempty"`
	Location  *Location `json:"location,omitempty"`
	Contacts  []Shared  `json:"contacts,omitempty"`
	Reaction  *Reaction `json:"reaction,omitempty"`
	Errors    []Error   `json:"errors,omitempty"`
}

// Media is an attachment the customer sent; ID is Meta's media id, which can
// be downloaded later through the Graph API.
type Media struct {
	ID       string `json:"id"`
	MimeType string `json:"mimeType"`
	Caption  string `json:"caption,omitempty"`
	Filename string `json:"filename,omitempty"`
	SHA256   string `json:"sha256,omitempty"`
	Voice    bool   `json:"voice,omitempty"`
}

// Location is a shared place.
type Location struct {
	Latitude  float64 `json:"latitude"`
	Longitude float64 `json:"longitude"`
	Name      string  `json:"name,omitempty"`
	Address   string  `json:"address,omitempty"`
}

// Shared is one contact card the customer shared.
type Shared struct {
	Name   string   `json:"name"`
	Phones []string `json:"phones"`
}

// Reaction is an emoji put on (or, with an empty emoji, removed from) one of
// the business's messages.
type Reaction struct {
	MessageID string `json:"messageId"`
	Emoji     string `json:"emoji"`
}

// Runs reports whether the message should drive a flow. Reactions, system
// notices, unsupported types and error notices are stored and shown only.
func (m Message) Runs() bool {
	switch m.Type {
	case TypeReaction, TypeSystem, TypeUnsupported, "":
		return false
	}
	return len(m.Errors) == 0
}

// Status values Meta reports for a message the business sent.
const (
	StatusSent      = "sent"
	StatusDelivered = "delivered"
	StatusRead      = "read"
	StatusFailed    = "failed"
)

// Status is a delivery update for a message the business sent.
type Status struct {
	MessageID string    `json:"messageId"`
	Status    string    `json:"status"`
	Recipient Contact   `json:"recipient"`
	Timestamp time.Time `json:"timestamp"`
	// Callback is the biz_opaque_callback_data the message was sent with.
	Callback string  `json:"callback,omitempty"`
	Errors   []Error `json:"errors,omitempty"`
}

// Error is an error Meta attached to a message, a status or a change.
type Error struct {
	Code    int    `json:"code"`
	Title   string `json:"title"`
	Message string `json:"message,omitempty"`
	Details string `json:"details,omitempty"`
}

// String renders the error as one readable sentence for the inbox.
func (e Error) String() string {
	text := e.Message
	if text == "" {
		text = e.Title
	}
	if e.Details != "" && e.Details != text {
		if text != "" {
			text += ": "
		}
		text += e.Details
	}
	if e.Code != 0 {
		return withHint(text+" (code "+itoa(e.Code)+")", e.Code)
	}
	return text
}
