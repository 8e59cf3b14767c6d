// Package flow is the document model of a chatflow: its nodes, the edges
// between their output handles, the node types with their outputs, and the
// validation that badges a flow in the editor and gates publishing.
//
// It imports only the standard library. Whatever a check needs from the rest
// of the product (which attributes and APIs exist, whether an expression
// compiles) comes in through the Env interface.
package flow

// Flow is one conversation design. ID, Published, Version and UpdatedAt are
// kept by the store; Nodes and Edges are the document the editor saves.
type Flow struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	Published bool   `json:"published"`
	// Version grows by one on every save; compiled expressions are cached by it.
	Version int    `json:"version"`
	Nodes   []Node `json:"nodes"`
	Edges   []Edge `json:"edges"`
	// UpdatedAt is the time of the last save as an RFC 3339 string, so the
	// document can travel to the UI unchanged.
	UpdatedAt string `json:"updatedAt"`
}

// Node is one step of a flow. Type selects how the engine runs it and which
// fields of Data matter.
type Node struct {
	ID       string   `json:"id"`
	Type     string   `json:"type"`
	Position Position `json:"position"`
	Data     NodeData `json:"data"`
}

// Position is where the node sits on the canvas.
type Position struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// NodeData holds the settings of every node type in one flat struct; a node
// uses the fields its type documents (see Catalogue) and leaves the rest empty.
type NodeData struct {
	// Keywords start a new conversation (start node); empty matches any first message.
	Keywords []string `json:"keywords,omitempty"`
	// Text is the message body; it may contain {{attribute}} placeholders.
	Text string `json:"text,omitempty"`
	// MediaURL and MediaType turn a message into an image, video, audio or
	// document message with Text as its caption.
	MediaURL  string `json:"mediaUrl,omitempty"`
	MediaType string `json:"mediaType,omitempty"`
	// MediaFile attaches a file of the media store instead of a link: its
	// key (SHA-256), uploaded to WhatsApp once and sent by media id.
	// MediaName is the file's name as chosen, shown in the editor and sent
	// as a document's file name.
	MediaFile string `json:"mediaFile,omitempty"`
	MediaName string `json:"mediaName,omitempty"`
	// Attribute is where a question, buttons or list node stores the answer,
	// and what a setAttribute node sets.
	Attribute string `json:"attribute,omitempty"`
	// Validation is the kind of answer a question accepts (see Validations).
	Validation string `json:"validation,omitempty"`
	// Pattern is the regular expression of a "regex" question.
	Pattern string `json:"pattern,omitempty"`
	// RetryText is sent when an answer is not accepted.
	RetryText string `json:"retryText,omitempty"`
	// MaxRetries is how many times a question re-asks before taking "invalid".
	MaxRetries int `json:"maxRetries,omitempty"`
	// Buttons are the reply buttons of a buttons node; each id is an output.
	Buttons []Option `json:"buttons,omitempty"`
	// Button is the label of the button that opens a list.
	Button string `json:"button,omitempty"`
	// Rows are the choices of a list node; each id is an output.
	Rows []Option `json:"rows,omitempty"`
	// RowsFrom names a list attribute whose items become the rows of a list
	// node or the buttons of a buttons node (dynamic rows, rows.go); the
	// node's outputs are then "out" (an item was chosen) and "empty".
	RowsFrom string `json:"rowsFrom,omitempty"`
	// RowTitle, RowDescription and RowID are templates over {{item.…}} (and
	// {{index}}, from 1) that make each dynamic row. RowID defaults to the
	// item's position in the list, from 0 as in {{slots.0.time}}.
	RowTitle       string `json:"rowTitle,omitempty"`
	RowDescription string `json:"rowDescription,omitempty"`
	RowID          string `json:"rowId,omitempty"`
	// Expression is an expr-lang expression (condition, or setAttribute
	// when computed instead of templated).
	Expression string `json:"expression,omitempty"`
	// Value is the template a setAttribute node stores.
	Value string `json:"value,omitempty"`
	// API is the name of the saved API an api node calls.
	API string `json:"api,omitempty"`
	// Routes are the status codes or classes ("200", "4xx") an api node
	// branches on; "others" is always added.
	Routes []string `json:"routes,omitempty"`
	// Seconds is how long a delay node waits before the next message.
	Seconds int `json:"seconds,omitempty"`
	// Template and Language name the synced WhatsApp template a template
	// node sends; Parameters fill its placeholders in order (texts with
	// {{attribute}} placeholders), HeaderMediaURL its media header.
	Template       string   `json:"template,omitempty"`
	Language       string   `json:"language,omitempty"`
	Parameters     []string `json:"parameters,omitempty"`
	HeaderMediaURL string   `json:"headerMediaUrl,omitempty"`
	// QuickReplies are the template's quick-reply button texts, copied from
	// the synced template when it is chosen: each is an output.
	QuickReplies []string `json:"quickReplies,omitempty"`
}

// Option is one button or list row. Its ID is the WhatsApp reply id and the
// node's output handle; Description is used by list rows only.
type Option struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
}

// Edge connects an output handle of Source to Target. An empty SourceHandle
// means "out", which is what the editor sends for single-output nodes.
type Edge struct {
	ID           string `json:"id"`
	Source       string `json:"source"`
	SourceHandle string `json:"sourceHandle"`
	Target       string `json:"target"`
}

// Handle returns the edge's output handle, reading an empty one as "out".
func (e Edge) Handle() string {
	if e.SourceHandle == "" {
		return HandleOut
	}
	return e.SourceHandle
}

// Node returns the node with id and whether it exists.
func (f Flow) Node(id string) (Node, bool) {
	for _, n := range f.Nodes {
		if n.ID == id {
			return n, true
		}
	}
	return Node{}, false
}

// Start returns the flow's first start node and whether there is one.
func (f Flow) Start() (Node, bool) {
	for _, n := range f.Nodes {
		if n.Type == TypeStart {
			return n, true
		}
	}
	return Node{}, false
}

// Next returns the id of the node connected to the given output of source,
// or "" when that output leads nowhere.
func (f Flow) Next(source, handle string) string {
	for _, e := range f.Edges {
		if e.Source == source && e.Handle() == handle {
			return e.Target
		}
	}
	return ""
}
