package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"chatflow/backend/flow"
)

// Publishing: at most one flow is published (a partial unique index holds
// the rule, PublishFlowTx switches inside one transaction), and customers
// get the copy of the document taken when it was published, so that drafts
// saved while editing never reach them.

// PublishedFlow loads the live flow as it was published (not the draft
// saved since), or fails with ErrNotFound when no flow is published.
func (db *DB) PublishedFlow(ctx context.Context) (flow.Flow, error) {
	f, err := db.liveFlow(ctx, "published", `published = 1`)
	if errors.Is(err, sql.ErrNoRows) {
		return flow.Flow{}, fmt.Errorf("store: published flow: %w", ErrNotFound)
	}
	if err != nil {
		return flow.Flow{}, fmt.Errorf("store: load published flow: %w", err)
	}
	return f, nil
}

// LiveFlow loads the published copy of flow id, which is what a customer's
// session runs. It fails with ErrNotFound when the flow is deleted or no
// longer published.
func (db *DB) LiveFlow(ctx context.Context, id int64) (flow.Flow, error) {
	f, err := db.liveFlow(ctx, fmt.Sprint("flow:", id), `id = ? AND published = 1`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return flow.Flow{}, fmt.Errorf("store: live flow %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return flow.Flow{}, fmt.Errorf("store: load live flow %d: %w", id, err)
	}
	return f, nil
}

// PublishFlow makes id the one published flow, unpublishing the previous
// one in the same transaction, and copies its current document as the live
// one (publishing again takes the latest draft live).
func (db *DB) PublishFlow(ctx context.Context, id int64) error {
	return db.Tx(ctx, func(tx *sql.Tx) error { return PublishFlowTx(ctx, tx, id) })
}

// PublishFlowTx is PublishFlow inside the caller's transaction.
func PublishFlowTx(ctx context.Context, q Execer, id int64) error {
	if _, err := q.ExecContext(ctx, `UPDATE flows SET published = 0, live_document = NULL, live_version = 0
		WHERE published = 1 AND id <> ?`, id); err != nil {
		return fmt.Errorf("store: unpublish flows: %w", err)
	}
	res, err := q.ExecContext(ctx, `UPDATE flows SET published = 1, live_document = document, live_version = version
		WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("store: publish flow %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: flow %d: %w", id, ErrNotFound)
	}
	return nil
}

// UnpublishFlow takes a flow off the air; no flow is live afterwards.
func (db *DB) UnpublishFlow(ctx context.Context, id int64) error {
	res, err := db.W.ExecContext(ctx, `UPDATE flows SET published = 0, live_document = NULL, live_version = 0 WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("store: unpublish flow %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: flow %d: %w", id, ErrNotFound)
	}
	return nil
}
