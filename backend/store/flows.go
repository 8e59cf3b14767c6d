package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"chatflow/backend/flow"
)

// FlowSummary is one row of the flows list.
type FlowSummary struct {
	ID        int64
	Name      string
	Published bool
	Valid     bool
	Problems  int
	Version   int
	// LiveVersion is the version customers get (0 when not published); a
	// published flow with Version > LiveVersion has unpublished changes.
	LiveVersion int
	UpdatedAt   time.Time
}

// FlowCheck is the outcome of validating a flow when it is saved, kept for
// the list: Valid means no errors; Problems counts errors and warnings.
type FlowCheck struct {
	Valid    bool
	Problems int
}

// document is the stored JSON of a flow: what the editor draws.
type document struct {
	Nodes []flow.Node `json:"nodes"`
	Edges []flow.Edge `json:"edges"`
}

// flowColumns read the draft: the document the editor saves.
const flowColumns = `id, name, published, version, document, updated_at`

// liveColumns read the published copy that customers get.
const liveColumns = `id, name, published, live_version, live_document, updated_at`

// Flows lists every flow by name.
func (db *DB) Flows(ctx context.Context) ([]FlowSummary, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT id, name, published, valid, problems, version,
		CASE WHEN published = 1 THEN live_version ELSE 0 END, updated_at FROM flows ORDER BY name COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("store: list flows: %w", err)
	}
	defer rows.Close()
	out := []FlowSummary{}
	for rows.Next() {
		var s FlowSummary
		var updated int64
		if err := rows.Scan(&s.ID, &s.Name, &s.Published, &s.Valid, &s.Problems, &s.Version, &s.LiveVersion, &updated); err != nil {
			return nil, fmt.Errorf("store: list flows: %w", err)
		}
		s.UpdatedAt = time.UnixMilli(updated)
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list flows: %w", err)
	}
	return out, nil
}

// Flow loads one flow with its document.
func (db *DB) Flow(ctx context.Context, id int64) (flow.Flow, error) {
	return FlowTx(ctx, db.R, id)
}

// FlowTx is Flow inside the caller's transaction.
func FlowTx(ctx context.Context, q Execer, id int64) (flow.Flow, error) {
	return loadFlow(ctx, q, "id", id, fmt.Sprint(id))
}

// FlowByName loads one flow by name, ignoring case.
func (db *DB) FlowByName(ctx context.Context, name string) (flow.Flow, error) {
	return FlowByNameTx(ctx, db.R, name)
}

// FlowByNameTx is FlowByName inside the caller's transaction.
func FlowByNameTx(ctx context.Context, q Execer, name string) (flow.Flow, error) {
	return loadFlow(ctx, q, "name", name, fmt.Sprintf("%q", name))
}

// loadFlow loads the one flow whose column equals key; label names it in
// errors. column is always a constant of this file, never user input.
func loadFlow(ctx context.Context, q Execer, column string, key any, label string) (flow.Flow, error) {
	f, err := scanFlow(q.QueryRowContext(ctx, `SELECT `+flowColumns+` FROM flows WHERE `+column+` = ?`, key))
	if errors.Is(err, sql.ErrNoRows) {
		return flow.Flow{}, fmt.Errorf("store: flow %s: %w", label, ErrNotFound)
	}
	if err != nil {
		return flow.Flow{}, fmt.Errorf("store: load flow %s: %w", label, err)
	}
	return f, nil
}

// AllFlows loads every flow with its document, by name (export, usage checks).
func (db *DB) AllFlows(ctx context.Context) ([]flow.Flow, error) {
	return AllFlowsTx(ctx, db.R)
}

