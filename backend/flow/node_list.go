package flow

// TypeList offers rows behind a list button, one branch each.
const TypeList = "list"

// WhatsApp's limits on list messages.
const (
	MaxRows           = 10
	MaxRowTitle       = 24
	MaxRowDescription = 72
	MaxRowID          = 200
	MaxListButton     = 20
)

var listDef = Def{
	Type:          TypeList,
	Label:         "List",
	Description:   "Offers up to 10 choices behind a list button; each row is its own branch.",
	Group:         GroupConversation,
	WaitsForInput: true,
	Fields: []Field{
		{Name: "text", Kind: KindTemplate},
		{Name: "button", Kind: KindText},
		{Name: "rows", Kind: KindOptions},
		{Name: "attribute", Kind: KindAttribute},
		{Name: "rowsFrom", Kind: KindAttribute},
		{Name: "rowTitle", Kind: KindItemTemplate},
		{Name: "rowDescription", Kind: KindItemTemplate},
		{Name: "rowId", Kind: KindItemTemplate},
	},
	Defaults:    NodeData{Text: "Pick a topic", Button: "Topics", Rows: []Option{{ID: "r1", Title: "Orders"}, {ID: "r2", Title: "Returns"}}},
	OutputsWhen: []OutputVariant{{When: "rowsFrom", Outputs: dynamicOutputs}},
	Outputs:     []OutputRule{EachOption("rows", "Untitled row")},
	Limits: []Limit{{"text", MaxInteractiveBody}, {"button", MaxListButton}, {"rows", MaxRows},
		{"rowTitle", MaxRowTitle}, {"rowDescription", MaxRowDescription}, {"rowId", MaxRowID}},
	check: checkList,
	sends: always,
}

func checkList(v *validator, n Node) {
	d := n.Data
	if d.RowsFrom != "" {
		v.requireText(n, "text", d.Text, MaxInteractiveBody)
		v.requireText(n, "button", d.Button, MaxListButton)
		v.checkDynamicRows(n)
		return
	}
	v.requireText(n, "text", d.Text, MaxInteractiveBody)
	v.requireText(n, "button", d.Button, MaxListButton)
	v.checkOptions(n, "rows", d.Rows, MaxRows, MaxRowTitle, MaxRowID)
	v.optionalAttribute(n, d.Attribute)
}
