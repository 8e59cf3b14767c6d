package studio

import (
	"errors"
	"fmt"
	"strings"

	"chatflow/backend/apicall"
	"chatflow/backend/apperr"
	"chatflow/backend/attribute"
	"chatflow/backend/bundle"
	"chatflow/backend/flow"
	"chatflow/backend/store"
	"chatflow/backend/whatsapp"
)

// Existing is what the database already holds, as far as a bundle check
// needs it.
type Existing struct {
	Attributes []attribute.Definition
	// APIs are the saved definitions: their names, and the secrets a
	// replaced API keeps when the bundle leaves them out.
	APIs  []apicall.Definition
	Flows []string
	// Templates are the synced WhatsApp templates: a template node naming
	// another is refused (the editor lets a draft keep one).
	Templates []whatsapp.Template
	// MediaFileExists reports whether an attached file is stored here (nil:
	// not checked); planImport adds the files the bundle carries.
	MediaFileExists func(key string) bool
}

// BundleError is the first problem found in a bundle, naming the item at
// fault. It is the cause inside the coded error CheckBundle returns.
type BundleError struct {
	Kind    string // "attribute", "API", "flow" or "" for the bundle itself
	Name    string
	Message string
	// Code is the problem's apperr code: ECONFLICT for a name that exists
	// (import with replace to overwrite it), EINVALID for anything else.
	Code string
	// More counts the further problems found after this one.
	More int
}

// Error returns one sentence, such as: API "Order status": Enter the URL of
// the API.
func (e *BundleError) Error() string {
	var b strings.Builder
	if e.Kind != "" {
		fmt.Fprintf(&b, "%s %q: ", e.Kind, e.Name)
	}
	b.WriteString(strings.TrimSuffix(e.Message, "."))
	if e.More > 0 {
		fmt.Fprintf(&b, " (and %d more problem%s)", e.More, plural(e.More, "", "s"))
	}
	return sentence(b.String())
}

// importPlan is a checked bundle: what to write, with each flow's
// validation already done, so the import validates nothing twice.
type importPlan struct {
	bundle.Bundle
	// checks holds each flow's validation result, in bundle order.
	checks []flowCheckResult
}

type flowCheckResult struct {
	problems []flow.Problem
}

// checker collects problems in bundle order.
type checker struct {
	problems []*BundleError
}

func (c *checker) add(code, kind, name, format string, args ...any) {
	c.problems = append(c.problems, &BundleError{Code: code, Kind: kind, Name: name, Message: fmt.Sprintf(format, args...)})
}

// rule records a refusal by one of the editor's rules under the item's name.
func (c *checker) rule(kind, name string, err error) {
	c.add(apperr.ErrorCode(err), kind, name, "%s", apperr.ErrorMessage(err))
}

// err returns the problem to report: the first one a replace would not fix
// (EINVALID), else the first name conflict (ECONFLICT), so the UI offers to
// replace only when replacing can work.
func (c *checker) err() error {
	if len(c.problems) == 0 {
		return nil
	}
	first := *c.problems[0]
	for _, p := range c.problems {
		if p.Code != apperr.ECONFLICT {
			first = *p
			break
		}
	}
	first.More = len(c.problems) - 1
	return &apperr.Error{Code: first.Code, Message: first.Error(), Err: &first}
}

// CheckBundle validates the whole bundle against what exists, under the
// rules the editor applies to each item (checkAttribute, checkAPI,
// checkFlowName, validationEnv, publishBlocker), and returns the first
// problem as a coded error naming the item (nil when the bundle can be
// imported). Names that exist already are refused with ECONFLICT unless
// replace is set. A flow with errors is imported as a draft, except when
// the bundle publishes it.
func CheckBundle(b bundle.Bundle, ex Existing, replace bool) error {
	_, err := planImport(b, ex, replace)
	return err
}

func planImport(b bundle.Bundle, ex Existing, replace bool) (importPlan, error) {
	c := &checker{}
	if msg := bundle.CheckLimits(b); msg != "" {
		c.add(apperr.EINVALID, "", "", "%s", msg)
		return importPlan{}, c.err()
	}
	// A file the bundle carries counts as stored: the import keeps it.
	ex.MediaFileExists = bundleHasFile(b.Files, ex.MediaFileExists)
	defs := c.checkAttributes(b.Attributes, ex, replace)
	apiNames := c.checkAPIs(b.APIs, ex, defs, replace)
	plan := importPlan{Bundle: b}
	plan.checks = c.checkFlows(b.Flows, ex, validationEnv(defs, apiNames, ex.Templates, ex.MediaFileExists), replace)
	if err := c.err(); err != nil {
		return importPlan{}, err
	}
	return plan, nil
}

