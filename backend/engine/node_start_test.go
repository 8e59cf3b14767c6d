package engine_test

import (
	"testing"

	"chatflow/backend/flow"
)

func TestStartKeywords(t *testing.T) {
	tests := []struct {
		name     string
		keywords []string
		message  string
		started  bool
	}{
		{"no keywords match anything", nil, "whatever", true},
		{"keyword exact", []string{"hi", "hello"}, "hello", true},
		{"keyword ignores case and punctuation", []string{"hi"}, "  Hi! ", true},
		{"other message does not start", []string{"hi"}, "hi there", false},
		{"empty keyword never matches", []string{""}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, build([]flow.Node{start(tt.keywords...), node("m", "message", flow.NodeData{Text: "Welcome"})}, "start:out>m"))
			turn := h.say(tt.message)
			if tt.started {
				wantTexts(t, turn, "Welcome")
				wantState(t, turn, "end")
				if turn.Visited[0] != "start" || turn.Visited[1] != "m" {
					t.Fatalf("visited %v", turn.Visited)
				}
				return
			}
			wantTexts(t, turn)
			wantState(t, turn, "idle")
		})
	}
}
