package flow

// TypeSetAttribute stores a templated value or an expression's result.
const TypeSetAttribute = "setAttribute"

var setAttributeDef = Def{
	Type:        TypeSetAttribute,
	Label:       "Set attribute",
	Description: "Stores a value (a text with {{placeholders}}) or the result of an expression in an attribute.",
	Group:       GroupLogic,
	Fields: []Field{
		{Name: "attribute", Kind: KindAttribute},
		{Name: "value", Kind: KindTemplate},
		{Name: "expression", Kind: KindExpression},
	},
	Outputs: []OutputRule{Fixed(HandleOut, "")},
	Limits:  []Limit{{"value", MaxText}, {"expression", MaxExpressionLength}},
	check:   checkSetAttribute,
}

func checkSetAttribute(v *validator, n Node) {
	d := n.Data
	v.requireAttribute(n, d.Attribute)
	if d.Expression != "" && d.Value != "" {
		v.add(SeverityError, n.ID, "expression", "Use either a value or an expression, not both.")
	}
	if d.Expression != "" {
		v.checkExpression(n, d.Expression, false)
	} else {
		v.checkText(n, "value", d.Value, MaxText)
	}
}
