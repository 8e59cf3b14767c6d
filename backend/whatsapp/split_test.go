package whatsapp_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"chatflow/backend/whatsapp"
)

func TestSplitText(t *testing.T) {
	long := strings.Repeat("word ", 1000) // 5000 characters
	tests := []struct {
		name  string
		text  string
		limit int
		want  []string
	}{
		{"empty", "", 10, nil},
		{"fits", "hello", 10, []string{"hello"}},
		{"exact", "0123456789", 10, []string{"0123456789"}},
		{"at a space", "hello world again", 12, []string{"hello world", "again"}},
		{"at a newline", "first line\nsecond", 14, []string{"first line", "second"}},
		{"paragraph first", "aaaa\n\nbbbb cc\ndd", 14, []string{"aaaa\n\nbbbb cc", "dd"}},
		{"inside a word", "abcdefghijkl", 5, []string{"abcde", "fghij", "kl"}},
		{"runes not bytes", "ééééééé", 3, []string{"ééé", "ééé", "é"}},
		{"early break is ignored", "a bcdefghijklmnop", 8, []string{"a bcdefg", "hijklmno", "p"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := whatsapp.SplitText(tt.text, tt.limit)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Fatalf("SplitText = %q, want %q", got, tt.want)
			}
		})
	}
	parts := whatsapp.SplitText(long, whatsapp.MaxTextLength)
	if len(parts) != 2 {
		t.Fatalf("5000 characters split into %d parts, want 2", len(parts))
	}
	total := 0
	for _, p := range parts {
		if n := utf8.RuneCountInString(p); n > whatsapp.MaxTextLength {
			t.Fatalf("part of %d characters exceeds the limit", n)
		}
		total += len(strings.Fields(p))
	}
	if total != 1000 {
		t.Fatalf("split lost words: %d of 1000", total)
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in    string
		limit int
		want  string
	}{
		{"short", 20, "short"},
		{"a very long button title", 20, "a very long button …"},
		{"ñññññ", 3, "ññ…"},
	}
	for _, tt := range tests {
		if got := whatsapp.Truncate(tt.in, tt.limit); got != tt.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
		}
	}
}

func FuzzSplitText(f *testing.F) {
	f.Add("hello world", 5)
	f.Add("a\n\nb c d", 2)
	f.Add("\xff\xfe", 1)
	f.Fuzz(func(t *testing.T, text string, limit int) {
		if limit > 10000 || limit < -10 {
			return
		}
		for _, p := range whatsapp.SplitText(text, limit) {
			eff := limit
			if eff < 1 {
				eff = whatsapp.MaxTextLength
			}
			if utf8.RuneCountInString(p) > eff {
				t.Fatalf("piece %q longer than %d", p, eff)
			}
			if p == "" {
				t.Fatal("empty piece")
			}
		}
	})
}
