package flow

// The fixed output handles. Each node type's definition says which of them
// it has; buttons, lists and API nodes add one handle per option id or route.
const (
	HandleOut     = "out"
	HandleInvalid = "invalid"
	HandleTrue    = "true"
	HandleFalse   = "false"
	HandleOthers  = "others"
)
