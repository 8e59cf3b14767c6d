package engine_test

import (
	"reflect"
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

// An attached file goes out as a media reply naming the stored file; the
// caption is rendered like any text.
func TestMessageNodeWithAttachedFile(t *testing.T) {
	key := "4f7b0d4c2e3a5f1b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b"
	f := build([]flow.Node{
		start(),
		node("menu", "message", flow.NodeData{Text: "Menu for {{contact.name}}", MediaFile: key, MediaName: "menu.pdf", MediaType: "document"}),
	}, "start:out>menu")
	turn := newHarness(t, f).send(engine.Inbound{Text: "hi", ContactName: "Ana"})
	want := engine.Reply{Type: "media", Text: "Menu for Ana", MediaFile: key, Filename: "menu.pdf", MediaType: "document"}
	if len(turn.Replies) != 1 || !reflect.DeepEqual(turn.Replies[0], want) {
		t.Fatalf("replies %+v, want %+v", turn.Replies, want)
	}
}
