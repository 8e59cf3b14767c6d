package studio

// The rules every way in shares: the editor's services, the bundle import
// and the templates call these functions, so an item is judged the same way
// and refused with the same code whichever door it comes through.

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"chatflow/backend/apicall"
	"chatflow/backend/apperr"
	"chatflow/backend/attribute"
	"chatflow/backend/engine"
	"chatflow/backend/flow"
	"chatflow/backend/store"
	"chatflow/backend/watemplates"
	"chatflow/backend/whatsapp"
)

// checkAttribute applies the rules of a custom attribute definition and
// returns it normalized (name trimmed, never built in), or an EINVALID error
// naming the field.
func checkAttribute(def attribute.Definition) (attribute.Definition, error) {
	def.Name, def.BuiltIn = strings.TrimSpace(def.Name), false
	if err := attribute.ValidateName(def.Name); err != nil {
		return def, apperr.Wrap(apperr.EINVALID, err, sentence(strings.TrimPrefix(err.Error(), attribute.ErrInvalidName.Error()+": ")))
	}
	if err := def.Validate(); err != nil {
		field := "description"
		if !def.Type.Valid() {
			field = "type"
		}
		return def, &apperr.Error{Code: apperr.EINVALID, Message: sentence(err.Error()), Field: field, Err: err}
	}
	return def, nil
}

// checkAPI applies the rules of an API definition and returns it
// normalized: the definition itself (apicall's Validate, with the field at
// fault) and its mappings, which must each save into an existing custom
// attribute. custom holds the custom attribute names that exist (or will,
// in a bundle import); built-ins are refused because the call or the
// conversation sets them.
func checkAPI(def apicall.Definition, custom map[string]bool) (apicall.Definition, error) {
	def = def.Normalized()
	if err := def.Validate(); err != nil {
		var fe *apicall.FieldError
		if errors.As(err, &fe) {
			return def, &apperr.Error{Code: apperr.EINVALID, Message: fe.Message, Field: fe.Field, Err: err}
		}
		return def, apperr.Wrap(apperr.EINVALID, err, sentence(err.Error()))
	}
	for i, m := range def.Mappings {
		field := fmt.Sprintf("mappings.%d.attribute", i)
		switch {
		case attribute.IsBuiltIn(m.Attribute):
			return def, apperr.Invalid(field, fmt.Sprintf("Mapping %d sets %s, which is built in; map it to a custom attribute.", i+1, m.Attribute))
		case !custom[m.Attribute]:
			return def, apperr.Invalid(field, fmt.Sprintf("Mapping %d sets %q, which is not an attribute yet; create it first.", i+1, m.Attribute))
		}
	}
	return def, nil
}

// customNames is the set of custom attribute names, for checkAPI.
func customNames(defs []attribute.Definition) map[string]bool {
	out := make(map[string]bool, len(defs))
	for _, d := range defs {
		if !d.BuiltIn {
			out[d.Name] = true
		}
	}
	return out
}

// checkFlowName returns the flow's name trimmed, or EINVALID when it is
// empty.
func checkFlowName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", apperr.Invalid("name", "Give the flow a name.")
	}
	return name, nil
}

// validationEnv is the one place a flow.Env is built: the attributes and
// APIs a flow may use, the attached files it sends (mediaExists; nil looks
// up none) and its expressions compiled by the engine's own compiler. The
// editor, publishing and the bundle import all validate with it.
func validationEnv(defs []attribute.Definition, apiNames []string, synced []whatsapp.Template, mediaExists func(string) bool) flow.Env {
	return engine.NewValidationEnv(defs, apiNames).WithMediaFiles(mediaExists).WithTemplates(synced)
}

// mediaLookup answers whether an attached file is in db's media folder. A
// failed lookup other than "not found" counts as stored: a read error must
// not turn a sound flow into a draft.
func mediaLookup(ctx context.Context, db *store.DB) func(string) bool {
	return func(key string) bool {
		_, err := db.MediaFile(ctx, key)
		return !errors.Is(err, store.ErrNotFound)
	}
}

// loadEnv reads the attributes and APIs of the database and builds the
// validation environment over them.
func loadEnv(ctx context.Context, db *store.DB) (flow.Env, []attribute.Definition, error) {
	defs, err := db.Attributes(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("load attributes: %w", err)
	}
	apis, err := db.APIs(ctx, "")
	if err != nil {
		return nil, nil, fmt.Errorf("load APIs: %w", err)
	}
	names := make([]string, 0, len(apis))
	full := make([]apicall.Definition, 0, len(apis))
	for _, a := range apis {
		names = append(names, a.Name)
		full = append(full, a.Definition)
	}
	synced, err := watemplates.New(db).List(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("load templates: %w", err)
	}
	// The flow's problems cover the APIs it calls (apicall.Lint on each).
	env := engine.NewValidationEnv(defs, names).WithAPIs(full).WithMediaFiles(mediaLookup(ctx, db))
	return env.WithTemplates(synced), defs, nil
}

// flowCheck is what the store keeps of a flow's validation.
func flowCheck(problems []flow.Problem) store.FlowCheck {
	return store.FlowCheck{Valid: !flow.HasErrors(problems), Problems: len(problems)}
}

// publishBlocker is the rule a flow must pass to go live: no errors. It
// returns "" when the flow may be published, else the reason as a phrase
// after the flow's name, naming the node by what it says (nodes are the
// flow's): has 2 errors to fix before it can go live (Question “What is
// your order number?”: ...).
func publishBlocker(problems []flow.Problem, nodes []flow.Node) string {
	var errs []flow.Problem
	for _, p := range problems {
		if p.Severity == flow.SeverityError {
			errs = append(errs, p)
		}
	}
	if len(errs) == 0 {
		return ""
	}
	first := errs[0].Message
	if errs[0].NodeID != "" {
		first = fmt.Sprintf("%s: %s", nodeNamed(nodes, errs[0].NodeID), first)
	}
	return fmt.Sprintf("has %d %s to fix before it can go live (%s)", len(errs), plural(len(errs), "error", "errors"),
		strings.TrimSuffix(first, "."))
}

// errUnpublishable refuses publishing the flow called name.
func errUnpublishable(name, blocker string) error {
	return apperr.Errorf(apperr.EINVALID, "%q %s.", name, blocker)
}

// sentence starts msg with a capital letter and ends it with a period.
func sentence(msg string) string {
	msg = strings.TrimSpace(msg)
	if msg == "" {
		return msg
	}
	msg = strings.ToUpper(msg[:1]) + msg[1:]
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return msg
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
