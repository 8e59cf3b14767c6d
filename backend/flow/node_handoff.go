package flow

// TypeHandoff pauses the bot until a person resumes it from the inbox.
const TypeHandoff = "handoff"

var handoffDef = Def{
	Type:        TypeHandoff,
	Label:       "Hand off",
	Description: "Sends a message and pauses the bot for this contact until someone resumes it from the inbox.",
	Group:       GroupFinish,
	Fields:      []Field{{Name: "text", Kind: KindTemplate}},
	Defaults:    NodeData{Text: "A person from our team will answer you shortly."},
	Limits:      []Limit{{"text", MaxText}},
	check:       func(v *validator, n Node) { v.checkText(n, "text", n.Data.Text, MaxText) },
	sends:       hasText,
}
