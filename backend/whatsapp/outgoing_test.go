package whatsapp_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"chatflow/backend/whatsapp"
)

func TestOutgoingBody(t *testing.T) {
	tests := []struct {
		name string
		msg  whatsapp.Outgoing
		want string
	}{
		{"text", whatsapp.Outgoing{Kind: "text", To: "16505551234", Text: "Hello"},
			`{"messaging_product":"whatsapp","recipient_type":"individual","text":{"body":"Hello","preview_url":false},"to":"16505551234","type":"text"}`},
		{"text with callback data", whatsapp.Outgoing{Kind: "text", To: "1", Text: "Hi", Callback: "chatflow:outbox:42"},
			`{"biz_opaque_callback_data":"chatflow:outbox:42","messaging_product":"whatsapp","recipient_type":"individual","text":{"body":"Hi","preview_url":false},"to":"1","type":"text"}`},
		{"text to a business-scoped user", whatsapp.Outgoing{Kind: "text", Recipient: "US.1", Text: "see https://x.example"},
			`{"messaging_product":"whatsapp","recipient":"US.1","recipient_type":"individual","text":{"body":"see https://x.example","preview_url":true},"type":"text"}`},
		{"buttons", whatsapp.Outgoing{Kind: "buttons", To: "1", Text: "Pick one",
			Buttons: []whatsapp.Option{{ID: "a", Title: "Track my order please"}, {ID: "b", Title: "Agent"}}},
			`{"interactive":{"action":{"buttons":[{"reply":{"id":"a","title":"Track my order plea…"},"type":"reply"},{"reply":{"id":"b","title":"Agent"},"type":"reply"}]},"body":{"text":"Pick one"},"type":"button"},"messaging_product":"whatsapp","recipient_type":"individual","to":"1","type":"interactive"}`},
		{"list", whatsapp.Outgoing{Kind: "list", To: "1", Text: "Colors", Button: "See colors",
			Rows: []whatsapp.Option{{ID: "r1", Title: "Blue", Description: "Ocean"}, {ID: "r2", Title: "Red"}}},
			`{"interactive":{"action":{"button":"See colors","sections":[{"rows":[{"description":"Ocean","id":"r1","title":"Blue"},{"id":"r2","title":"Red"}]}]},"body":{"text":"Colors"},"type":"list"},"messaging_product":"whatsapp","recipient_type":"individual","to":"1","type":"interactive"}`},
		{"image with caption", whatsapp.Outgoing{Kind: "media", To: "1", MediaType: "image", MediaURL: "https://cdn.example/a.png", Text: "Look"},
			`{"image":{"caption":"Look","link":"https://cdn.example/a.png"},"messaging_product":"whatsapp","recipient_type":"individual","to":"1","type":"image"}`},
		{"audio drops the caption", whatsapp.Outgoing{Kind: "media", To: "1", MediaType: "audio", MediaURL: "https://cdn.example/a.ogg", Text: "x"},
			`{"audio":{"link":"https://cdn.example/a.ogg"},"messaging_product":"whatsapp","recipient_type":"individual","to":"1","type":"audio"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, err := tt.msg.Body()
			if err != nil {
				t.Fatal(err)
			}
			if string(body) != tt.want {
				t.Fatalf("Body\n got %s\nwant %s", body, tt.want)
			}
			if !json.Valid(body) {
				t.Fatal("invalid JSON")
			}
		})
	}
}

func TestOutgoingBodyRefusesBadMessages(t *testing.T) {
	bad := map[string]whatsapp.Outgoing{
		"no recipient":        {Kind: "text", Text: "x"},
		"empty text":          {Kind: "text", To: "1", Text: "  "},
		"buttons without any": {Kind: "buttons", To: "1", Text: "x"},
		"list without rows":   {Kind: "list", To: "1", Text: "x"},
		"media without link":  {Kind: "media", To: "1", MediaType: "image"},
		"media of odd type":   {Kind: "media", To: "1", MediaType: "hologram", MediaURL: "https://x"},
		"unknown kind":        {Kind: "carousel", To: "1"},
	}
	for name, m := range bad {
		t.Run(name, func(t *testing.T) {
			if _, err := m.Body(); !errors.Is(err, whatsapp.ErrInvalidMessage) {
				t.Fatalf("err = %v, want ErrInvalidMessage", err)
			}
		})
	}
}

func TestExpand(t *testing.T) {
	long := strings.Repeat("x", 5000)
	tests := []struct {
		name  string
		msg   whatsapp.Outgoing
		kinds []string
		lens  []int
	}{
		{"short text", whatsapp.Outgoing{Kind: "text", To: "1", Text: "hi"}, []string{"text"}, []int{2}},
		{"long text", whatsapp.Outgoing{Kind: "text", To: "1", Text: long}, []string{"text", "text"}, []int{4096, 904}},
		{"buttons with a long body", whatsapp.Outgoing{Kind: "buttons", To: "1", Text: long, Buttons: []whatsapp.Option{{ID: "a", Title: "A"}}},
			[]string{"text", "buttons"}, []int{3976, 1024}},
		{"buttons with a long worded body", whatsapp.Outgoing{Kind: "buttons", To: "1", Text: strings.Repeat("word ", 300) + "Choose:", Buttons: []whatsapp.Option{{ID: "a", Title: "A"}}},
			[]string{"text", "buttons"}, []int{484, 1022}},
		{"audio with text", whatsapp.Outgoing{Kind: "media", To: "1", MediaType: "audio", MediaURL: "https://a", Text: "listen"},
			[]string{"media", "text"}, []int{0, 6}},
		{"image with a short caption", whatsapp.Outgoing{Kind: "media", To: "1", MediaType: "image", MediaURL: "https://a", Text: "c"},
			[]string{"media"}, []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := whatsapp.Expand(tt.msg)
			if len(got) != len(tt.kinds) {
				t.Fatalf("Expand gave %d messages, want %d", len(got), len(tt.kinds))
			}
			for i, m := range got {
				if m.Kind != tt.kinds[i] || len([]rune(m.Text)) != tt.lens[i] || m.To != "1" {
					t.Errorf("message %d: kind %s, %d characters, to %q; want %s, %d", i, m.Kind, len([]rune(m.Text)), m.To, tt.kinds[i], tt.lens[i])
				}
			}
		})
	}
}
