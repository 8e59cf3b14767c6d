// Package whatsapp speaks the WhatsApp Cloud API: it answers Meta's webhook
// verification handshake, checks the X-Hub-Signature-256 of a webhook body,
// parses every notification shape a chatbot cares about into small
// normalized types, builds outgoing messages within WhatsApp's limits and
// sends them through the Graph API, classifying failures as retryable or
// permanent.
//
// The package is pure: it knows nothing about storage, flows or the UI. The
// wire types mirror Meta's snake_case JSON; the normalized types it returns
// use camelCase JSON like the rest of the product.
package whatsapp

// Limits of the Cloud API that shape what the product sends and accepts.
const (
	// MaxBodyBytes caps a webhook body; Meta's notifications are far smaller.
	MaxBodyBytes = 4 << 20
	// MaxTextLength is the longest text message body, in characters.
	MaxTextLength = 4096
	// MaxInteractiveBody is the longest body of a button or list message.
	MaxInteractiveBody = 1024
	// MaxCaptionLength is the longest caption of an image, video or document.
	MaxCaptionLength = 1024
	// MaxButtons is how many reply buttons one message may carry.
	MaxButtons = 3
	// MaxButtonTitle is the longest reply button title.
	MaxButtonTitle = 20
	// MaxListButton is the longest label of the button that opens a list.
	MaxListButton = 20
	// MaxListRows is how many rows one list message may carry.
	MaxListRows = 10
	// MaxRowTitle is the longest list row title.
	MaxRowTitle = 24
	// MaxRowDescription is the longest list row description.
	MaxRowDescription = 72
	// MaxReplyID is the longest button or row id Meta accepts.
	MaxReplyID = 200
	// MaxCallbackData is the longest biz_opaque_callback_data.
	MaxCallbackData = 512
)

// DefaultGraphURL and DefaultAPIVersion are used when settings leave them empty.
const (
	DefaultGraphURL   = "https://graph.facebook.com"
	DefaultAPIVersion = "v21.0"
)

// SignatureHeader is the header Meta signs every webhook body in.
const SignatureHeader = "X-Hub-Signature-256"
