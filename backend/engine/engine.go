// Package engine runs a flow for one contact. Each message from the customer
// is one call to Engine.Handle: it loads the contact's session, resumes the
// node that was waiting for an answer (or starts the published flow), runs
// nodes until one waits for input or the flow ends, and returns the replies
// to send with the new session. The caller stores the session and delivers
// the replies; the engine itself keeps no state between calls except the
// cache of compiled expressions.
//
// Every node type has one executor file (node_<type>.go) listed in the
// registry; an executor only returns a result and the engine alone moves the
// session.
package engine

import (
	"context"
	"errors"
	"log/slog"
	"maps"
	"time"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/flow"
	"chatflow/backend/whatsapp"
)

// Session is where one contact stands in a flow. It is stored as JSON
// between messages.
type Session struct {
	ContactID   int64 `json:"contactId"`
	FlowID      int64 `json:"flowId"`
	FlowVersion int   `json:"flowVersion"`
	// NodeID is the node waiting for the customer's answer; "" means no run
	// is active and the next message must match the start node.
	NodeID string `json:"nodeId"`
	// RetriesLeft counts the re-asks a question node still allows.
	RetriesLeft int `json:"retriesLeft"`
	// Page is the page of dynamic rows the waiting node showed last (from
	// 0); answering "more" shows the next.
	Page int `json:"page,omitempty"`
	// Attributes holds every attribute value of the contact, built-ins too.
	Attributes map[string]string `json:"attributes"`
	// Paused is set by a handoff node; the bot stays silent until a person
	// resumes it from the inbox (which clears Paused).
	Paused       bool      `json:"paused"`
	LastActivity time.Time `json:"lastActivity"`
}

// Inbound is one message from the customer.
type Inbound struct {
	Text string `json:"text"`
	// ReplyID is the id of the button or list row the customer tapped.
	ReplyID      string    `json:"replyId"`
	ContactName  string    `json:"contactName"`
	ContactPhone string    `json:"contactPhone"`
	At           time.Time `json:"at"`
	// Media is the attachment of a photo, document, audio, video or
	// sticker message; nil for other messages.
	Media *Media `json:"media,omitempty"`
	// Notify makes this turn a notification (notify.go) instead of a
	// customer message.
	Notify *Notify `json:"notify,omitempty"`
}

// Media is what a flow learns of the customer's attachment: it fills the
// message.media.* built-ins and answers question nodes that ask for a
// photo or a document.
type Media struct {
	// Kind is WhatsApp's message type: image, document, audio, video or sticker.
	Kind string `json:"kind"`
	// Path is the downloaded file in the media store; empty when the
	// download did not finish in time (or failed).
	Path     string `json:"path"`
	Mime     string `json:"mime"`
	Caption  string `json:"caption"`
	Filename string `json:"filename"`
	// Error says why the file was not kept (refused or not downloadable);
	// a question asking for a file does not accept such an answer.
	Error string `json:"error,omitempty"`
}

// The reply types the engine produces.
const (
	ReplyText    = "text"
	ReplyButtons = "buttons"
	ReplyList    = "list"
	ReplyMedia   = "media"
	// ReplyTemplate is an approved WhatsApp template (Reply.Template).
	ReplyTemplate = "template"
)

// Reply is one message the bot sends. DelayMs asks the sender to wait that
// long before sending it (set by delay nodes; the outbox schedules it, the
// simulator shows it late), measured from the previous reply of the turn.
type Reply struct {
	Type      string        `json:"type"`
	Text      string        `json:"text"`
	Buttons   []flow.Option `json:"buttons,omitempty"`
	Button    string        `json:"button,omitempty"`
	Rows      []flow.Option `json:"rows,omitempty"`
	MediaURL  string        `json:"mediaUrl,omitempty"`
	MediaType string        `json:"mediaType,omitempty"`
	// Template is the filled template of a ReplyTemplate; Text is then its
	// filled body.
	Template *whatsapp.TemplateMessage `json:"template,omitempty"`
	// MediaFile is the media-store key of an attached file (sent by media
	// id after one upload) and Filename the name a document is sent with.
	MediaFile string `json:"mediaFile,omitempty"`
	Filename  string `json:"filename,omitempty"`
	DelayMs   int64  `json:"delayMs,omitempty"`
}

