package engine_test

import (
	"testing"

	"chatflow/backend/engine"
	"chatflow/backend/flow"
)

func TestMessageNode(t *testing.T) {
	f := build([]flow.Node{
		start(),
		node("text", "message", flow.NodeData{Text: "Hi {{contact.name}}, you said {{ message.text }}{{missing}}."}),
		node("img", "message", flow.NodeData{Text: "Order {{order_id}}", MediaURL: "https://cdn.test/{{order_id}}.png", MediaType: "image"}),
	}, "start:out>text", "text:out>img")
	h := newHarness(t, f)
	h.s.Attributes = map[string]string{"order_id": "A7"}
	turn := h.send(engine.Inbound{Text: "hello", ContactName: "Ana", ContactPhone: "15550001"})
	if len(turn.Replies) != 2 {
		t.Fatalf("replies %+v", turn.Replies)
	}
	if r := turn.Replies[0]; r.Type != "text" || r.Text != "Hi Ana, you said hello." {
		t.Fatalf("text reply %+v", r)
	}
	want := engine.Reply{Type: "media", Text: "Order A7", MediaURL: "https://cdn.test/A7.png", MediaType: "image"}
	if r := turn.Replies[1]; r.Type != want.Type || r.Text != want.Text || r.MediaURL != want.MediaURL || r.MediaType != want.MediaType {
		t.Fatalf("media reply %+v, want %+v", r, want)
	}
	if got := turn.Session.Attributes["contact.phone"]; got != "15550001" {
		t.Fatalf("contact.phone = %q", got)
	}
}
