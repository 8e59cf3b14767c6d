package flow

import "strings"

// Def is the one definition of a node type: its palette entry, the data
// fields it uses with their defaults, how its output handles are built, the
// WhatsApp limits of its fields and its validation. Each type has its own
// file (node_<type>.go) and one line in the registry (registry.go). The
// engine adds an executor per type; the editor's specs are generated from
// these definitions (go generate, see internal/gen).
type Def struct {
	Type  string
	Label string
	// Description is one sentence for the palette tooltip.
	Description string
	Group       Group
	// NoInput is true for a node nothing leads into (start).
	NoInput bool
	// Single is true when a flow holds at most one node of the type (start).
	Single bool
	// WaitsForInput is true for nodes that pause until the customer answers;
	// their engine executor must also resume.
	WaitsForInput bool
	// Fields are the NodeData fields the type uses, in inspector order.
	Fields []Field
	// Defaults is the data a freshly dropped node starts with.
	Defaults NodeData
	// Outputs builds the output handles, rule after rule, in drawing order.
	Outputs []OutputRule
	// OutputsWhen replaces Outputs while a data field is set: the first
	// variant whose field is not empty wins.
	OutputsWhen []OutputVariant
	// Limits are the type's limits by name (WhatsApp's and the editor's),
	// published to the editor's inspectors; check enforces the same constants.
	Limits []Limit
	// check validates the data of one node of this type.
	check func(v *validator, n Node)
	// sends reports whether reaching a node with this data puts a message in
	// front of the customer (see SendsAReply); nil means never.
	sends func(d NodeData) bool
}

// always and hasText are the usual answers of Def.sends.
func always(NodeData) bool { return true }

func hasText(d NodeData) bool { return strings.TrimSpace(d.Text) != "" }

// Group is where a node type sits in the palette.
type Group string

// The palette groups, in palette order.
const (
	GroupConversation Group = "Conversation"
	GroupLogic        Group = "Logic"
	GroupFinish       Group = "Finish"
)

// Groups lists the palette groups in order.
var Groups = []Group{GroupConversation, GroupLogic, GroupFinish}

// FieldKind says what a data field holds. It decides the field's type in the
// editor, how stored data is read back, and what the usage checks and
// renames of attributes and APIs look at.
type FieldKind string

// The field kinds.
const (
	// KindText is plain text.
	KindText FieldKind = "text"
	// KindTemplate is text with {{attribute}} placeholders, rendered when sent;
	// attribute usage and renames look inside it.
	KindTemplate FieldKind = "template"
	// KindItemTemplate is a template rendered once per item of a list
	// (dynamic rows): {{item}} and {{index}} are the item, not attributes.
	KindItemTemplate FieldKind = "itemTemplate"
	// KindAttribute names an attribute (where an answer is saved).
	KindAttribute FieldKind = "attribute"
	// KindExpression is an expr-lang expression over attributes.
	KindExpression FieldKind = "expression"
	// KindAPI names a saved API.
	KindAPI FieldKind = "api"
	// KindChoice is one of the values of a vocabulary (Field.Choices).
	KindChoice FieldKind = "choice"
	// KindNumber is a whole number.
	KindNumber FieldKind = "number"
	// KindTexts is a list of texts (keywords, routes).
	KindTexts FieldKind = "texts"
	// KindTemplates is a list of texts with {{attribute}} placeholders (a
	// template node's parameters); usage and renames look inside each.
	KindTemplates FieldKind = "templates"
	// KindOptions is a list of Option (buttons, rows).
	KindOptions FieldKind = "options"
)

// Field is one data field of a node type.
type Field struct {
	// Name is the field's JSON name in NodeData.
	Name string
	Kind FieldKind
	// Choices names the vocabulary of a KindChoice field (see Vocabularies);
	// a stored value outside it reads as the vocabulary's first value.
	Choices string
	// Reserved lists entries a KindTexts field never holds because the node
	// adds them itself (the api node's "others" route).
	Reserved []string
}

// OutputRule is one step in building a node's output handles: either one
// fixed handle (ID) or one handle per entry of a list field (From).
type OutputRule struct {
	// ID is a fixed handle, and Label the words drawn beside it ("" draws a
	// bare handle on the card's edge).
	ID    string
	Label string
	// From names a list field; each entry adds a handle.
	From string
	// IDKey and LabelKey name the members of a list of objects that give the
	// handle and its label ("id", "title"); for a list of texts both are
	// empty and the entry is both.
	IDKey    string
	LabelKey string
	// Untitled labels an entry whose label is blank.
	Untitled string
	// Skip lists entries that are not handles of their own (the api node adds
	// "others" last, whatever the routes say).
	Skip []string
}

// OutputVariant gives a node other outputs while the field When is set (not
// empty, not zero).
type OutputVariant struct {
	When    string
	Outputs []OutputRule
}

// Limit is a named limit of a node type, such as "buttonTitle": 20.
type Limit struct {
	Name  string
	Value int
}

// Output is one output handle of a node and the words drawn beside it.
type Output struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// Fixed is a rule adding the fixed handle id, drawn with label.
func Fixed(id, label string) OutputRule {
	return OutputRule{ID: id, Label: label}
}

// EachOption is a rule adding one handle per option of the field (buttons,
// rows): the handle is the option's id, the label its title or untitled.
func EachOption(field, untitled string) OutputRule {
	return OutputRule{From: field, IDKey: "id", LabelKey: "title", Untitled: untitled}
}

// EachText is a rule adding one handle per entry of a list of texts, except
// the skipped ones.
func EachText(field string, skip ...string) OutputRule {
	return OutputRule{From: field, Skip: skip}
}

// Vocabularies are the named value lists of KindChoice fields and of the
// editor's menus, published to the editor as constants.
var Vocabularies = []Vocabulary{
	{Name: "validation", Values: Validations},
	{Name: "mediaType", Values: MediaTypes},
}

// Vocabulary is a named list of values, such as the question validations.
type Vocabulary struct {
	// Name is singular and camelCase ("mediaType"); the editor gets the
	// constant mediaTypes and the type MediaType.
	Name   string
	Values []string
}

// vocabulary returns the values of the named vocabulary.
func vocabulary(name string) []string {
	for _, v := range Vocabularies {
		if v.Name == name {
			return v.Values
		}
	}
	return nil
}
