package flow

// The node types of the design (ARCHITECTURE.md 4.3). The engine has one
// executor per type and the editor one component per type.
const (
	TypeStart        = "start"
	TypeMessage      = "message"
	TypeQuestion     = "question"
	TypeButtons      = "buttons"
	TypeList         = "list"
	TypeCondition    = "condition"
	TypeSetAttribute = "setAttribute"
	TypeAPI          = "api"
	TypeDelay        = "delay"
	TypeHandoff      = "handoff"
	TypeEnd          = "end"
)

// The fixed output handles. Buttons, lists and API nodes add one handle per
// option id or route.
const (
	HandleOut     = "out"
	HandleInvalid = "invalid"
	HandleTrue    = "true"
	HandleFalse   = "false"
	HandleOthers  = "others"
)

// The kinds of answer a question node accepts.
const (
	ValidateText   = "text"
	ValidateNumber = "number"
	ValidateEmail  = "email"
	ValidatePhone  = "phone"
	ValidateDate   = "date"
	ValidateRegex  = "regex"
	// ValidateImage, ValidateDocument and ValidateMedia wait for a photo, a
	// document or any attachment; the answer saved is the file's path.
	ValidateImage    = "image"
	ValidateDocument = "document"
	ValidateMedia    = "media"
)

// Validations lists every question validation kind; an empty one means text.
var Validations = []string{ValidateText, ValidateNumber, ValidateEmail, ValidatePhone, ValidateDate, ValidateRegex,
	ValidateImage, ValidateDocument, ValidateMedia}

// MediaTypes lists the media kinds a message node can send.
var MediaTypes = []string{"image", "video", "audio", "document"}

// NodeType describes one entry of the editor's palette: what the node does,
// which outputs it has and what a freshly dropped node contains.
type NodeType struct {
	Type        string `json:"type"`
	Label       string `json:"label"`
	Description string `json:"description"`
	// Outputs are the fixed output handles.
	Outputs []string `json:"outputs"`
	// OutputsFrom names the data field whose entries add one output each:
	// "buttons" and "rows" (by option id) or "routes" (by route label).
	OutputsFrom string `json:"outputsFrom,omitempty"`
	// WaitsForInput is true for nodes that pause until the customer answers.
	WaitsForInput bool `json:"waitsForInput"`
	// Defaults is the data a new node of this type starts with.
	Defaults NodeData `json:"defaults"`
}

// Catalogue returns every node type in palette order.
func Catalogue() []NodeType {
	return []NodeType{
		{Type: TypeStart, Label: "Start", Outputs: []string{HandleOut},
			Description: "Where a conversation begins. Keywords choose which first messages start it; none means any message."},
		{Type: TypeMessage, Label: "Message", Outputs: []string{HandleOut},
			Description: "Sends a text, or an image, video, audio or document with a caption.",
			Defaults:    NodeData{Text: "Hello {{contact.name}}!"}},
		{Type: TypeQuestion, Label: "Question", Outputs: []string{HandleOut, HandleInvalid}, WaitsForInput: true,
			Description: "Asks a question, checks the answer and saves it in an attribute. Takes \"invalid\" after the last retry.",
			Defaults:    NodeData{Text: "What is your order number?", Validation: ValidateText, RetryText: "Sorry, I did not understand. Please try again.", MaxRetries: 2}},
		{Type: TypeButtons, Label: "Buttons", OutputsFrom: "buttons", WaitsForInput: true,
			Description: "Offers up to 3 reply buttons; each button is its own branch.",
			Defaults:    NodeData{Text: "How can we help?", Buttons: []Option{{ID: "b1", Title: "Order status"}, {ID: "b2", Title: "Talk to us"}}}},
		{Type: TypeList, Label: "List", OutputsFrom: "rows", WaitsForInput: true,
			Description: "Offers up to 10 choices behind a list button; each row is its own branch.",
			Defaults:    NodeData{Text: "Pick a topic", Button: "Topics", Rows: []Option{{ID: "r1", Title: "Orders"}, {ID: "r2", Title: "Returns"}}}},
		{Type: TypeCondition, Label: "Condition", Outputs: []string{HandleTrue, HandleFalse},
			Description: "Branches on an expression over attributes, such as order_total > 100.",
			Defaults:    NodeData{Expression: `api.status == 200`}},
		{Type: TypeSetAttribute, Label: "Set attribute", Outputs: []string{HandleOut},
			Description: "Stores a value (a text with {{placeholders}}) or the result of an expression in an attribute."},
		{Type: TypeAPI, Label: "API call", Outputs: []string{HandleOthers}, OutputsFrom: "routes",
			Description: "Calls one of your APIs, saves the mapped fields and branches on the status code; \"others\" catches everything unlisted, timeouts and errors.",
			Defaults:    NodeData{Routes: []string{"200", "404"}}},
		{Type: TypeDelay, Label: "Delay", Outputs: []string{HandleOut},
			Description: "Waits a number of seconds before the next message is sent.",
			Defaults:    NodeData{Seconds: 2}},
		{Type: TypeHandoff, Label: "Hand off", Outputs: []string{},
			Description: "Sends a message and pauses the bot for this contact until someone resumes it from the inbox.",
			Defaults:    NodeData{Text: "A person from our team will answer you shortly."}},
		{Type: TypeEnd, Label: "End", Outputs: []string{},
			Description: "Ends the conversation, optionally with a last message."},
	}
}

// KnownType reports whether t is a node type of the catalogue.
func KnownType(t string) bool {
	for _, nt := range Catalogue() {
		if nt.Type == t {
			return true
		}
	}
	return false
}

// Outputs returns the output handles of n in display order. Unknown types
// have none.
func Outputs(n Node) []string {
	switch n.Type {
	case TypeStart, TypeMessage, TypeSetAttribute, TypeDelay:
		return []string{HandleOut}
	case TypeQuestion:
		return []string{HandleOut, HandleInvalid}
	case TypeCondition:
		return []string{HandleTrue, HandleFalse}
	case TypeButtons:
		return optionIDs(n.Data.Buttons)
	case TypeList:
		return optionIDs(n.Data.Rows)
	case TypeAPI:
		out := make([]string, 0, len(n.Data.Routes)+1)
		for _, r := range n.Data.Routes {
			if r != HandleOthers {
				out = append(out, r)
			}
		}
		return append(out, HandleOthers)
	}
	return nil
}

func optionIDs(opts []Option) []string {
	out := make([]string, 0, len(opts))
	for _, o := range opts {
		out = append(out, o.ID)
	}
	return out
}
