package engine_test

import (
	"testing"

	"chatflow/backend/engine"
	"chatflow/backend/flow"
)

func buttonsFlow() flow.Flow {
	return build([]flow.Node{
		start(),
		node("menu", "buttons", flow.NodeData{Text: "Hi {{contact.name}}, choose", Attribute: "choice",
			Buttons: []flow.Option{{ID: "track", Title: "Track order"}, {ID: "human", Title: "Talk to us"}, {ID: "2", Title: "Other"}}}),
		node("t", "message", flow.NodeData{Text: "tracking {{choice}}"}),
		node("p", "message", flow.NodeData{Text: "person {{choice}}"}),
		node("o", "message", flow.NodeData{Text: "other {{choice}}"}),
	}, "start:out>menu", "menu:track>t", "menu:human>p", "menu:2>o")
}

func TestButtonsNode(t *testing.T) {
	tests := []struct {
		name string
		in   engine.Inbound
		want string
	}{
		{"reply id", engine.Inbound{ReplyID: "human", Text: "Talk to us"}, "person Talk to us"},
		{"title ignoring case", engine.Inbound{Text: "  track ORDER "}, "tracking Track order"},
		{"option number", engine.Inbound{Text: "2"}, "person Talk to us"},
		{"option number with dot", engine.Inbound{Text: "1."}, "tracking Track order"},
		{"option id typed", engine.Inbound{Text: "human"}, "person Talk to us"},
		{"title wins over number", engine.Inbound{Text: "Other"}, "other Other"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, buttonsFlow())
			turn := h.send(engine.Inbound{Text: "hi", ContactName: "Ana"})
			wantState(t, turn, "wait")
			r := turn.Replies[0]
			if r.Type != "buttons" || r.Text != "Hi Ana, choose" || len(r.Buttons) != 3 || r.Buttons[1].ID != "human" {
				t.Fatalf("buttons reply %+v", r)
			}
			wantTexts(t, h.send(tt.in), tt.want)
		})
	}
}

func TestButtonsReaskOnUnknownAnswer(t *testing.T) {
	h := newHarness(t, buttonsFlow())
	h.say("hi")
	for range 3 {
		turn := h.say("maybe")
		wantState(t, turn, "wait")
		if len(turn.Replies) != 1 || turn.Replies[0].Type != "buttons" {
			t.Fatalf("re-ask %+v", turn.Replies)
		}
	}
	wantTexts(t, h.send(engine.Inbound{ReplyID: "track"}), "tracking Track order")
}
