package flow

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Severity says whether a problem blocks publishing.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
)

// Problem is one finding of Validate. NodeID (or EdgeID) says what the editor
// badges; Field names the data field at fault when there is one.
type Problem struct {
	NodeID   string `json:"nodeId"`
	EdgeID   string `json:"edgeId,omitempty"`
	Field    string `json:"field"`
	Message  string `json:"message"`
	Severity string `json:"severity"`
}

// Env is what validation needs to know about the rest of the product.
type Env interface {
	// AttributeExists reports whether an attribute (built-ins included) is defined.
	AttributeExists(name string) bool
	// APIExists reports whether a saved API has this name.
	APIExists(name string) bool
	// CheckExpression compiles an expression against the attribute types.
	CheckExpression(expr string) error
}

// ConditionChecker is an optional extension of Env: when the Env has it,
// condition expressions are checked with CheckCondition, which also requires
// a true/false result.
type ConditionChecker interface {
	CheckCondition(expr string) error
}

// AttributeTyper is an optional extension of Env: when the Env has it, a
// field that needs an attribute of one type is checked (a dynamic node's
// rowsFrom must name a list). AttributeType returns "" for no attribute.
type AttributeTyper interface {
	AttributeType(name string) string
}

// APIChecker is an optional extension of Env: when the Env has it, each
// API node also shows the warnings of the API it calls (a body that is not
// JSON, a placeholder that names no attribute), so a flow's problems list
// covers the APIs it depends on.
type APIChecker interface {
	APIWarnings(name string) []string
}

// MediaChecker is an optional extension of Env: when the Env has it, a
// message node's attached file must be in this database's media folder. A
// flow imported from a bundle that named a file without carrying it (too
// large for the bundle, or written by hand) would otherwise fail only when
// sent.
type MediaChecker interface {
	MediaFileExists(key string) bool
}

// HasErrors reports whether any problem is an error (and not a warning).
func HasErrors(problems []Problem) bool {
	return CountErrors(problems) > 0
}

// CountErrors returns how many problems are errors.
func CountErrors(problems []Problem) int {
	n := 0
	for _, p := range problems {
		if p.Severity == SeverityError {
			n++
		}
	}
	return n
}

// Validate checks a flow's structure, its node settings against WhatsApp's
// limits and, through env, the attributes, APIs and expressions it uses. A
// nil env skips the checks that need it. Validate never modifies f.
func Validate(f Flow, env Env) []Problem {
	v := &validator{f: f, env: env, byID: map[string]Node{}}
	switch {
	case strings.TrimSpace(f.Name) == "":
		v.add(SeverityError, "", "name", "The flow needs a name.")
	case utf8.RuneCountInString(f.Name) > MaxFlowNameLength:
		v.add(SeverityError, "", "name", "The flow name is longer than %d characters.", MaxFlowNameLength)
	}
	if len(f.Nodes) > MaxNodes {
		v.add(SeverityError, "", "nodes", "The flow has %d nodes; split it, at most %d fit in one flow.", len(f.Nodes), MaxNodes)
		return v.problems
	}
	v.checkNodes()
	v.checkStart()
	v.checkEdges()
	v.checkReachable()
	return v.problems
}

type validator struct {
	f        Flow
	env      Env
	byID     map[string]Node
	problems []Problem
}

func (v *validator) add(severity, nodeID, field, msg string, args ...any) {
	if len(args) > 0 {
		msg = fmt.Sprintf(msg, args...)
	}
	v.problems = append(v.problems, Problem{NodeID: nodeID, Field: field, Message: msg, Severity: severity})
}

func (v *validator) addEdge(severity string, e Edge, msg string, args ...any) {
	v.problems = append(v.problems, Problem{EdgeID: e.ID, NodeID: e.Source, Field: "edges",
		Message: fmt.Sprintf(msg, args...), Severity: severity})
}

func (v *validator) checkNodes() {
	for _, n := range v.f.Nodes {
		switch {
		case n.ID == "":
			v.add(SeverityError, "", "id", "A %s node has no id.", n.Type)
			continue
		case v.byID[n.ID].ID != "":
			v.add(SeverityError, n.ID, "id", "Two nodes share the id %q.", n.ID)
			continue
		}
		v.byID[n.ID] = n
		if !KnownType(n.Type) {
			v.add(SeverityError, n.ID, "type", "%q is not a node type.", n.Type)
			continue
		}
		v.checkData(n)
	}
}

func (v *validator) checkStart() {
	starts := 0
	for _, n := range v.f.Nodes {
		if n.Type == TypeStart {
			starts++
			if starts == 2 {
				v.add(SeverityError, n.ID, "", "A flow has exactly one start node; remove this one.")
			}
		}
	}
	if starts == 0 {
		v.add(SeverityError, "", "", "The flow needs a start node.")
	}
}

func (v *validator) checkEdges() {
	used := map[string]string{} // source + handle -> edge id
	for _, e := range v.f.Edges {
		src, okSrc := v.byID[e.Source]
		_, okDst := v.byID[e.Target]
		switch {
		case !okSrc:
			v.addEdge(SeverityError, e, "A connection starts at a node that does not exist (%q).", e.Source)
			continue
		case !okDst:
			v.addEdge(SeverityError, e, "A connection leads to a node that does not exist (%q).", e.Target)
			continue
		case !contains(Outputs(src), e.Handle()):
			v.addEdge(SeverityError, e, "A connection leaves from %q, which is not an output of this node.", e.Handle())
			continue
		}
		key := e.Source + "\x00" + e.Handle()
		if _, dup := used[key]; dup {
			v.addEdge(SeverityError, e, "The output %q is connected more than once; keep one connection.", e.Handle())
			continue
		}
		used[key] = e.ID
	}
	for _, n := range v.f.Nodes {
		if v.byID[n.ID].ID != n.ID || n.ID == "" {
			continue
		}
		for _, h := range Outputs(n) {
			if _, ok := used[n.ID+"\x00"+h]; !ok && h != "" {
				v.add(SeverityWarning, n.ID, "outputs", "The output %q is not connected; the conversation ends there.", h)
			}
		}
	}
}

func (v *validator) checkReachable() {
	start, ok := v.f.Start()
	if !ok || start.ID == "" {
		return
	}
	next := map[string][]string{}
	for _, e := range v.f.Edges {
		next[e.Source] = append(next[e.Source], e.Target)
	}
	seen := map[string]bool{start.ID: true}
	queue := []string{start.ID}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, t := range next[id] {
			if !seen[t] {
				seen[t] = true
				queue = append(queue, t)
			}
		}
	}
	for _, n := range v.f.Nodes {
		if n.ID != "" && !seen[n.ID] && n.Type != TypeStart {
			v.add(SeverityWarning, n.ID, "", "This node can never be reached from the start.")
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
