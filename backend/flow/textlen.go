package flow

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// WhatsAppLength is the length of s as the limits on titles and texts are
// checked here: in UTF-16 code units, so "é" is 1, most emoji 2, a flag 4
// and a family emoji joined by zero-width joiners more. Meta gives its limits
// in "characters" without saying how it counts them; this count is never
// smaller than any other it could use (code points, grapheme clusters), so
// text that fits it is never refused. It is also what the editor's
// JavaScript counts (String.length).
func WhatsAppLength(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

// OneLine collapses runs of white space (line breaks included) into single
// spaces and trims the ends: a title or description is one line.
func OneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Shorten cuts s to at most limit (counted by WhatsAppLength), ending with
// "…" when it cut something. It cuts after the last whole word when that
// keeps at least half of the room, else inside the word, and never inside a
// character built of several code points (an accent, an emoji with a skin
// tone or joined by zero-width joiners, a flag).
func Shorten(s string, limit int) string {
	if WhatsAppLength(s) <= limit {
		return s
	}
	if limit < 1 {
		return ""
	}
	room := limit - 1 // "…" takes one
	cut, used := 0, 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if used+w > room {
			break
		}
		used += w
		if i += size; i == len(s) || boundary(s, i) {
			cut = i
		}
	}
	head := s[:cut]
	if sp := strings.LastIndexAny(head, " \t"); sp > 0 && WhatsAppLength(head[:sp]) >= room/2 {
		head = head[:sp]
	}
	head = strings.TrimRightFunc(head, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:-–—(/", r)
	})
	return head + "…"
}

// boundary reports whether s may be cut at byte i without splitting a
// character made of several code points.
func boundary(s string, i int) bool {
	next, _ := utf8.DecodeRuneInString(s[i:])
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	switch {
	case prev == '\u200d', // after a zero-width joiner
		unicode.Is(unicode.Mn, next), unicode.Is(unicode.Me, next), // an accent or enclosing mark
		next == '\u200d',
		next >= 0xfe00 && next <= 0xfe0f, next >= 0xe0100 && next <= 0xe01ef, // variation selectors
		next >= 0x1f3fb && next <= 0x1f3ff, // skin tones
		next >= 0xe0020 && next <= 0xe007f: // tag characters (subdivision flags)
		return false
	case isRegionalIndicator(next) && isRegionalIndicator(prev):
		// Flags are pairs of regional indicators: cut only after an even run.
		n := 0
		for j := i; j > 0; {
			r, size := utf8.DecodeLastRuneInString(s[:j])
			if !isRegionalIndicator(r) {
				break
			}
			n++
			j -= size
		}
		return n%2 == 0
	}
	return true
}

func isRegionalIndicator(r rune) bool { return r >= 0x1f1e6 && r <= 0x1f1ff }
