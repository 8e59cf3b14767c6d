package store

import (
	"context"
	"fmt"

	"chatflow/backend/flow"
)

// FlowUsage names the nodes of one flow that use an attribute or an API, so
// that a refused delete can say exactly where.
type FlowUsage struct {
	FlowID   int64
	FlowName string
	NodeIDs  []string
}

// FlowsUsingAttribute lists the flows whose nodes read or write the attribute.
func (db *DB) FlowsUsingAttribute(ctx context.Context, name string) ([]FlowUsage, error) {
	return flowsUsing(ctx, db, func(f flow.Flow) []string { return flow.NodesUsingAttribute(f, name) })
}

// FlowsUsingAPI lists the flows whose api nodes call the API.
func (db *DB) FlowsUsingAPI(ctx context.Context, name string) ([]FlowUsage, error) {
	return flowsUsing(ctx, db, func(f flow.Flow) []string { return flow.NodesUsingAPI(f, name) })
}

func flowsUsing(ctx context.Context, db *DB, nodes func(flow.Flow) []string) ([]FlowUsage, error) {
	all, err := db.AllFlows(ctx)
	if err != nil {
		return nil, err
	}
	var out []FlowUsage
	for _, f := range all {
		if ids := nodes(f); len(ids) > 0 {
			out = append(out, FlowUsage{FlowID: f.ID, FlowName: f.Name, NodeIDs: ids})
		}
	}
	return out, nil
}

// RenameAttributeInFlowsTx renames an attribute in every flow document that
// uses it (attribute fields, placeholders, expressions), as a new version of
// each changed flow. Run it in the transaction that renames the attribute.
func RenameAttributeInFlowsTx(ctx context.Context, q Execer, oldName, newName string) error {
	return rewriteFlowsTx(ctx, q, func(f *flow.Flow) bool { return flow.RenameAttribute(f, oldName, newName) })
}

// RenameAPIInFlowsTx points every api node calling oldName at newName.
func RenameAPIInFlowsTx(ctx context.Context, q Execer, oldName, newName string) error {
	return rewriteFlowsTx(ctx, q, func(f *flow.Flow) bool { return flow.RenameAPI(f, oldName, newName) })
}

func rewriteFlowsTx(ctx context.Context, q Execer, change func(*flow.Flow) bool) error {
	all, err := AllFlowsTx(ctx, q)
	if err != nil {
		return err
	}
	for _, f := range all {
		if !change(&f) {
			continue
		}
		doc, err := encodeDocument(f)
		if err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, `UPDATE flows SET document = ?, version = version + 1 WHERE id = ?`, doc, f.ID); err != nil {
			return fmt.Errorf("store: update flow %q: %w", f.Name, err)
		}
	}
	return rewriteLiveFlowsTx(ctx, q, change)
}

// rewriteLiveFlowsTx applies a rename to the published copies too: customers
// run those, and they must not go on calling an API or reading an attribute
// by a name that no longer exists until someone publishes again.
func rewriteLiveFlowsTx(ctx context.Context, q Execer, change func(*flow.Flow) bool) error {
	rows, err := q.QueryContext(ctx, `SELECT `+liveColumns+` FROM flows WHERE published = 1 AND live_document IS NOT NULL`)
	if err != nil {
		return fmt.Errorf("store: load live flows: %w", err)
	}
	var live []flow.Flow
	for rows.Next() {
		f, err := scanFlow(rows)
		if err != nil {
			rows.Close()
			return fmt.Errorf("store: load live flows: %w", err)
		}
		live = append(live, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: load live flows: %w", err)
	}
	for _, f := range live {
		if !change(&f) {
			continue
		}
		doc, err := encodeDocument(f)
		if err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, `UPDATE flows SET live_document = ?, live_version = MAX(version, live_version) + 1 WHERE id = ?`,
			doc, f.ID); err != nil {
			return fmt.Errorf("store: update live flow %q: %w", f.Name, err)
		}
	}
	return nil
}
