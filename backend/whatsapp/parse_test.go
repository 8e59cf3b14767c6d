package whatsapp_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"chatflow/backend/whatsapp"
)

func readPayload(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var sheena = whatsapp.Contact{WaID: "16505551234", UserID: "US.13491208655302741918", Name: "Sheena Nelson"}

func TestParseMessages(t *testing.T) {
	ts := time.Unix(1749416383, 0).UTC()
	tests := []struct {
		file    string
		want    whatsapp.Message
		runs    bool
		summary string
	}{
		{"text.json", whatsapp.Message{ID: "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", Type: "text",
			Text: "Does it come in another color?"}, true, "Does it come in another color?"},
		{"interactive_button_reply.json", whatsapp.Message{ID: "wamid.BUTTONREPLY1", Type: "button_reply", Text: "Track order",
			ReplyID: "opt_track", ContextID: "wamid.ORIGINAL1"}, true, "Track order"},
		{"interactive_list_reply.json", whatsapp.Message{ID: "wamid.LISTREPLY1", Type: "list_reply", Text: "Blue",
			ReplyID: "row_blue", ContextID: "wamid.ORIGINAL2"}, true, "Blue"},
		{"button.json", whatsapp.Message{ID: "wamid.TEMPLATEBUTTON1", Type: "button", Text: "Stop promotions",
			ReplyID: "STOP_PROMOS", ContextID: "wamid.TEMPLATE1"}, true, "Stop promotions"},
		{"image.json", whatsapp.Message{ID: "wamid.IMAGE1", Type: "image", Text: "This is the damaged box",
			Media: &whatsapp.Media{ID: "1003383421387256", MimeType: "image/jpeg", Caption: "This is the damaged box",
				SHA256: "NrQhHmxXCfyrCi3ITwAyBkwlTPR0b4ZTAPZoD3O6+gk="}}, true, "[image] This is the damaged box"},
		{"audio.json", whatsapp.Message{ID: "wamid.AUDIO1", Type: "audio",
			Media: &whatsapp.Media{ID: "1003383421387257", MimeType: "audio/ogg; codecs=opus",
				SHA256: "2c4zJBRaJjjEHE5YtHGIrvDfu5K9b5GXchGVUdlGQh4=", Voice: true}}, true, "[audio]"},
		{"video.json", whatsapp.Message{ID: "wamid.VIDEO1", Type: "video", Text: "Unboxing",
			Media: &whatsapp.Media{ID: "1003383421387258", MimeType: "video/mp4", Caption: "Unboxing",
				SHA256: "6ViC2T5vz0YkMtzhNAGdWUPB1NKZ6ZAAGE8ppXZHVQ4="}}, true, "[video] Unboxing"},
		{"document.json", whatsapp.Message{ID: "wamid.DOCUMENT1", Type: "document", Text: "Invoice",
			Media: &whatsapp.Media{ID: "1003383421387259", MimeType: "application/pdf", Caption: "Invoice",
				Filename: "invoice-4411.pdf", SHA256: "ufkN9cZVAdK0ctgkNiQmUdrBuF2V3ZJFmnmUUaUGh3w="}}, true, "[document: invoice-4411.pdf] Invoice"},
		{"sticker.json", whatsapp.Message{ID: "wamid.STICKER1", Type: "sticker",
			Media: &whatsapp.Media{ID: "1003383421387260", MimeType: "image/webp",
				SHA256: "7fA0nO5hZvbvx6tg6cdl3V6uFSwGjpIYoPrcW4rcQ0w="}}, true, "[sticker]"},
		{"location.json", whatsapp.Message{ID: "wamid.LOCATION1", Type: "location",
			Text: "Meta Headquarters, 1 Hacker Way, Menlo Park, CA 94025",
			Location: &whatsapp.Location{Latitude: 37.483307, Longitude: -122.148981, Name: "Meta Headquarters",
				Address: "1 Hacker Way, Menlo Park, CA 94025"}}, true, "[location] Meta Headquarters, 1 Hacker Way, Menlo Park, CA 94025"},
		{"contacts.json", whatsapp.Message{ID: "wamid.CONTACTS1", Type: "contacts", Text: "Barbara J. Johnson",
			Contacts: []whatsapp.Shared{{Name: "Barbara J. Johnson", Phones: []string{"+1 (650) 555-1234"}}}}, true, "[contact card] Barbara J. Johnson"},
		{"reaction.json", whatsapp.Message{ID: "wamid.REACTION1", Type: "reaction", Text: "👍",
			Reaction: &whatsapp.Reaction{MessageID: "wamid.OURREPLY1", Emoji: "👍"}}, false, "[reaction] 👍"},
		{"unsupported.json", whatsapp.Message{ID: "wamid.UNSUPPORTED1", Type: "unsupported",
			Errors: []whatsapp.Error{{Code: 131051, Title: "Message type unknown", Message: "Message type unknown",
				Details: "Message type is currently not supported."}}}, false,
			"[unsupported message: Message type unknown: Message type is currently not supported. (code 131051)]"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			n, err := whatsapp.Parse(readPayload(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if len(n.Messages) != 1 || len(n.Statuses) != 0 {
				t.Fatalf("got %d messages and %d statuses, want 1 and 0", len(n.Messages), len(n.Statuses))
			}
			want := tt.want
			want.PhoneNumberID, want.From, want.Timestamp = "106540352242922", sheena, ts
			if got := n.Messages[0]; !reflect.DeepEqual(got, want) {
				t.Fatalf("message\n got %+v\nwant %+v", got, want)
			}
			if got := n.Messages[0].Runs(); got != tt.runs {
				t.Errorf("Runs = %v, want %v", got, tt.runs)
			}
			if got := n.Messages[0].Summary(); got != tt.summary {
				t.Errorf("Summary = %q, want %q", got, tt.summary)
			}
		})
	}
}

func TestParseContactsAndSystem(t *testing.T) {
	tests := []struct {
		file string
		want []whatsapp.Contact
		text []string
		typ  string
	}{
		{"bsuid_text.json", []whatsapp.Contact{{UserID: "US.99887766554433221100", Name: "Kai"}}, []string{"hi"}, "text"},
		{"two_contacts.json", []whatsapp.Contact{{WaID: "5511999990001", Name: "Ana"}, {WaID: "5511999990002", Name: "Bo"}},
			[]string{"from Ana", "from Bo"}, "text"},
		{"system.json", []whatsapp.Contact{{WaID: "16505551234"}},
			[]string{"User Sheena Nelson changed from 16505551234 to 16505559999"}, "system"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			n, err := whatsapp.Parse(readPayload(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if len(n.Messages) != len(tt.want) {
				t.Fatalf("got %d messages, want %d", len(n.Messages), len(tt.want))
			}
			for i, m := range n.Messages {
				if m.From != tt.want[i] || m.Text != tt.text[i] || m.Type != tt.typ {
					t.Errorf("message %d: from %+v text %q type %q; want %+v %q %q", i, m.From, m.Text, m.Type, tt.want[i], tt.text[i], tt.typ)
				}
			}
		})
	}
	if got := (whatsapp.Contact{UserID: "US.1"}).Key(); got != "US.1" {
		t.Errorf("Key without a number = %q, want the user id", got)
	}
}

func TestParseStatuses(t *testing.T) {
	tests := []struct {
		file     string
		status   string
		callback string
		errs     []whatsapp.Error
	}{
		{"status_sent.json", "sent", "", nil},
		{"status_delivered.json", "delivered", "chatflow:outbox:7", nil},
		{"status_read.json", "read", "", nil},
		{"status_failed.json", "failed", "", []whatsapp.Error{{Code: 131047, Title: "Re-engagement message", Message: "Re-engagement message",
			Details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number."}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			n, err := whatsapp.Parse(readPayload(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if len(n.Statuses) != 1 || len(n.Messages) != 0 {
				t.Fatalf("got %d statuses and %d messages", len(n.Statuses), len(n.Messages))
			}
			s := n.Statuses[0]
			want := whatsapp.Status{MessageID: "wamid.OURREPLY1", Status: tt.status, Timestamp: time.Unix(1749416390, 0).UTC(),
				Recipient: whatsapp.Contact{WaID: "16505551234", UserID: "US.13491208655302741918"}, Callback: tt.callback, Errors: tt.errs}
			if !reflect.DeepEqual(s, want) {
				t.Fatalf("status\n got %+v\nwant %+v", s, want)
			}
		})
	}
}

func TestParseValueErrorsAndMalformed(t *testing.T) {
	n, err := whatsapp.Parse(readPayload(t, "value_errors.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Errors) != 1 || n.Errors[0].Code != 131000 || n.Errors[0].Details != "Unknown error" {
		t.Fatalf("errors = %+v", n.Errors)
	}
	bad := map[string]string{
		"empty":        "",
		"not json":     "hello",
		"truncated":    `{"object":"whatsapp_business_account","entry":[`,
		"wrong object": `{"object":"page","entry":[]}`,
		"wrong types":  `{"object":"whatsapp_business_account","entry":"nope"}`,
	}
	for name, body := range bad {
		t.Run(name, func(t *testing.T) {
			if _, err := whatsapp.Parse([]byte(body)); !errors.Is(err, whatsapp.ErrMalformed) {
				t.Fatalf("err = %v, want ErrMalformed", err)
			}
		})
	}
	// Other webhook fields and incomplete messages are ignored, not errors.
	n, err = whatsapp.Parse([]byte(`{"object":"whatsapp_business_account","entry":[{"changes":[
		{"field":"account_update","value":{"messages":[{"from":"1","id":"x","type":"text","text":{"body":"no"}}]}},
		{"field":"messages","value":{"messages":[{"id":"","from":"1","type":"text"},{"id":"y","type":"text"}]}}]}]}`))
	if err != nil || len(n.Messages) != 0 {
		t.Fatalf("got %+v, %v; want nothing", n, err)
	}
}

func FuzzParse(f *testing.F) {
	entries, err := os.ReadDir("testdata")
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		if filepath.Ext(e.Name()) == ".json" {
			f.Add(readPayload(f, e.Name()))
		}
	}
	f.Add([]byte(`{"object":"whatsapp_business_account","entry":[{"changes":[{"value":{"messages":[{"id":"x","from":"1","type":"interactive","interactive":{"type":"button_reply"}}]}}]}]}`))
	f.Add([]byte(`{"entry":[{"changes":[{"value":{"messages":[{"id":"x","from":"1","timestamp":"99999999999999999999","type":"location","location":{}}]}}]}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		n, err := whatsapp.Parse(body)
		if err != nil {
			return
		}
		for _, m := range n.Messages {
			if m.ID == "" || m.From.Key() == "" {
				t.Fatalf("parsed a message without id or sender: %+v", m)
			}
			_ = m.Summary()
			_ = m.Runs()
		}
		for _, s := range n.Statuses {
			if s.MessageID == "" || s.Status == "" {
				t.Fatalf("parsed a status without id or value: %+v", s)
			}
		}
	})
}