// The states a turn ends in.
const (
	StateWait   = "wait"   // a node waits for the customer's next message
	StateEnd    = "end"    // the run finished (or was stopped)
	StatePaused = "paused" // the bot is paused for this contact (handoff)
	StateIdle   = "idle"   // no run was active and the message started none
)

// Turn is the outcome of one inbound message.
type Turn struct {
	Session Session           `json:"session"`
	Replies []Reply           `json:"replies"`
	Calls   []apicall.Outcome `json:"calls"`
	// Visited lists the nodes run in this turn, in order.
	Visited []string `json:"visited"`
	State   string   `json:"state"`
	// Errors are problems of the flow met while running it (a loop, an
	// expression that failed); they are also logged.
	Errors []string `json:"errors"`
}

// FlowSource gives the engine the flows it runs.
type FlowSource interface {
	// Published returns the live flow, and false when none is published.
	Published(ctx context.Context) (flow.Flow, bool, error)
	// ByID returns one flow; an error wrapping ErrFlowNotFound means it was deleted.
	ByID(ctx context.Context, id int64) (flow.Flow, error)
}

// ErrFlowNotFound is what a FlowSource wraps when a flow no longer exists;
// the engine then ends the session instead of failing every later message.
var ErrFlowNotFound = errors.New("flow not found")

// APIRunner runs one API call for an api node (apicall.Runner implements it).
type APIRunner interface {
	RunAPI(ctx context.Context, c apicall.Call) apicall.Outcome
}

// Deps is everything the engine needs. Flows is required; other zero values
// get defaults (no APIs runner makes every api node take "others").
type Deps struct {
	Flows FlowSource
	APIs  APIRunner
	// Attributes returns the custom attribute definitions (built-ins are added).
	Attributes func(ctx context.Context) ([]attribute.Definition, error)
	Now        func() time.Time
	Logger     *slog.Logger
	// StepBudget is how many nodes one message may run (default 100).
	StepBudget int
	// RestartKeyword ends the current run and starts the flow over (default "restart").
	RestartKeyword string
	// InactivityTimeout ends a waiting run after this long without a message (default 24h).
	InactivityTimeout time.Duration
	// CallSource tells the API call log who ran the call (default "live").
	CallSource string
	// Cache shares compiled expressions between engines; nil gives the engine its own.
	Cache *Cache
	// Templates gives template nodes the synced WhatsApp templates; without
	// it a template node sends nothing and reports why.
	Templates TemplateSource
}

// Defaults of Deps.
const (
	DefaultStepBudget        = 100
	DefaultRestartKeyword    = "restart"
	DefaultInactivityTimeout = 24 * time.Hour
)

// Engine runs flows. It is safe for concurrent use by many contacts.
type Engine struct {
	d Deps
}

// New builds an engine, filling in defaults.
func New(d Deps) *Engine {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Logger == nil {
		d.Logger = slog.New(slog.DiscardHandler)
	}
	if d.StepBudget <= 0 {
		d.StepBudget = DefaultStepBudget
	}
	if d.RestartKeyword == "" {
		d.RestartKeyword = DefaultRestartKeyword
	}
	if d.InactivityTimeout <= 0 {
		d.InactivityTimeout = DefaultInactivityTimeout
	}
	if d.CallSource == "" {
		d.CallSource = "live"
	}
	if d.Cache == nil {
		d.Cache = NewCache()
	}
	return &Engine{d: d}
}

// clone returns a copy of s whose attribute map can be changed freely.
func (s Session) clone() Session {
	s.Attributes = maps.Clone(s.Attributes)
	if s.Attributes == nil {
		s.Attributes = map[string]string{}
	}
	return s
}
