package flow

// TypeButtons offers reply buttons, one branch each.
const TypeButtons = "buttons"

// WhatsApp's limits on reply buttons.
const (
	MaxButtons     = 3
	MaxButtonTitle = 20
	MaxButtonID    = 256
)

var buttonsDef = Def{
	Type:          TypeButtons,
	Label:         "Buttons",
	Description:   "Offers up to 3 reply buttons; each button is its own branch.",
	Group:         GroupConversation,
	WaitsForInput: true,
	Fields: []Field{
		{Name: "text", Kind: KindTemplate},
		{Name: "buttons", Kind: KindOptions},
		{Name: "attribute", Kind: KindAttribute},
		{Name: "rowsFrom", Kind: KindAttribute},
		{Name: "rowTitle", Kind: KindItemTemplate},
		{Name: "rowId", Kind: KindItemTemplate},
	},
	Defaults:    NodeData{Text: "How can we help?", Buttons: []Option{{ID: "b1", Title: "Order status"}, {ID: "b2", Title: "Talk to us"}}},
	OutputsWhen: []OutputVariant{{When: "rowsFrom", Outputs: dynamicOutputs}},
	Outputs:     []OutputRule{EachOption("buttons", "Untitled button")},
	Limits: []Limit{{"text", MaxInteractiveBody}, {"buttons", MaxButtons}, {"buttonTitle", MaxButtonTitle},
		{"buttonId", MaxButtonID}},
	check: checkButtons,
	sends: always,
}

func checkButtons(v *validator, n Node) {
	d := n.Data
	if d.RowsFrom != "" {
		v.requireText(n, "text", d.Text, MaxInteractiveBody)
		v.checkDynamicRows(n)
		return
	}
	v.requireText(n, "text", d.Text, MaxInteractiveBody)
	v.checkOptions(n, "buttons", d.Buttons, MaxButtons, MaxButtonTitle, MaxButtonID)
	v.optionalAttribute(n, d.Attribute)
}
