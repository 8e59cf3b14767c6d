package engine_test

import (
	"testing"

	"chatflow/backend/engine"
	"chatflow/backend/flow"
)

const threeOrders = `[{"id":"A1","status":"open","total":120},{"id":"A2","status":"shipped","total":30},{"id":"A3","status":"open","total":7.5}]`

func TestListsInConditions(t *testing.T) {
	tests := []struct {
		expr, orders, want string
	}{
		{"len(orders) > 0", threeOrders, "yes"},
		{"len(orders) > 0", "", "no"},
		{"len(orders) > 0", "[]", "no"},
		{`any(orders, .status == "shipped")`, threeOrders, "yes"},
		{`all(orders, .total > 10)`, threeOrders, "no"},
		{`count(orders, .status == "open") == 2`, threeOrders, "yes"},
		{`len(filter(orders, .total >= 100)) == 1`, threeOrders, "yes"},
		{`orders[0].id == "A1"`, threeOrders, "yes"},
		{`sum(map(orders, .total)) > 150`, threeOrders, "yes"},
		{`fromJSON(chosen).price > 10`, threeOrders, "yes"},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			f := build([]flow.Node{
				start(),
				node("c", "condition", flow.NodeData{Expression: tt.expr}),
				node("yes", "message", flow.NodeData{Text: "yes"}),
				node("no", "message", flow.NodeData{Text: "no"}),
			}, "start:out>c", "c:true>yes", "c:false>no")
			h := newHarness(t, f)
			h.s.Attributes = map[string]string{"orders": tt.orders, "chosen": `{"price":20}`}
			wantTexts(t, h.say("go"), tt.want)
		})
	}
}

func TestListsCompileAgainstTheirType(t *testing.T) {
	env := engine.NewValidationEnv(testDefs, nil)
	for _, ok := range []string{"len(orders) > 0", `any(orders, .status == "open")`, `orders[0].id == "A1"`} {
		if err := env.CheckCondition(ok); err != nil {
			t.Errorf("%s does not compile: %v", ok, err)
		}
	}
	for _, bad := range []string{"orders > 3", `orders == "A1"`} {
		if err := env.CheckCondition(bad); err == nil {
			t.Errorf("%s compiled, though orders is a list", bad)
		}
	}
}

func TestSetAListFromAnExpression(t *testing.T) {
	f := build([]flow.Node{
		start(),
		node("set", "setAttribute", flow.NodeData{Attribute: "slots", Expression: `filter(orders, .status == "open")`}),
		node("m", "message", flow.NodeData{Text: "{{slots.#}}: {{#each slots sep=\", \"}}{{item.id}}{{/each}}"}),
	}, "start:out>set", "set:out>m")
	h := newHarness(t, f)
	h.s.Attributes = map[string]string{"orders": threeOrders}
	turn := h.say("go")
	wantTexts(t, turn, "2: A1, A3")
	if got := turn.Session.Attributes["slots"]; got != `[{"id":"A1","status":"open","total":120},{"id":"A3","status":"open","total":7.5}]` {
		t.Fatalf("slots = %s", got)
	}
}
