package studio

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/bundle"
	"chatflow/backend/flow"
	"chatflow/backend/store"
	"chatflow/backend/watemplates"
)

// Bundles are the bundle use cases: importing a file under the editor's
// rules and exporting everything. The Flows page, `chatflow import` and
// `chatflow export`, and the first-run templates all go through here.
type Bundles struct{ s *Studio }

// ImportFile parses a bundle file's bytes and imports it (see Import).
func (u *Bundles) ImportFile(ctx context.Context, data []byte, replace bool) (bundle.Result, error) {
	b, err := bundle.Parse(data)
	if err != nil {
		return bundle.Result{}, err
	}
	return u.Import(ctx, b, replace)
}

// Import checks b against the database (CheckBundle) and, when it is sound,
// writes it in one transaction: either everything is imported or nothing
// changes. Items whose names exist are refused (ECONFLICT) unless replace is
// set; replaced items keep their ids. An API imported without its secrets
// (an export without includeSecrets) keeps the secrets of the API it
// replaces. A flow marked published becomes the live flow; an import never
// unpublishes one.
func (u *Bundles) Import(ctx context.Context, b bundle.Bundle, replace bool) (bundle.Result, error) {
	ex, err := u.existing(ctx)
	if err != nil {
		return bundle.Result{}, u.s.internal("read what exists", err)
	}
	plan, err := planImport(b, ex, replace)
	if err != nil {
		u.s.log.Warn("studio: bundle refused", "err", err)
		return bundle.Result{}, err
	}
	if err := u.importFiles(ctx, b.Files); err != nil {
		u.s.log.Warn("studio: bundle refused", "err", err)
		return bundle.Result{}, err
	}
	var res bundle.Result
	err = u.s.db.Tx(ctx, func(tx *sql.Tx) error {
		res = bundle.Result{}
		if err := importAttributes(ctx, tx, plan.Attributes, &res); err != nil {
			return err
		}
		if err := importAPIs(ctx, tx, plan.APIs, &res); err != nil {
			return err
		}
		return importFlows(ctx, tx, plan, &res)
	})
	if err != nil {
		return bundle.Result{}, u.s.internal("import the bundle", err)
	}
	u.s.emit(EventFlowsChanged, int64(0))
	u.s.emit(EventAttributesChanged, nil)
	u.s.emit(EventAPIsChanged, nil)
	return res, nil
}

func (u *Bundles) existing(ctx context.Context) (Existing, error) {
	var ex Existing
	var err error
	if ex.Attributes, err = u.s.db.Attributes(ctx); err != nil {
		return ex, err
	}
	apis, err := u.s.db.APIs(ctx, "")
	if err != nil {
		return ex, err
	}
	for _, a := range apis {
		ex.APIs = append(ex.APIs, a.Definition)
	}
	flows, err := u.s.db.Flows(ctx)
	if err != nil {
		return ex, err
	}
	for _, f := range flows {
		ex.Flows = append(ex.Flows, f.Name)
	}
	ex.Templates, err = watemplates.New(u.s.db).List(ctx)
	ex.MediaFileExists = mediaLookup(ctx, u.s.db)
	return ex, err
}

func importAttributes(ctx context.Context, tx *sql.Tx, attrs []bundle.Attribute, res *bundle.Result) error {
	for _, a := range attrs {
		d := attribute.Definition{Name: a.Name, Type: a.Type, Description: a.Description}
		label := fmt.Sprintf("attribute %q", a.Name)
		err := store.UpdateAttributeTx(ctx, tx, a.Name, d)
		switch {
		case err == nil:
			res.Replaced = append(res.Replaced, label)
		case errors.Is(err, store.ErrNotFound):
			if err := store.CreateAttributeTx(ctx, tx, d); err != nil {
				return errBundleWrite("attribute", a.Name, err)
			}
			res.Created = append(res.Created, label)
		default:
			return errBundleWrite("attribute", a.Name, err)
		}
	}
	return nil
}

func importAPIs(ctx context.Context, tx *sql.Tx, apis []apicall.Definition, res *bundle.Result) error {
	for _, def := range apis {
		def.ID, def.SampleResponse, def.SampleStructure = 0, "", nil
		label := fmt.Sprintf("API %q", strings.TrimSpace(def.Name))
		old, err := store.APIByNameTx(ctx, tx, strings.TrimSpace(def.Name))
		switch {
		case err == nil:
			def.ID = old.ID
			def.SampleResponse, def.SampleStructure = old.SampleResponse, old.SampleStructure
			def.Auth = bundle.KeepSecrets(def.Auth, old.Auth)
			res.Replaced = append(res.Replaced, label)
		case errors.Is(err, store.ErrNotFound):
			res.Created = append(res.Created, label)
		default:
			return errBundleWrite("API", def.Name, err)
		}
		if _, err := store.SaveAPITx(ctx, tx, def); err != nil {
			return errBundleWrite("API", def.Name, err)
		}
	}
	return nil
}

// importFlows stores each flow with the validation result the check
// computed for it.
func importFlows(ctx context.Context, tx *sql.Tx, plan importPlan, res *bundle.Result) error {
	for i, bf := range plan.Flows {
		name := strings.TrimSpace(bf.Name)
		f := flow.Flow{Name: name, Nodes: bf.Nodes, Edges: bf.Edges}
		check := flowCheck(plan.checks[i].problems)
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
			return errBundleWrite("flow", name, err)
		}
		if !check.Valid {
			res.Drafts = append(res.Drafts, name)
		}
		if bf.Published {
			if err := store.PublishFlowTx(ctx, tx, f.ID); err != nil {
				return errBundleWrite("flow", name, err)
			}
			res.Published = name
		}
	}
	return nil
}
