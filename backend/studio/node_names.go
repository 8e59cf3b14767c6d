package studio

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"chatflow/backend/flow"
)

// nodeNameLength is the most characters of a node's words a message quotes.
const nodeNameLength = 36

// nodeName names a node for people: its type's label and the start of what
// it says, such as Question “What is your order number?”. Node ids
// ("buttons_ueym") mean nothing to a shop owner (issue 14, finding 5); the
// id is kept only for a node with nothing to quote.
func nodeName(n flow.Node) string {
	label := n.Type
	if def, ok := flow.DefOf(n.Type); ok {
		label = def.Label
	}
	words := excerpt(nodeGist(n))
	if words == "" {
		return fmt.Sprintf("%s (%s)", label, n.ID)
	}
	return fmt.Sprintf("%s “%s”", label, words)
}

// nodeGist is what tells one node of a type from another: its text,
// expression, API, template, attribute, delay or keywords.
func nodeGist(n flow.Node) string {
	d := n.Data
	switch {
	case strings.TrimSpace(d.Text) != "":
		return d.Text
	case d.Expression != "":
		return d.Expression
	case d.API != "":
		return d.API
	case d.Template != "":
		return d.Template
	case n.Type == "setAttribute" && d.Attribute != "":
		return d.Attribute
	case n.Type == "delay" && d.Seconds > 0:
		return strconv.Itoa(d.Seconds) + " s"
	case len(d.Keywords) > 0:
		return strings.Join(d.Keywords, ", ")
	}
	return ""
}

// excerpt puts text on one line and shortens it to nodeNameLength
// characters, cutting between characters, never inside one.
func excerpt(text string) string {
	line := strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(line) <= nodeNameLength {
		return line
	}
	runes := []rune(line)
	return strings.TrimRight(string(runes[:nodeNameLength-1]), " ") + "…"
}

// nodeNamed returns the name of the node with id among nodes, or "node id"
// when the flow has no such node.
func nodeNamed(nodes []flow.Node, id string) string {
	for _, n := range nodes {
		if n.ID == id {
			return nodeName(n)
		}
	}
	return "node " + id
}
