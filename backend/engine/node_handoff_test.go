package engine_test

import (
	"testing"

	"chatflow/backend/flow"
)

func TestHandoffPausesUntilResumed(t *testing.T) {
	f := build([]flow.Node{
		start(),
		node("h", "handoff", flow.NodeData{Text: "A person will answer, {{contact.name}}."}),
	}, "start:out>h")
	h := newHarness(t, f)
	h.s.Attributes = map[string]string{"contact.name": "Ana"}
	turn := h.say("help")
	wantTexts(t, turn, "A person will answer, Ana.")
	wantState(t, turn, "paused")
	if !turn.Session.Paused || turn.Session.NodeID != "" {
		t.Fatalf("session %+v", turn.Session)
	}
	turn = h.say("hello?")
	wantTexts(t, turn)
	wantState(t, turn, "paused")
	if turn.Session.Attributes["message.text"] != "hello?" {
		t.Fatal("a paused session still records the latest message")
	}
	h.s.Paused = false // the inbox resumes the bot
	wantTexts(t, h.say("hi again"), "A person will answer, Ana.")
}