// AllFlowsTx is AllFlows inside the caller's transaction.
func AllFlowsTx(ctx context.Context, q Execer) ([]flow.Flow, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+flowColumns+` FROM flows ORDER BY name COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("store: load flows: %w", err)
	}
	defer rows.Close()
	out := []flow.Flow{}
	for rows.Next() {
		f, err := scanFlow(rows)
		if err != nil {
			return nil, fmt.Errorf("store: load flows: %w", err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: load flows: %w", err)
	}
	return out, nil
}

// CreateFlow stores a new unpublished flow at version 1. It fails with
// ErrConflict when the name is taken (ignoring case).
func (db *DB) CreateFlow(ctx context.Context, f flow.Flow, check FlowCheck) (flow.Flow, error) {
	return CreateFlowTx(ctx, db.W, f, check)
}

// CreateFlowTx is CreateFlow inside the caller's transaction.
func CreateFlowTx(ctx context.Context, q Execer, f flow.Flow, check FlowCheck) (flow.Flow, error) {
	name, err := flowName(f.Name)
	if err != nil {
		return flow.Flow{}, err
	}
	doc, err := encodeDocument(f)
	if err != nil {
		return flow.Flow{}, err
	}
	now := time.Now().UnixMilli()
	var id int64
	err = q.QueryRowContext(ctx, `INSERT INTO flows(name, document, version, valid, problems, created_at, updated_at)
		VALUES(?, ?, 1, ?, ?, ?, ?) RETURNING id`, name, doc, check.Valid, check.Problems, now, now).Scan(&id)
	if uniqueViolation(err) {
		return flow.Flow{}, fmt.Errorf("store: create flow %q: %w", name, ErrConflict)
	}
	if err != nil {
		return flow.Flow{}, fmt.Errorf("store: create flow %q: %w", name, err)
	}
	return FlowTx(ctx, q, id)
}

// SaveFlow stores a new document (and name) for an existing flow, adding one
// to its version. The published flag is not changed here.
func (db *DB) SaveFlow(ctx context.Context, f flow.Flow, check FlowCheck) (flow.Flow, error) {
	return SaveFlowTx(ctx, db.W, f, check)
}

// SaveFlowTx is SaveFlow inside the caller's transaction.
func SaveFlowTx(ctx context.Context, q Execer, f flow.Flow, check FlowCheck) (flow.Flow, error) {
	name, err := flowName(f.Name)
	if err != nil {
		return flow.Flow{}, err
	}
	doc, err := encodeDocument(f)
	if err != nil {
		return flow.Flow{}, err
	}
	res, err := q.ExecContext(ctx, `UPDATE flows SET name = ?, document = ?, version = version + 1, valid = ?, problems = ?,
		updated_at = ? WHERE id = ?`, name, doc, check.Valid, check.Problems, time.Now().UnixMilli(), f.ID)
	if uniqueViolation(err) {
		return flow.Flow{}, fmt.Errorf("store: save flow %q: %w", name, ErrConflict)
	}
	if err != nil {
		return flow.Flow{}, fmt.Errorf("store: save flow %d: %w", f.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return flow.Flow{}, fmt.Errorf("store: flow %d: %w", f.ID, ErrNotFound)
	}
	return FlowTx(ctx, q, f.ID)
}

// RenameFlow changes a flow's name without touching its document or version.
func (db *DB) RenameFlow(ctx context.Context, id int64, name string) error {
	name, err := flowName(name)
	if err != nil {
		return err
	}
	res, err := db.W.ExecContext(ctx, `UPDATE flows SET name = ?, updated_at = ? WHERE id = ?`, name, time.Now().UnixMilli(), id)
	if uniqueViolation(err) {
		return fmt.Errorf("store: rename flow to %q: %w", name, ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("store: rename flow %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: flow %d: %w", id, ErrNotFound)
	}
	return nil
}

// DeleteFlow removes a flow. Deleting the published flow leaves none live.
func (db *DB) DeleteFlow(ctx context.Context, id int64) error {
	res, err := db.W.ExecContext(ctx, `DELETE FROM flows WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("store: delete flow %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: flow %d: %w", id, ErrNotFound)
	}
	return nil
}

func flowName(name string) (string, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return "", fmt.Errorf("store: save flow: a name is required")
	case len([]rune(name)) > flow.MaxFlowNameLength:
		return "", fmt.Errorf("store: save flow: the name is longer than %d characters", flow.MaxFlowNameLength)
	}
	return name, nil
}

func encodeDocument(f flow.Flow) (string, error) {
	d := document{Nodes: f.Nodes, Edges: f.Edges}
	if d.Nodes == nil {
		d.Nodes = []flow.Node{}
	}
	if d.Edges == nil {
		d.Edges = []flow.Edge{}
	}
	b, err := json.Marshal(d)
	if err != nil {
		return "", fmt.Errorf("store: encode flow %q: %w", f.Name, err)
	}
	return string(b), nil
}

func scanFlow(r rowScanner) (flow.Flow, error) {
	var f flow.Flow
	var doc sql.NullString
	var updated int64
	if err := r.Scan(&f.ID, &f.Name, &f.Published, &f.Version, &doc, &updated); err != nil {
		return flow.Flow{}, err
	}
	return decodeFlow(f, doc, updated)
}

// decodeFlow completes f (its columns scanned) with its document.
func decodeFlow(f flow.Flow, doc sql.NullString, updated int64) (flow.Flow, error) {
	var d document
	if doc.Valid {
		if err := json.Unmarshal([]byte(doc.String), &d); err != nil {
			return flow.Flow{}, fmt.Errorf("flow %q has an unreadable document: %w", f.Name, err)
		}
	}
	f.Nodes, f.Edges = d.Nodes, d.Edges
	if f.Nodes == nil {
		f.Nodes = []flow.Node{}
	}
	if f.Edges == nil {
		f.Edges = []flow.Edge{}
	}
	f.UpdatedAt = time.UnixMilli(updated).UTC().Format(time.RFC3339)
	return f, nil
}
