package bundle

import (
	"context"
	"fmt"

	"chatflow/backend/apicall"
	"chatflow/backend/store"
)

// Export collects every custom attribute, API and flow into a bundle.
// Secrets (API key values, bearer tokens, basic-auth passwords) are left out
// unless includeSecrets is set; placeholders stay as written, so a secret
// kept in an attribute is never exported either way.
func Export(ctx context.Context, db *store.DB, includeSecrets bool) (Bundle, error) {
	b := Bundle{Format: Format, Version: Version, Attributes: []Attribute{}, APIs: []apicall.Definition{}, Flows: []Flow{}}
	defs, err := db.Attributes(ctx)
	if err != nil {
		return Bundle{}, fmt.Errorf("bundle: export: %w", err)
	}
	for _, d := range defs {
		b.Attributes = append(b.Attributes, Attribute{Name: d.Name, Type: d.Type, Description: d.Description})
	}
	apis, err := db.APIs(ctx, "")
	if err != nil {
		return Bundle{}, fmt.Errorf("bundle: export: %w", err)
	}
	for _, a := range apis {
		def := a.Definition
		def.ID, def.SampleResponse, def.SampleStructure = 0, "", nil
		if !includeSecrets {
			def.Auth = WithoutSecrets(def.Auth)
		}
		b.APIs = append(b.APIs, def)
	}
	flows, err := db.AllFlows(ctx)
	if err != nil {
		return Bundle{}, fmt.Errorf("bundle: export: %w", err)
	}
	for _, f := range flows {
		b.Flows = append(b.Flows, Flow{Name: f.Name, Published: f.Published, Nodes: f.Nodes, Edges: f.Edges})
	}
	return b, nil
}

// WithoutSecrets blanks the secret values of an auth setting, keeping what
// says how to authenticate (type, where the key goes, its name, the user name).
func WithoutSecrets(a apicall.Auth) apicall.Auth {
	a.Value, a.Token, a.Password = "", "", ""
	return a
}
