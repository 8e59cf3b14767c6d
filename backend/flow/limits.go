package flow

// WhatsApp Cloud API limits on messages, counted in characters, shared by
// several node types (each node_<type>.go holds the limits of its own).
// Validation enforces them so that a published flow never sends a message
// Meta rejects.
const (
	MaxText            = 4096 // a text message body
	MaxInteractiveBody = 1024 // the body of a buttons or list message
	MaxCaption         = 1024 // the caption of a media message
)

// Limits of the editor itself, which keep a document reasonable to store,
// draw and run.
const (
	MaxNodes            = 1000
	MaxNodeIDLength     = 100
	MaxFlowNameLength   = 100
	MaxExpressionLength = 1000
)

// FlowLimits are the limits of a whole flow by name, published to the editor.
var FlowLimits = []Limit{{"nodes", MaxNodes}, {"nodeId", MaxNodeIDLength}, {"name", MaxFlowNameLength}}
