package studio

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"chatflow/backend/flow"
	"chatflow/backend/store"
)

// usages is everything that can use an attribute or an API, loaded once:
// the APIs, every flow's draft, and the published copy customers run (which
// may still use something its draft no longer does).
type usages struct {
	apis  []store.API
	flows []flow.Flow
	live  *flow.Flow
}

func loadUsages(ctx context.Context, db *store.DB) (usages, error) {
	apis, err := db.APIs(ctx, "")
	if err != nil {
		return usages{}, err
	}
	flows, err := db.AllFlows(ctx)
	if err != nil {
		return usages{}, err
	}
	u := usages{apis: apis, flows: flows}
	live, err := db.PublishedFlow(ctx)
	switch {
	case err == nil:
		u.live = &live
	case !errors.Is(err, store.ErrNotFound):
		return usages{}, err
	}
	return u, nil
}

// ofAttribute describes where name is used, one entry per API or flow.
func (u usages) ofAttribute(name string) []string {
	out := []string{}
	for _, api := range u.apis {
		if where := api.UsesOf(name); len(where) > 0 {
			out = append(out, fmt.Sprintf("API %q (%s)", api.Name, strings.Join(where, ", ")))
		}
	}
	return append(out, u.inFlows(func(f flow.Flow) []string { return flow.NodesUsingAttribute(f, name) })...)
}

// ofAPI describes the flows whose api nodes call the API.
func (u usages) ofAPI(name string) []string {
	return u.inFlows(func(f flow.Flow) []string { return flow.NodesUsingAPI(f, name) })
}

func (u usages) inFlows(nodes func(flow.Flow) []string) []string {
	out := []string{}
	draftUses := map[int64]bool{}
	for _, f := range u.flows {
		if ids := nodes(f); len(ids) > 0 {
			draftUses[f.ID] = true
			out = append(out, fmt.Sprintf("flow %q (%s)", f.Name, nodeList(f, ids)))
		}
	}
	if u.live != nil && !draftUses[u.live.ID] {
		if ids := nodes(*u.live); len(ids) > 0 {
			out = append(out, fmt.Sprintf("the published version of flow %q (%s)", u.live.Name, nodeList(*u.live, ids)))
		}
	}
	return out
}

// nodeList names nodes the way a shop owner knows them, by type and what
// they say: Question “What is your order number?”, API call “Orders”. Ids
// such as n3 mean nothing on the Attributes page (issue 14, finding 14).
func nodeList(f flow.Flow, ids []string) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = nodeNamed(f.Nodes, id)
	}
	return strings.Join(parts, ", ")
}
