package bundle

import (
	"errors"
	"fmt"
	"strings"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/engine"
	"chatflow/backend/flow"
)

// Limits on what one bundle may hold.
const (
	MaxAttributes = 1000
	MaxAPIs       = 500
	MaxFlows      = 500
)

// Existing is what the database already holds, as far as a check needs it.
type Existing struct {
	Attributes []attribute.Definition
	// APIs are the saved definitions: their names, and the secrets a
	// replaced API keeps when the bundle leaves them out.
	APIs  []apicall.Definition
	Flows []string
}

// Error is the first problem found in a bundle, naming the item at fault.
type Error struct {
	Kind    string // "attribute", "API", "flow" or "" for the bundle itself
	Name    string
	Message string
	// More counts the further problems found after this one.
	More int
}

// Error returns one sentence, such as: bundle: API "Order status": Enter the URL of the API.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("bundle: ")
	if e.Kind != "" {
		fmt.Fprintf(&b, "%s %q: ", e.Kind, e.Name)
	}
	b.WriteString(e.Message)
	if e.More > 0 {
		fmt.Fprintf(&b, " (and %d more problem%s)", e.More, map[bool]string{true: "s"}[e.More > 1])
	}
	return b.String()
}

// checker collects problems in bundle order.
type checker struct {
	problems []*Error
}

func (c *checker) add(kind, name, format string, args ...any) {
	c.problems = append(c.problems, &Error{Kind: kind, Name: name, Message: fmt.Sprintf(format, args...)})
}

func (c *checker) err() error {
	if len(c.problems) == 0 {
		return nil
	}
	first := *c.problems[0]
	first.More = len(c.problems) - 1
	return &first
}

// Check validates the whole bundle against what exists and returns the
// first problem as an *Error (nil when the bundle can be imported). Names
// that exist already are refused unless replace is set. Flows are validated
// like the editor does; a flow with errors is imported as a draft, except
// when the bundle publishes it.
func Check(b Bundle, ex Existing, replace bool) error {
	c := &checker{}
	switch {
	case len(b.Attributes) > MaxAttributes:
		c.add("", "", "a bundle holds at most %d attributes", MaxAttributes)
	case len(b.APIs) > MaxAPIs:
		c.add("", "", "a bundle holds at most %d APIs", MaxAPIs)
	case len(b.Flows) > MaxFlows:
		c.add("", "", "a bundle holds at most %d flows", MaxFlows)
	}
	if len(c.problems) > 0 {
		return c.err()
	}
	defs := c.checkAttributes(b.Attributes, ex, replace)
	apiNames := c.checkAPIs(b.APIs, ex, defs, replace)
	c.checkFlows(b.Flows, ex, defs, apiNames, replace)
	return c.err()
}

// checkAttributes returns every attribute that will exist after the import.
func (c *checker) checkAttributes(attrs []Attribute, ex Existing, replace bool) []attribute.Definition {
	existing := map[string]bool{}
	merged := map[string]attribute.Definition{}
	for _, d := range ex.Attributes {
		existing[strings.ToLower(d.Name)] = true
		merged[strings.ToLower(d.Name)] = d
	}
	seen := map[string]bool{}
	for _, a := range attrs {
		key := strings.ToLower(a.Name)
		d := attribute.Definition{Name: a.Name, Type: a.Type, Description: a.Description}
		switch err := d.Validate(); {
		case err != nil:
			c.add("attribute", a.Name, "%s", sentence(err))
		case seen[key]:
			c.add("attribute", a.Name, "is listed twice")
		case existing[key] && !replace:
			c.add("attribute", a.Name, "already exists; import with replace to overwrite it")
		}
		seen[key] = true
		merged[key] = d
	}
	out := make([]attribute.Definition, 0, len(merged))
	for _, d := range merged {
		out = append(out, d)
	}
	return out
}

