package bundle

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/engine"
	"chatflow/backend/flow"
	"chatflow/backend/store"
)

// Result says what an import did, item by item.
type Result struct {
	Created  []string `json:"created"`  // e.g. `attribute "order_id"`
	Replaced []string `json:"replaced"` // items that existed and were overwritten
	// Published is the flow the import made live, if any.
	Published string `json:"published"`
	// Drafts lists the flows imported with validation errors, as drafts.
	Drafts []string `json:"drafts"`
}

// Import checks b against the database and, when it is sound, writes it in
// one transaction: either everything is imported or nothing changes. Items
// whose names exist are refused unless replace is set; replaced items keep
// their ids. An API imported without its secrets (an export without
// includeSecrets) keeps the secrets of the API it replaces. A flow marked
// published becomes the live flow; an import never unpublishes one.
func Import(ctx context.Context, db *store.DB, b Bundle, replace bool) (Result, error) {
	ex, err := existing(ctx, db)
	if err != nil {
		return Result{}, err
	}
	if err := Check(b, ex, replace); err != nil {
		return Result{}, err
	}
	var res Result
	err = db.Tx(ctx, func(tx *sql.Tx) error {
		res = Result{}
		if err := importAttributes(ctx, tx, b.Attributes, &res); err != nil {
			return err
		}
		if err := importAPIs(ctx, tx, b.APIs, &res); err != nil {
			return err
		}
		return importFlows(ctx, tx, b.Flows, &res)
	})
	if err != nil {
		return Result{}, err
	}
	return res, nil
}

func existing(ctx context.Context, db *store.DB) (Existing, error) {
	var ex Existing
	var err error
	if ex.Attributes, err = db.Attributes(ctx); err != nil {
		return ex, fmt.Errorf("bundle: %w", err)
	}
	apis, err := db.APIs(ctx, "")
	if err != nil {
		return ex, fmt.Errorf("bundle: %w", err)
	}
	for _, a := range apis {
		ex.APIs = append(ex.APIs, a.Definition)
	}
	flows, err := db.Flows(ctx)
	if err != nil {
		return ex, fmt.Errorf("bundle: %w", err)
	}
	for _, f := range flows {
		ex.Flows = append(ex.Flows, f.Name)
	}
	return ex, nil
}

// wrap names the item an unexpected write error belongs to (for example a
// contact's value that does not fit an attribute's new type).
func wrap(kind, name string, err error) error {
	return &Error{Kind: kind, Name: name, Message: strings.TrimPrefix(err.Error(), "store: ")}
}

func importAttributes(ctx context.Context, tx *sql.Tx, attrs []Attribute, res *Result) error {
	for _, a := range attrs {
		d := attribute.Definition{Name: a.Name, Type: a.Type, Description: a.Description}
		label := fmt.Sprintf("attribute %q", a.Name)
		err := store.UpdateAttributeTx(ctx, tx, a.Name, d)
		switch {
		case err == nil:
			res.Replaced = append(res.Replaced, label)
		case errors.Is(err, store.ErrNotFound):
			if err := store.CreateAttributeTx(ctx, tx, d); err != nil {
				return wrap("attribute", a.Name, err)
			}
			res.Created = append(res.Created, label)
		default:
			return wrap("attribute", a.Name, err)
		}
	}
	return nil
}

func importAPIs(ctx context.Context, tx *sql.Tx, apis []apicall.Definition, res *Result) error {
	for _, def := range apis {
		def.ID, def.SampleResponse, def.SampleStructure = 0, "", nil
		label := fmt.Sprintf("API %q", strings.TrimSpace(def.Name))
		old, err := store.APIByNameTx(ctx, tx, strings.TrimSpace(def.Name))
		switch {
		case err == nil:
			def.ID = old.ID
			def.SampleResponse, def.SampleStructure = old.SampleResponse, old.SampleStructure
			def.Auth = keepSecrets(def.Auth, old.Auth)
			res.Replaced = append(res.Replaced, label)
		case errors.Is(err, store.ErrNotFound):
			res.Created = append(res.Created, label)
		default:
			return wrap("API", def.Name, err)
		}
		if _, err := store.SaveAPITx(ctx, tx, def); err != nil {
			return wrap("API", def.Name, err)
		}
	}
	return nil
}

// keepSecrets fills the secrets an export left out from the API being
// replaced, when it uses the same kind of authentication.
func keepSecrets(in, old apicall.Auth) apicall.Auth {
	if in.Type != old.Type {
		return in
	}
	keep := func(v *string, old string) {
		if *v == "" {
			*v = old
		}
	}
	keep(&in.Value, old.Value)
	keep(&in.Token, old.Token)
	keep(&in.Password, old.Password)
	return in
}

func importFlows(ctx context.Context, tx *sql.Tx, flows []Flow, res *Result) error {
	defs, err := store.AttributesTx(ctx, tx)
	if err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	names, err := apiNamesTx(ctx, tx, flows)
	if err != nil {
		return err
	}
	env := engine.NewValidationEnv(defs, names)
	for _, bf := range flows {
		name := strings.TrimSpace(bf.Name)
		f := flow.Flow{Name: name, Nodes: bf.Nodes, Edges: bf.Edges}
		problems := flow.Validate(f, env)
		check := store.FlowCheck{Valid: !flow.HasErrors(problems), Problems: len(problems)}
		label := fmt.Sprintf("flow %q", name)
		old, err := store.FlowByNameTx(ctx, tx, name)
		switch {
		case err == nil:
			f.ID = old.ID
			f, err = store.SaveFlowTx(ctx, tx, f, check)
			res.Replaced = append(res.Replaced, label)
		case errors.Is(err, store.ErrNotFound):
			f, err = store.CreateFlowTx(ctx, tx, f, check)
			res.Created = append(res.Created, label)
		}
		if err != nil {
			return wrap("flow", name, err)
		}
		if !check.Valid {
			res.Drafts = append(res.Drafts, name)
		}
		if bf.Published {
			if err := store.PublishFlowTx(ctx, tx, f.ID); err != nil {
				return wrap("flow", name, err)
			}
			res.Published = name
		}
	}
	return nil
}

// apiNamesTx returns the API names the flows call that exist in the
// transaction's view of the database.
func apiNamesTx(ctx context.Context, tx *sql.Tx, flows []Flow) ([]string, error) {
	var names []string
	seen := map[string]bool{}
	for _, f := range flows {
		for _, n := range f.Nodes {
			if n.Type != flow.TypeAPI || n.Data.API == "" || seen[strings.ToLower(n.Data.API)] {
				continue
			}
			seen[strings.ToLower(n.Data.API)] = true
			_, err := store.APIByNameTx(ctx, tx, n.Data.API)
			switch {
			case err == nil:
				names = append(names, n.Data.API)
			case !errors.Is(err, store.ErrNotFound):
				return nil, fmt.Errorf("bundle: %w", err)
			}
		}
	}
	return names, nil
}
