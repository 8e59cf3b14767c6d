package flow

// TypeCondition branches true/false on an expression.
const TypeCondition = "condition"

var conditionDef = Def{
	Type:        TypeCondition,
	Label:       "Condition",
	Description: "Branches on an expression over attributes, such as order_total > 100.",
	Group:       GroupLogic,
	Fields:      []Field{{Name: "expression", Kind: KindExpression}},
	Defaults:    NodeData{Expression: `api.status == 200`},
	Outputs:     []OutputRule{Fixed(HandleTrue, "True"), Fixed(HandleFalse, "False")},
	Limits:      []Limit{{"expression", MaxExpressionLength}},
	check:       func(v *validator, n Node) { v.checkExpression(n, n.Data.Expression, true) },
}