// checkAPIs returns the names of every API that will exist after the import.
func (c *checker) checkAPIs(apis []apicall.Definition, ex Existing, defs []attribute.Definition, replace bool) []string {
	types := attribute.TypeMap(defs)
	existing := map[string]apicall.Definition{}
	var names []string
	for _, d := range ex.APIs {
		existing[strings.ToLower(d.Name)] = d
		names = append(names, d.Name)
	}
	seen := map[string]bool{}
	for _, def := range apis {
		key := strings.ToLower(strings.TrimSpace(def.Name))
		old, exists := existing[key]
		full := def
		if exists && replace {
			full.Auth = keepSecrets(def.Auth, old.Auth)
		}
		if err := full.Validate(); err != nil {
			c.add("API", def.Name, "%s", missingSecret(err, def.Auth))
		} else if seen[key] {
			c.add("API", def.Name, "is listed twice")
		} else if exists && !replace {
			c.add("API", def.Name, "already exists; import with replace to overwrite it")
		}
		for _, m := range def.Mappings {
			if _, ok := types[m.Attribute]; !ok && m.Attribute != "" {
				c.add("API", def.Name, "the mapping of %q saves into %q, which is neither in the bundle nor in this app", m.Path, m.Attribute)
			}
		}
		seen[key] = true
		names = append(names, strings.TrimSpace(def.Name))
	}
	return names
}

func (c *checker) checkFlows(flows []Flow, ex Existing, defs []attribute.Definition, apiNames []string, replace bool) {
	env := engine.NewValidationEnv(defs, apiNames)
	existing := map[string]bool{}
	for _, n := range ex.Flows {
		existing[strings.ToLower(n)] = true
	}
	seen := map[string]bool{}
	published := ""
	for _, bf := range flows {
		name := strings.TrimSpace(bf.Name)
		key := strings.ToLower(name)
		switch {
		case name == "":
			c.add("flow", bf.Name, "needs a name")
			continue
		case seen[key]:
			c.add("flow", name, "is listed twice")
		case existing[key] && !replace:
			c.add("flow", name, "already exists; import with replace to overwrite it")
		}
		seen[key] = true
		if msg := structure(bf); msg != "" {
			c.add("flow", name, "%s", msg)
			continue
		}
		if !bf.Published {
			continue
		}
		if published != "" {
			c.add("flow", name, "is published, and so is %q; a bundle publishes at most one flow", published)
		}
		published = name
		f := flow.Flow{Name: name, Nodes: bf.Nodes, Edges: bf.Edges}
		for _, p := range flow.Validate(f, env) {
			if p.Severity == flow.SeverityError {
				where := ""
				if p.NodeID != "" {
					where = fmt.Sprintf("node %q: ", p.NodeID)
				}
				c.add("flow", name, "cannot be published: %s%s", where, p.Message)
				break
			}
		}
	}
}

// structure finds what would make a flow unusable even as a draft in the
// editor: nodes without ids or with unknown types, and edges to nowhere.
func structure(f Flow) string {
	if len(f.Nodes) > flow.MaxNodes {
		return fmt.Sprintf("has %d nodes; at most %d fit in a flow", len(f.Nodes), flow.MaxNodes)
	}
	ids := map[string]bool{}
	for i, n := range f.Nodes {
		switch {
		case n.ID == "":
			return fmt.Sprintf("node %d has no id", i+1)
		case ids[n.ID]:
			return fmt.Sprintf("two nodes share the id %q", n.ID)
		case !flow.KnownType(n.Type):
			return fmt.Sprintf("node %q has the unknown type %q", n.ID, n.Type)
		}
		ids[n.ID] = true
	}
	for _, e := range f.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			return fmt.Sprintf("the connection %q joins nodes that do not exist (%q to %q)", e.ID, e.Source, e.Target)
		}
	}
	return ""
}

// missingSecret explains a missing API key or token that an export without
// secrets left out, and otherwise returns the validation sentence.
func missingSecret(err error, a apicall.Auth) string {
	var fe *apicall.FieldError
	if errors.As(err, &fe) && (fe.Field == "auth.value" && a.Value == "" || fe.Field == "auth.token" && a.Token == "") {
		return "its secret (" + fe.Field + ") is not in the bundle, which was probably exported without secrets; " +
			"add it to the file, or export again with secrets included"
	}
	return sentence(err)
}

// sentence returns the user-facing text of a validation error.
func sentence(err error) string {
	var fe *apicall.FieldError
	if errors.As(err, &fe) {
		return fe.Message
	}
	return err.Error()
}
