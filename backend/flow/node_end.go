package flow

// TypeEnd finishes the conversation, optionally with a last message.
const TypeEnd = "end"

var endDef = Def{
	Type:        TypeEnd,
	Label:       "End",
	Description: "Ends the conversation, optionally with a last message.",
	Group:       GroupFinish,
	Fields:      []Field{{Name: "text", Kind: KindTemplate}},
	Limits:      []Limit{{"text", MaxText}},
	check:       func(v *validator, n Node) { v.checkText(n, "text", n.Data.Text, MaxText) },
	sends:       hasText,
}
