package flow

// WhatsApp Cloud API limits on interactive and text messages, counted in
// characters. Validation enforces them so that a published flow never sends
// a message Meta rejects.
const (
	MaxText            = 4096 // a text message body
	MaxInteractiveBody = 1024 // the body of a buttons or list message
	MaxCaption         = 1024 // the caption of a media message
	MaxButtons         = 3
	MaxButtonTitle     = 20
	MaxButtonID        = 256
	MaxRows            = 10
	MaxRowTitle        = 24
	MaxRowDescription  = 72
	MaxRowID           = 200
	MaxListButton      = 20
)

// Limits of the editor itself, which keep a document reasonable to store,
// draw and run.
const (
	MaxNodes            = 1000
	MaxNodeIDLength     = 100
	MaxFlowNameLength   = 100
	MaxKeyword          = 100
	MaxKeywordsPerStart = 50
	MaxQuestionRetries  = 10
	MaxDelaySeconds     = 24 * 60 * 60
	MaxExpressionLength = 1000
	MaxPatternLength    = 500
	MaxMediaURLLength   = 2000
	MaxMediaNameLength  = 200
	MaxRoutesPerAPINode = 20
)
