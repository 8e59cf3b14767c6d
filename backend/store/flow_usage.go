package store

import (
	"context"
	"fmt"

	"chatflow/backend/flow"
)

// RenameAttributeInFlowsTx renames an attribute in every flow document that
// uses it (attribute fields, placeholders, expressions), as a new version of
// each changed flow. Run it in the transaction that renames the attribute.
func RenameAttributeInFlowsTx(ctx context.Context, q Execer, oldName, newName string) error {
	return rewriteFlowsTx(ctx, q, func(f *flow.Flow) bool { return flow.RenameAttribute(f, oldName, newName) })
}

// renameAPIInFlowsTx points every api node calling oldName at newName.
func renameAPIInFlowsTx(ctx context.Context, q Execer, oldName, newName string) error {
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
