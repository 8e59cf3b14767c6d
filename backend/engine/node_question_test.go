package engine_test

import (
	"testing"

	"chatflow/backend/engine"
	"chatflow/backend/flow"
)

func questionFlow(d flow.NodeData) flow.Flow {
	d.Text = "Your answer?"
	return build([]flow.Node{
		start(),
		node("q", "question", d),
		node("ok", "message", flow.NodeData{Text: "Saved {{" + d.Attribute + "}}"}),
		node("bad", "message", flow.NodeData{Text: "Giving up"}),
	}, "start:out>q", "q:out>ok", "q:invalid>bad")
}

func TestQuestionValidation(t *testing.T) {
	tests := []struct {
		validation, pattern, attr string
		answer                    string
		saved                     string // "" means rejected
	}{
		{"", "", "order_id", " A-17 ", "A-17"},
		{"text", "", "order_id", "   ", ""},
		{"number", "", "total", "1,250.50", "1250.5"},
		{"number", "", "total", "twelve", ""},
		{"text", "", "total", "abc", ""}, // the attribute's type still applies
		{"email", "", "email", "ana@shop.example", "ana@shop.example"},
		{"email", "", "email", "ana@shop", ""},
		{"phone", "", "order_id", "+1 (555) 010-9999", "+15550109999"},
		{"phone", "", "order_id", "12ab", ""},
		{"date", "", "when", "24/12/2026", "2026-12-24"},
		{"date", "", "when", "tomorrow", ""},
		{"regex", `^[A-Z]\d{3}$`, "order_id", "B123", "B123"},
		{"regex", `^[A-Z]\d{3}$`, "order_id", "b123", ""},
	}
	for _, tt := range tests {
		t.Run(tt.validation+"/"+tt.answer, func(t *testing.T) {
			h := newHarness(t, questionFlow(flow.NodeData{Attribute: tt.attr, Validation: tt.validation, Pattern: tt.pattern}))
			wantTexts(t, h.say("start"), "Your answer?")
			turn := h.say(tt.answer)
			if tt.saved == "" {
				wantTexts(t, turn, "Giving up")
				if _, ok := turn.Session.Attributes[tt.attr]; ok {
					t.Fatalf("a rejected answer was saved: %v", turn.Session.Attributes)
				}
				return
			}
			wantTexts(t, turn, "Saved "+tt.saved)
			if got := turn.Session.Attributes[tt.attr]; got != tt.saved {
				t.Fatalf("%s = %q, want %q", tt.attr, got, tt.saved)
			}
		})
	}
}

func TestQuestionRetriesThenInvalid(t *testing.T) {
	h := newHarness(t, questionFlow(flow.NodeData{Attribute: "total", Validation: "number", MaxRetries: 2, RetryText: "A number please, {{message.text}} is not one"}))
	wantTexts(t, h.say("go"), "Your answer?")
	turn := h.say("x")
	wantTexts(t, turn, "A number please, x is not one")
	wantState(t, turn, "wait")
	if turn.Session.RetriesLeft != 1 || turn.Session.NodeID != "q" {
		t.Fatalf("session %+v", turn.Session)
	}
	wantTexts(t, h.say("y"), "A number please, y is not one")
	turn = h.say("z")
	wantTexts(t, turn, "Giving up")
	wantState(t, turn, "end")
}

func TestQuestionDefaultRetryTextAndResumeAfterRetry(t *testing.T) {
	h := newHarness(t, questionFlow(flow.NodeData{Attribute: "total", Validation: "number", MaxRetries: 1}))
	h.say("go")
	wantTexts(t, h.say("nope"), "Sorry, that does not look right. Your answer?")
	turn := h.say("42")
	wantTexts(t, turn, "Saved 42")
	if turn.Visited[0] != "q" {
		t.Fatalf("a resumed turn starts at the waiting node, visited %v", turn.Visited)
	}
}

// A question can wait for a photo, a document or any file; the saved value
// is the downloaded file's path. Words, another kind of file, or a file that
// was refused are not an answer.
func TestQuestionAsksForAFile(t *testing.T) {
	photo := &engine.Media{Kind: "image", Path: "/data/chatflow-media/ab/ab.jpg", Mime: "image/jpeg"}
	pdf := &engine.Media{Kind: "document", Path: "/data/chatflow-media/cd/cd.pdf", Mime: "application/pdf", Filename: "invoice.pdf"}
	voice := &engine.Media{Kind: "audio", Path: "/data/chatflow-media/ef/ef.ogg", Mime: "audio/ogg"}
	refused := &engine.Media{Kind: "document", Mime: "application/zip", Error: "application/zip files are not accepted as a document"}
	late := &engine.Media{Kind: "image", Mime: "image/jpeg"} // the download did not finish in time
	tests := []struct {
		validation string
		in         engine.Inbound
		saved      string // "-" means rejected
	}{
		{"image", engine.Inbound{Media: photo}, photo.Path},
		{"image", engine.Inbound{Text: "here it is", Media: photo}, photo.Path},
		{"image", engine.Inbound{Media: pdf}, "-"},
		{"image", engine.Inbound{Text: "a photo of my receipt"}, "-"},
		{"image", engine.Inbound{Media: late}, ""},
		{"document", engine.Inbound{Media: pdf}, pdf.Path},
		{"document", engine.Inbound{Media: photo}, "-"},
		{"document", engine.Inbound{Media: refused}, "-"},
		{"media", engine.Inbound{Media: voice}, voice.Path},
		{"media", engine.Inbound{Media: pdf}, pdf.Path},
		{"media", engine.Inbound{Text: "no"}, "-"},
	}
	for _, tt := range tests {
		t.Run(tt.validation, func(t *testing.T) {
			h := newHarness(t, questionFlow(flow.NodeData{Attribute: "order_id", Validation: tt.validation}))
			wantTexts(t, h.say("start"), "Your answer?")
			turn := h.send(tt.in)
			if tt.saved == "-" {
				wantTexts(t, turn, "Giving up")
				return
			}
			wantTexts(t, turn, "Saved "+tt.saved)
			if tt.in.Media.Path != "" && turn.Session.Attributes["message.media.path"] != tt.saved {
				t.Fatalf("message.media.path = %q", turn.Session.Attributes["message.media.path"])
			}
		})
	}
}
