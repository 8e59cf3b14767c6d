package engine_test

import (
	"testing"

	"chatflow/backend/engine"
	"chatflow/backend/flow"
)

// The message.media.* built-ins describe the latest message: a photo fills
// them (placeholders and expressions alike), and the next text clears them.
func TestMediaAttributesFollowTheLatestMessage(t *testing.T) {
	f := build([]flow.Node{
		start(),
		node("c", "condition", flow.NodeData{Expression: `message.media.mime == "image/jpeg" && message.media.caption != ""`}),
		node("yes", "message", flow.NodeData{Text: "got {{message.media.path}} ({{message.media.mime}}, {{message.media.caption}}, {{message.media.filename}})"}),
		node("no", "message", flow.NodeData{Text: "no photo [{{message.media.path}}]"}),
	}, "start:out>c", "c:true>yes", "c:false>no")
	h := newHarness(t, f)
	photo := &engine.Media{Kind: "image", Path: "/data/media/ab/abc.jpg", Mime: "image/jpeg", Caption: "my receipt", Filename: "r.jpg"}
	wantTexts(t, h.send(engine.Inbound{Text: "my receipt", Media: photo}), "got /data/media/ab/abc.jpg (image/jpeg, my receipt, r.jpg)")
	if got := h.s.Attributes["message.media.path"]; got != photo.Path {
		t.Fatalf("stored path = %q", got)
	}
	wantTexts(t, h.say("hello"), "no photo []")
	for _, name := range []string{"message.media.path", "message.media.mime", "message.media.caption", "message.media.filename"} {
		if _, ok := h.s.Attributes[name]; ok {
			t.Fatalf("%s kept after a text message: %v", name, h.s.Attributes)
		}
	}
}

// Nested built-ins are typed members: a misspelt one fails at compile time.
func TestNestedBuiltInsCompile(t *testing.T) {
	env := engine.NewValidationEnv(nil, nil)
	for _, ok := range []string{`message.media.mime startsWith "image/"`, `message.text == "hi"`, `contact.name != ""`} {
		if err := env.CheckCondition(ok); err != nil {
			t.Errorf("CheckCondition(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{`message.media.mim == ""`, `message.medium.path == ""`, `message.media == ""`} {
		if err := env.CheckCondition(bad); err == nil {
			t.Errorf("CheckCondition(%q) compiled", bad)
		}
	}
}
