package whatsapp

import (
	"strings"
	"unicode/utf8"
)

// SplitText cuts text into pieces of at most limit characters (runes), so a
// long reply goes out as several messages instead of being refused. It
// prefers to cut after a paragraph break, then a line break, then a space,
// and only cuts inside a word when a piece has none. Empty text yields no
// pieces; a limit below 1 is treated as MaxTextLength.
func SplitText(text string, limit int) []string {
	if limit < 1 {
		limit = MaxTextLength
	}
	var parts []string
	for text != "" {
		if utf8.RuneCountInString(text) <= limit {
			parts = append(parts, text)
			break
		}
		cut := byteOffset(text, limit)
		head := text[:cut]
		if i := bestBreak(head); i > 0 {
			cut = i
		}
		piece := strings.TrimRight(text[:cut], " \n")
		if piece == "" {
			piece = text[:cut]
		}
		parts = append(parts, piece)
		text = strings.TrimLeft(text[cut:], " \n")
	}
	return parts
}

// bestBreak returns the byte index just after the last good break in head,
// or 0 when head has no break in its second half (cutting earlier would make
// needlessly short messages).
func bestBreak(head string) int {
	half := len(head) / 2
	for _, sep := range []string{"\n\n", "\n", " "} {
		if i := strings.LastIndex(head, sep); i >= half && i > 0 {
			return i + len(sep)
		}
	}
	return 0
}

// byteOffset returns the byte index of the rune at position n of s.
func byteOffset(s string, n int) int {
	i := 0
	for pos := range s {
		if i == n {
			return pos
		}
		i++
	}
	return len(s)
}

// Truncate shortens s to at most limit characters, ending with an ellipsis
// when it cut something.
func Truncate(s string, limit int) string {
	if limit < 1 || utf8.RuneCountInString(s) <= limit {
		return s
	}
	return s[:byteOffset(s, limit-1)] + "…"
}