// checkAttributes returns every attribute that will exist after the import.
func (c *checker) checkAttributes(attrs []bundle.Attribute, ex Existing, replace bool) []attribute.Definition {
	existing := map[string]bool{}
	merged := map[string]attribute.Definition{}
	for _, d := range ex.Attributes {
		existing[strings.ToLower(d.Name)] = true
		merged[strings.ToLower(d.Name)] = d
	}
	seen := map[string]bool{}
	for _, a := range attrs {
		key := strings.ToLower(a.Name)
		d, err := checkAttribute(attribute.Definition{Name: a.Name, Type: a.Type, Description: a.Description})
		switch {
		case err != nil:
			c.rule("attribute", a.Name, err)
		case seen[key]:
			c.add(apperr.EINVALID, "attribute", a.Name, "is listed twice")
		case existing[key] && !replace:
			c.add(apperr.ECONFLICT, "attribute", a.Name, "already exists; import with replace to overwrite it")
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
	custom := customNames(defs)
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
			full.Auth = bundle.KeepSecrets(def.Auth, old.Auth)
		}
		if _, err := checkAPI(full, custom); err != nil {
			c.rule("API", def.Name, missingSecret(err, def.Auth))
		} else if seen[key] {
			c.add(apperr.EINVALID, "API", def.Name, "is listed twice")
		} else if exists && !replace {
			c.add(apperr.ECONFLICT, "API", def.Name, "already exists; import with replace to overwrite it")
		}
		seen[key] = true
		names = append(names, strings.TrimSpace(def.Name))
	}
	return names
}

// checkFlows validates every flow once, with env, and returns the results
// in bundle order for the import to store.
func (c *checker) checkFlows(flows []bundle.Flow, ex Existing, env flow.Env, replace bool) []flowCheckResult {
	existing := map[string]bool{}
	for _, n := range ex.Flows {
		existing[strings.ToLower(n)] = true
	}
	out := make([]flowCheckResult, len(flows))
	seen := map[string]bool{}
	published := ""
	for i, bf := range flows {
		name, err := checkFlowName(bf.Name)
		key := strings.ToLower(name)
		switch {
		case err != nil:
			c.rule("flow", bf.Name, err)
			continue
		case seen[key]:
			c.add(apperr.EINVALID, "flow", name, "is listed twice")
		case existing[key] && !replace:
			c.add(apperr.ECONFLICT, "flow", name, "already exists; import with replace to overwrite it")
		}
		seen[key] = true
		if msg := bundle.Structure(bf); msg != "" {
			c.add(apperr.EINVALID, "flow", name, "%s", msg)
			continue
		}
		if msg := unsyncedTemplate(bf, ex.Templates); msg != "" {
			c.add(apperr.EINVALID, "flow", name, "%s", msg)
		}
		out[i].problems = flow.Validate(flow.Flow{Name: name, Nodes: bf.Nodes, Edges: bf.Edges}, env)
		if !bf.Published {
			continue
		}
		if published != "" {
			c.add(apperr.EINVALID, "flow", name, "is published, and so is %q; a bundle publishes at most one flow", published)
		}
		published = name
		if blocker := publishBlocker(out[i].problems, bf.Nodes); blocker != "" {
			c.add(apperr.EINVALID, "flow", name, "%s", blocker)
		}
	}
	return out
}

// unsyncedTemplate names the first template node of f whose template is
// not synced, or returns "". An import cannot leave such a node behind:
// unlike a draft someone is editing, nobody would see that it cannot send.
func unsyncedTemplate(f bundle.Flow, synced []whatsapp.Template) string {
	for _, n := range f.Nodes {
		if n.Type != flow.TypeTemplate {
			continue
		}
		found := false
		for _, t := range synced {
			found = found || (t.Name == n.Data.Template && t.Language == n.Data.Language)
		}
		if !found {
			return fmt.Sprintf("node %q sends the template %q (%s), which is not synced; sync the templates first (Templates page, or chatflow templates sync)",
				n.ID, n.Data.Template, n.Data.Language)
		}
	}
	return ""
}

// missingSecret explains a missing API key or token that an export without
// secrets left out; any other refusal is returned as it is.
func missingSecret(err error, a apicall.Auth) error {
	field := apperr.ErrorField(err)
	if field == "auth.value" && a.Value == "" || field == "auth.token" && a.Token == "" {
		return &apperr.Error{Code: apperr.EINVALID, Field: field, Err: err,
			Message: "its secret (" + field + ") is not in the bundle, which was probably exported without secrets; " +
				"add it to the file, or export again with secrets included"}
	}
	return err
}

// errBundleWrite names the item an unexpected write error belongs to. A
// type change that a contact's value does not survive is refused as the
// Attributes page refuses it (EINVALID); anything else is EINTERNAL.
func errBundleWrite(kind, name string, err error) error {
	var misfit *store.ValueMisfitError
	if errors.As(err, &misfit) {
		err = misfitError(misfit)
	}
	code, msg := apperr.ErrorCode(err), apperr.ErrorMessage(err)
	if code == apperr.EINTERNAL {
		msg = strings.TrimPrefix(msg, "store: ")
	}
	be := &BundleError{Code: code, Kind: kind, Name: name, Message: msg}
	return &apperr.Error{Code: code, Message: be.Error(), Err: errors.Join(be, err)}
}
