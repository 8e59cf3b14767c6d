package flow

import (
	"fmt"
	"strconv"
	"strings"
)

// readTag reads the inside of {{…}}. ok is false for text that is not meant
// as a tag at all (it stays literal without a word); a tag that is meant but
// wrong comes back with bad set.
func readTag(inner string, offset int) (tag, bool) {
	lead := len(inner) - len(strings.TrimLeft(inner, " \t"))
	body := strings.TrimSpace(inner)
	switch {
	case body == "else":
		return tag{kind: "else"}, true
	case body == "/each":
		return tag{kind: "/each"}, true
	case strings.HasPrefix(body, "#each"):
		return readEach(body, offset+lead)
	}
	name, rest := cutName(body)
	if name == "" || !validPath(name) {
		return tag{}, false
	}
	ph := &placeholder{name: name, start: offset + lead, end: offset + lead + len(name)}
	rest = strings.TrimSpace(rest)
	for rest != "" {
		if rest[0] != '|' {
			return tag{}, false
		}
		var f format
		var bad string
		f, rest, bad = readFormat(strings.TrimSpace(rest[1:]))
		if bad == "" {
			bad = checkFormat(f)
		}
		if bad != "" {
			return tag{bad: "{{" + name + "}}: " + bad}, true
		}
		ph.formats = append(ph.formats, f)
	}
	return tag{kind: "ph", ph: ph}, true
}

// cutName splits a leading name (letters, digits, _, dots and #) off s.
func cutName(s string) (string, string) {
	i := 0
	for i < len(s) && (identByte(s[i]) || s[i] == '.' || s[i] == '#') {
		i++
	}
	return s[:i], s[i:]
}

// validPath reports whether name is an attribute name followed by path
// segments: names, item numbers or # (the count).
func validPath(name string) bool {
	segs := strings.Split(name, ".")
	if !identStart(segs[0]) {
		return false
	}
	for _, seg := range segs[1:] {
		if seg == "#" || identStart(seg) {
			continue
		}
		if _, err := strconv.Atoi(seg); err != nil || seg[0] == '-' || seg[0] == '+' {
			return false
		}
	}
	return true
}

func identStart(s string) bool {
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !identByte(s[i]) {
			return false
		}
	}
	return true
}

// readFormat reads "name" or "name:arg" up to the next "|"; arg may be
// quoted ("Sí/No") to hold a "|".
func readFormat(s string) (format, string, string) {
	i := 0
	for i < len(s) && identByte(s[i]) {
		i++
	}
	f := format{name: s[:i]}
	if f.name == "" {
		return f, "", "A \"|\" in a placeholder must be followed by a format, such as date or number:2."
	}
	rest := strings.TrimLeft(s[i:], " \t")
	if rest == "" || rest[0] == '|' {
		return f, rest, ""
	}
	if rest[0] != ':' {
		return f, "", fmt.Sprintf("The format %q is followed by %q; write its option after a colon.", f.name, rest)
	}
	f.hasArg = true
	rest = strings.TrimLeft(rest[1:], " \t")
	if strings.HasPrefix(rest, `"`) {
		arg, after, ok := readQuoted(rest)
		if !ok {
			return f, "", fmt.Sprintf("The option of %q opens a quote it does not close.", f.name)
		}
		f.arg = arg
		return f, strings.TrimLeft(after, " \t"), ""
	}
	j := strings.IndexByte(rest, '|')
	if j < 0 {
		j = len(rest)
	}
	f.arg = strings.TrimSpace(rest[:j])
	return f, rest[j:], ""
}

// readQuoted reads a "…" string with \" and \\ escapes at the start of s.
func readQuoted(s string) (string, string, bool) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 < len(s) {
				i++
				b.WriteByte(s[i])
			}
		case '"':
			return b.String(), s[i+1:], true
		default:
			b.WriteByte(s[i])
		}
	}
	return "", "", false
}

// readEach reads "#each list max=N sep="…" more="…"" (offset locates body
// in the source).
func readEach(body string, offset int) (tag, bool) {
	rest := strings.TrimPrefix(body, "#each")
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return tag{}, false // "#eachx": not ours
	}
	trimmed := strings.TrimLeft(rest, " \t")
	nameAt := offset + len(body) - len(trimmed)
	name, rest := cutName(trimmed)
	if name == "" || !validPath(name) {
		return tag{bad: "Write the list to repeat after #each, such as {{#each orders}}."}, true
	}
	e := &eachBlock{list: name, start: nameAt, end: nameAt + len(name), max: DefaultEachMax}
	for rest = strings.TrimLeft(rest, " \t"); rest != ""; rest = strings.TrimLeft(rest, " \t") {
		key, after := cutName(rest)
		if key == "" || !strings.HasPrefix(after, "=") {
			return tag{bad: fmt.Sprintf("{{#each %s}} has %q where an option (max=5, sep=\", \", more=\"…\") belongs.", name, rest)}, true
		}
		after = after[1:]
		var val string
		if strings.HasPrefix(after, `"`) {
			v, tail, ok := readQuoted(after)
			if !ok {
				return tag{bad: fmt.Sprintf("The %s option of {{#each %s}} opens a quote it does not close.", key, name)}, true
			}
			val, rest = v, tail
		} else {
			n := strings.IndexAny(after, " \t")
			if n < 0 {
				n = len(after)
			}
			val, rest = after[:n], after[n:]
		}
		switch key {
		case "max":
			n, err := strconv.Atoi(val)
			if err != nil || n < 1 || n > MaxEachMax {
				return tag{bad: fmt.Sprintf("max=%s in {{#each %s}} must be a number from 1 to %d.", val, name, MaxEachMax)}, true
			}
			e.max = n
		case "sep":
			e.sep, e.hasSep = val, true
		case "more":
			e.more, e.hasMore = val, true
		default:
			return tag{bad: fmt.Sprintf("{{#each %s}} has no option %q; use max, sep or more.", name, key)}, true
		}
	}
	return tag{kind: "each", each: e}, true
}
