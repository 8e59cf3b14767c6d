package studio

import (
	"context"

	"chatflow/backend/apicall"
	"chatflow/backend/bundle"
)

// Export collects every custom attribute, API and flow into a bundle, with
// the files attached to message nodes (those that fit; see exportFiles).
// Secrets (API key values, bearer tokens, basic-auth passwords) are left out
// unless includeSecrets is set; placeholders stay as written, so a secret
// kept in an attribute is never exported either way.
func (u *Bundles) Export(ctx context.Context, includeSecrets bool) (bundle.Bundle, error) {
	b := bundle.Bundle{Format: bundle.Format, Version: bundle.Version, Attributes: []bundle.Attribute{},
		APIs: []apicall.Definition{}, Flows: []bundle.Flow{}}
	defs, err := u.s.db.Attributes(ctx)
	if err != nil {
		return bundle.Bundle{}, u.s.internal("export", err)
	}
	for _, d := range defs {
		b.Attributes = append(b.Attributes, bundle.Attribute{Name: d.Name, Type: d.Type, Description: d.Description})
	}
	apis, err := u.s.db.APIs(ctx, "")
	if err != nil {
		return bundle.Bundle{}, u.s.internal("export", err)
	}
	for _, a := range apis {
		def := a.Definition
		def.ID, def.SampleResponse, def.SampleStructure = 0, "", nil
		if !includeSecrets {
			def.Auth = bundle.WithoutSecrets(def.Auth)
		}
		b.APIs = append(b.APIs, def)
	}
	flows, err := u.s.db.AllFlows(ctx)
	if err != nil {
		return bundle.Bundle{}, u.s.internal("export", err)
	}
	for _, f := range flows {
		b.Flows = append(b.Flows, bundle.Flow{Name: f.Name, Published: f.Published, Nodes: f.Nodes, Edges: f.Edges})
	}
	b.Files = u.exportFiles(ctx, b.Flows)
	return b, nil
}

// ExportFile is Export encoded as the file's bytes.
func (u *Bundles) ExportFile(ctx context.Context, includeSecrets bool) ([]byte, error) {
	b, err := u.Export(ctx, includeSecrets)
	if err != nil {
		return nil, err
	}
	out, err := bundle.Encode(b)
	if err != nil {
		return nil, u.s.internal("export", err)
	}
	return out, nil
}
