package flow_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"chatflow/backend/flow"
)

func TestWhatsAppLength(t *testing.T) {
	for s, want := range map[string]int{
		"":          0,
		"Cake":      4,
		"café":      4,
		"Día 3 🍰":   8,
		"🇫🇷":        4,
		"👩‍👩‍👧":     8,
		"👍🏽":        4,
		"日本語":       3,
		"e\u0301te": 4,
	} {
		if got := flow.WhatsAppLength(s); got != want {
			t.Errorf("WhatsAppLength(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestShorten(t *testing.T) {
	tests := []struct {
		s     string
		limit int
		want  string
	}{
		{"Fits exactly", 12, "Fits exactly"},
		{"Tuesday 14 May, 09:00–09:30 with Dr. Ana", 24, "Tuesday 14 May…"},
		{"Wednesday 15 May 10:30", 20, "Wednesday 15 May…"},
		{"Supercalifragilisticexpialidocious", 20, "Supercalifragilisti…"},
		{"A Supercalifragilisticexpialidocious", 20, "A Supercalifragilis…"},
		{"🍰🍰🍰🍰🍰🍰🍰🍰🍰🍰🍰", 20, "🍰🍰🍰🍰🍰🍰🍰🍰🍰…"},
		{"Gâteau 🇫🇷🇫🇷🇫🇷🇫🇷🇫🇷", 20, "Gâteau 🇫🇷🇫🇷🇫🇷…"},
		{"Team 👩‍👩‍👧 outing on Friday", 16, "Team 👩‍👩‍👧…"},
		{"Thumbs 👍🏽👍🏽👍🏽👍🏽👍🏽", 20, "Thumbs 👍🏽👍🏽👍🏽…"},
		{"Cre\u0301me bru\u0302le\u0301e du jour", 12, "Cre\u0301me…"},
		{"x", 0, ""},
	}
	for _, tt := range tests {
		got := flow.Shorten(tt.s, tt.limit)
		if got != tt.want {
			t.Errorf("Shorten(%q, %d) = %q, want %q", tt.s, tt.limit, got, tt.want)
		}
		if flow.WhatsAppLength(got) > tt.limit || !utf8.ValidString(got) {
			t.Errorf("Shorten(%q, %d) = %q is %d long", tt.s, tt.limit, got, flow.WhatsAppLength(got))
		}
	}
}

func FuzzShorten(f *testing.F) {
	for _, s := range []string{"Tuesday 14 May, 09:00", "🇫🇷🇫🇷🇫🇷", "👩‍👩‍👧 x", "e\u0301\u0301\u0301", "a b c d e f g h i j k"} {
		f.Add(s, 20)
	}
	f.Fuzz(func(t *testing.T, s string, limit int) {
		limit = limit % 300
		got := flow.Shorten(s, limit)
		switch {
		case flow.WhatsAppLength(s) <= limit:
			if got != s {
				t.Fatalf("Shorten changed %q, which fits %d, into %q", s, limit, got)
			}
		case limit >= 1 && flow.WhatsAppLength(got) > limit:
			t.Fatalf("Shorten(%q, %d) = %q is too long", s, limit, got)
		case utf8.ValidString(s) && !utf8.ValidString(got):
			t.Fatalf("Shorten(%q, %d) = %q is not valid UTF-8", s, limit, got)
		case limit >= 1 && !strings.HasSuffix(got, "…"):
			t.Fatalf("Shorten(%q, %d) = %q has no ellipsis", s, limit, got)
		}
	})
}
