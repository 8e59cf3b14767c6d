package engine_test

import (
	"context"
	"testing"
	"time"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/engine"
	"chatflow/backend/flow"
)

// benchEngine builds an engine over f with an API runner that answers 200
// at once, so the figures are the engine's own work.
func benchEngine(f flow.Flow) *engine.Engine {
	now := time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	return engine.New(engine.Deps{
		Flows: &flows{list: []flow.Flow{f}},
		APIs: &apis{run: func(apicall.Call) apicall.Outcome {
			return apicall.Outcome{Status: 200, Route: "200", Mapped: map[string]string{"order_status": "shipped"}}
		}},
		Attributes: func(context.Context) ([]attribute.Definition, error) { return testDefs, nil },
		Now:        func() time.Time { return now },
	})
}

// BenchmarkHandle measures one engine turn (one customer message) on the
// flows the live bot runs most: the order bot (start, API call, a reply that
// echoes the message, end) and a condition over typed attributes.
func BenchmarkHandle(b *testing.B) {
	orderBot := build([]flow.Node{
		start(),
		node("lookup", "api", flow.NodeData{API: "Orders", Routes: []string{"200"}}),
		node("reply", "message", flow.NodeData{Text: "Order for {{message.text}}: {{order_status}}"}),
		node("end", "end", flow.NodeData{}),
	}, "start:out>lookup", "lookup:200>reply", "lookup:others>reply", "reply:out>end")
	branching := build([]flow.Node{
		start(),
		node("set", "setAttribute", flow.NodeData{Attribute: "total", Expression: "len(message.text) * 10"}),
		node("big", "condition", flow.NodeData{Expression: `total > 50 && order_status != "cancelled"`}),
		node("yes", "message", flow.NodeData{Text: "Big order, {{contact.name}}!"}),
		node("no", "message", flow.NodeData{Text: "Small order."}),
	}, "start:out>set", "set:out>big", "big:true>yes", "big:false>no")
	tests := []struct {
		name string
		f    flow.Flow
		want int
	}{
		{"order-bot", orderBot, 1},
		{"condition", branching, 1},
	}
	for _, tt := range tests {
		b.Run(tt.name, func(b *testing.B) {
			eng := benchEngine(tt.f)
			ctx := context.Background()
			in := engine.Inbound{Text: "A1042 please", ContactName: "Ana", ContactPhone: "5511999990000"}
			b.ReportAllocs()
			for b.Loop() {
				turn, err := eng.Handle(ctx, engine.Session{ContactID: 7}, in)
				if err != nil || len(turn.Replies) != tt.want || len(turn.Errors) != 0 {
					b.Fatalf("turn %+v, %v", turn, err)
				}
			}
		})
	}
}
