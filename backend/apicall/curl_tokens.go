package apicall

import (
	"errors"
	"strings"
)

// errUnclosedQuote is returned for a command whose quotes do not balance.
var errUnclosedQuote = errors.New("the command has a quote that is never closed")

// shellWords splits a command line the way a POSIX shell would for the
// cases people paste: whitespace separates words; '...' is literal; "..."
// honours \" \\ \$ \` and line continuations; $'...' understands the
// common C escapes; an unquoted backslash escapes the next character and a
// backslash before a line break joins the lines. Windows-style "^" line
// continuations are accepted too.
func shellWords(s string) ([]string, error) {
	var (
		words   []string
		cur     strings.Builder
		inWord  bool
		runes   = []rune(strings.ReplaceAll(s, "\r\n", "\n"))
		flush   = func() { words = append(words, cur.String()); cur.Reset(); inWord = false }
		hasNext = func(i int) bool { return i+1 < len(runes) }
	)
	for i := 0; i < len(runes); i++ {
		c := runes[i]
		switch {
		case c == '\\' && hasNext(i) && runes[i+1] == '\n':
			i++ // line continuation
		case c == '^' && hasNext(i) && runes[i+1] == '\n' && !inWord:
			i++
		case c == '\\' && hasNext(i):
			cur.WriteRune(runes[i+1])
			inWord = true
			i++
		case c == ' ' || c == '\t' || c == '\n':
			if inWord {
				flush()
			}
		case c == '\'':
			end := indexRune(runes, i+1, '\'')
			if end < 0 {
				return nil, errUnclosedQuote
			}
			cur.WriteString(string(runes[i+1 : end]))
			inWord, i = true, end
		case c == '$' && hasNext(i) && runes[i+1] == '\'':
			end, text := ansiCQuoted(runes, i+2)
			if end < 0 {
				return nil, errUnclosedQuote
			}
			cur.WriteString(text)
			inWord, i = true, end
		case c == '"':
			end, text := doubleQuoted(runes, i+1)
			if end < 0 {
				return nil, errUnclosedQuote
			}
			cur.WriteString(text)
			inWord, i = true, end
		default:
			cur.WriteRune(c)
			inWord = true
		}
	}
	if inWord {
		flush()
	}
	return words, nil
}

func indexRune(runes []rune, from int, r rune) int {
	for i := from; i < len(runes); i++ {
		if runes[i] == r {
			return i
		}
	}
	return -1
}

// doubleQuoted reads a "..." string starting after the opening quote and
// returns the index of the closing quote and the text.
func doubleQuoted(runes []rune, from int) (int, string) {
	var b strings.Builder
	for i := from; i < len(runes); i++ {
		c := runes[i]
		switch {
		case c == '"':
			return i, b.String()
		case c == '\\' && i+1 < len(runes):
			switch n := runes[i+1]; n {
			case '"', '\\', '$', '`':
				b.WriteRune(n)
				i++
			case '\n':
				i++
			default:
				b.WriteRune(c)
			}
		default:
			b.WriteRune(c)
		}
	}
	return -1, ""
}

// ansiCQuoted reads a $'...' string starting after the opening quote.
func ansiCQuoted(runes []rune, from int) (int, string) {
	escapes := map[rune]string{'n': "\n", 't': "\t", 'r': "\r", '\\': "\\", '\'': "'", '"': "\"", '0': "\x00"}
	var b strings.Builder
	for i := from; i < len(runes); i++ {
		c := runes[i]
		switch {
		case c == '\'':
			return i, b.String()
		case c == '\\' && i+1 < len(runes):
			if e, ok := escapes[runes[i+1]]; ok {
				b.WriteString(e)
			} else {
				b.WriteRune(c)
				b.WriteRune(runes[i+1])
			}
			i++
		default:
			b.WriteRune(c)
		}
	}
	return -1, ""
}
