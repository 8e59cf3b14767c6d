package flow

import (
	"fmt"
	"strings"
)

// The template language of message texts (docs/bundle.md, "Texts"):
//
//	{{order_id}}                      an attribute's value
//	{{orders.#}}  {{orders.0.id}}     the count of a list, a field of one item
//	{{order_eta | date}}              a value formatted (see formats.go)
//	{{#each orders}}• {{item.id}}{{/each}}
//	                                  a block repeated per item (item, index);
//	                                  {{else}} gives the text for an empty list
//
// Text that only looks like a placeholder is kept as typed, so a customer
// never sees an error; Parse reports it so that the editor can.

// Loop variables bound inside {{#each}} (and, for dynamic rows, item).
const (
	LoopItem  = "item"
	LoopIndex = "index"
)

// Limits of loops, which keep one message from growing without bound.
const (
	DefaultEachMax = 10
	MaxEachMax     = 100
	maxEachDepth   = 4
)

// Template is a parsed text.
type Template struct {
	nodes []tnode
}

// tnode is one piece of a template: literal text, a placeholder or a loop.
type tnode struct {
	text string
	ph   *placeholder
	each *eachBlock
}

// placeholder is {{name | format:arg ...}}; start and end locate name in
// the source, for renaming.
type placeholder struct {
	name       string
	formats    []format
	start, end int
}

type format struct {
	name, arg string
	hasArg    bool
}

// eachBlock is {{#each list max=N sep="…" more="…"}}body{{else}}empty{{/each}}.
type eachBlock struct {
	list       string
	start, end int
	max        int
	sep, more  string
	hasSep     bool
	hasMore    bool
	body       []tnode
	empty      []tnode
	bodyLines  bool // the body ends with a line break of its own
}

// TemplateProblem is something in a text that will not render as its
// author meant; Message is one sentence for the editor.
type TemplateProblem struct {
	Message string
}

// tag is one {{…}} found by the scanner.
type tag struct {
	start, end int    // the whole {{…}} in the source
	kind       string // "ph", "each", "else", "/each"
	ph         *placeholder
	each       *eachBlock
	bad        string // why a {{…}} that looks meant as a tag is not one
}

// maxTagLength bounds what the scanner reads as one {{…}}, so a text full of
// unclosed braces is scanned in linear time.
const maxTagLength = 500

// ParseTemplate reads a text. It never fails: what cannot be read stays
// literal text and is described in the problems.
func ParseTemplate(s string) (*Template, []TemplateProblem) {
	p := &parser{src: s}
	p.scan()
	p.match()
	nodes, _ := p.build(0)
	return &Template{nodes: nodes}, p.problems
}

type parser struct {
	src      string
	tags     []tag
	problems []TemplateProblem
}

func (p *parser) problem(format string, args ...any) {
	p.problems = append(p.problems, TemplateProblem{Message: fmt.Sprintf(format, args...)})
}

// scan finds every tag in the source.
func (p *parser) scan() {
	s := p.src
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "{{")
		if j < 0 {
			return
		}
		start := i + j
		window := s[start+2 : min(len(s), start+2+maxTagLength)]
		k := strings.Index(window, "}}")
		if k < 0 {
			i = start + 1
			continue
		}
		end := start + 2 + k + 2
		t, ok := readTag(s[start+2:end-2], start+2)
		switch {
		case !ok:
			i = start + 1 // "{{{x}}}": the tag may start one brace later
			continue
		case t.bad != "":
			p.problem("%s", t.bad)
		default:
			t.start, t.end = start, end
			p.tags = append(p.tags, t)
		}
		i = end
	}
}

// match pairs each {{#each}} with its {{else}} and {{/each}}. Block tags
// that pair with nothing are dropped (their text stays as typed) and
// reported, so build sees a well-formed tree.
func (p *parser) match() {
	keep := make([]bool, len(p.tags))
	var open []int          // indexes of the {{#each}} tags not closed yet
	elseOf := map[int]int{} // {{#each}} index -> its {{else}} index
	for i, t := range p.tags {
		switch t.kind {
		case "ph":
			keep[i] = true
		case "each":
			if len(open) >= maxEachDepth {
				p.problem("Loops are nested more than %d deep; the inner {{#each %s}} is sent as typed.", maxEachDepth, t.each.list)
				continue
			}
			open = append(open, i)
		case "else":
			switch {
			case len(open) == 0:
				p.problem("{{else}} has no {{#each}} before it; it is sent as typed.")
			case hasKey(elseOf, open[len(open)-1]):
				p.problem("A loop has two {{else}}; the second is sent as typed.")
			default:
				elseOf[open[len(open)-1]] = i
			}
		case "/each":
			if len(open) == 0 {
				p.problem("{{/each}} has no {{#each}} before it; it is sent as typed.")
				continue
			}
			top := open[len(open)-1]
			open = open[:len(open)-1]
			keep[top], keep[i] = true, true
			if e, ok := elseOf[top]; ok {
				keep[e] = true
			}
		}
	}
	for _, i := range open {
		p.problem("{{#each %s}} has no {{/each}}; it is sent as typed.", p.tags[i].each.list)
	}
	kept := p.tags[:0]
	for i, t := range p.tags {
		if keep[i] {
			kept = append(kept, t)
		}
	}
	p.tags = kept
}

func hasKey(m map[int]int, k int) bool {
	_, ok := m[k]
	return ok
}

// build turns the tags from index i on into nodes, up to the {{else}} or
// {{/each}} that closes the enclosing loop (whose index it returns, or
// len(p.tags) at the top level).
func (p *parser) build(i int) ([]tnode, int) {
	var nodes []tnode
	last := 0
	if i > 0 {
		last = p.after(i - 1)
	}
	text := func(to int) {
		if last < to {
			nodes = append(nodes, tnode{text: p.src[last:to]})
		}
	}
	for i < len(p.tags) {
		t := p.tags[i]
		switch t.kind {
		case "ph":
			text(t.start)
			nodes = append(nodes, tnode{ph: t.ph})
			last = t.end
			i++
		case "else", "/each":
			text(p.before(i))
			return nodes, i
		case "each":
			text(p.before(i))
			e := t.each
			var close int
			e.body, close = p.build(i + 1)
			bodyStart, bodyEnd := p.after(i), p.before(close)
			e.bodyLines = bodyEnd > bodyStart && strings.HasSuffix(p.src[bodyStart:bodyEnd], "\n")
			if p.tags[close].kind == "else" {
				e.empty, close = p.build(close + 1)
			}
			nodes = append(nodes, tnode{each: e})
			last = p.after(close)
			i = close + 1
		}
	}
	text(len(p.src))
	return nodes, i
}

// before is where the text before tag i ends, and after where the text
// after it starts. A block tag alone on its line takes the whole line with
// it, so a loop written one tag per line leaves no blank lines.
func (p *parser) before(i int) int {
	if b, _, ok := p.standalone(i); ok {
		return b
	}
	return p.tags[i].start
}

func (p *parser) after(i int) int {
	if _, e, ok := p.standalone(i); ok {
		return e
	}
	return p.tags[i].end
}

func (p *parser) standalone(i int) (int, int, bool) {
	t := p.tags[i]
	if t.kind == "ph" {
		return 0, 0, false
	}
	b := t.start
	for b > 0 && (p.src[b-1] == ' ' || p.src[b-1] == '\t') {
		b--
	}
	e := t.end
	for e < len(p.src) && (p.src[e] == ' ' || p.src[e] == '\t' || p.src[e] == '\r') {
		e++
	}
	if b > 0 && p.src[b-1] != '\n' || e < len(p.src) && p.src[e] != '\n' {
		return 0, 0, false
	}
	if e < len(p.src) {
		e++
	}
	return b, e, true
}
