package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"chatflow/backend/apicall"
)

// API is a saved API definition with its timestamps.
type API struct {
	apicall.Definition
	CreatedAt time.Time
	UpdatedAt time.Time
}

const apiColumns = `id, definition, sample_response, sample_structure, created_at, updated_at`

// APIs lists saved APIs by name. A non-empty search keeps those whose name
// or URL contains it, ignoring case.
func (db *DB) APIs(ctx context.Context, search string) ([]API, error) {
	like := "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(strings.TrimSpace(search)) + "%"
	rows, err := db.R.QueryContext(ctx, `SELECT `+apiColumns+` FROM apis
		WHERE name LIKE ? ESCAPE '\' OR json_extract(definition, '$.url') LIKE ? ESCAPE '\'
		ORDER BY name COLLATE NOCASE`, like, like)
	if err != nil {
		return nil, fmt.Errorf("store: list apis: %w", err)
	}
	defer rows.Close()
	out := []API{}
	for rows.Next() {
		a, err := scanAPI(rows)
		if err != nil {
			return nil, fmt.Errorf("store: list apis: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list apis: %w", err)
	}
	return out, nil
}

// API loads one saved API by id.
func (db *DB) API(ctx context.Context, id int64) (API, error) {
	a, err := scanAPI(db.R.QueryRowContext(ctx, `SELECT `+apiColumns+` FROM apis WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return API{}, fmt.Errorf("store: api %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return API{}, fmt.Errorf("store: load api %d: %w", id, err)
	}
	return a, nil
}

// APIByName loads a saved API by name (ignoring case), as flows name them.
// Its not-found error matches both ErrNotFound and apicall.ErrNotFound, so
// it satisfies apicall.Store.
func (db *DB) APIByName(ctx context.Context, name string) (apicall.Definition, error) {
	return APIByNameTx(ctx, db.R, name)
}

// APIByNameTx is APIByName inside the caller's transaction.
func APIByNameTx(ctx context.Context, q Execer, name string) (apicall.Definition, error) {
	a, err := scanAPI(q.QueryRowContext(ctx, `SELECT `+apiColumns+` FROM apis WHERE name = ?`, name))
	if errors.Is(err, sql.ErrNoRows) {
		return apicall.Definition{}, fmt.Errorf("store: api %q: %w", name, errors.Join(ErrNotFound, apicall.ErrNotFound))
	}
	if err != nil {
		return apicall.Definition{}, fmt.Errorf("store: load api %q: %w", name, err)
	}
	return a.Definition, nil
}

// SaveAPI creates the API (ID 0) or replaces the one with def.ID, after
// checking it with Validate. Renaming an API renames it in every flow that
// calls it, in the same transaction. A new API takes over the logged test
// calls that were made under its name before it was saved. It fails with ErrConflict when another
// API has the name, and ErrNotFound when def.ID does not exist.
func (db *DB) SaveAPI(ctx context.Context, def apicall.Definition) (API, error) {
	def = def.Normalized()
	var id int64
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		oldName := ""
		if def.ID != 0 {
			err := tx.QueryRowContext(ctx, `SELECT name FROM apis WHERE id = ?`, def.ID).Scan(&oldName)
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("store: api %d: %w", def.ID, ErrNotFound)
			}
			if err != nil {
				return fmt.Errorf("store: load api %d: %w", def.ID, err)
			}
		}
		var err error
		if id, err = SaveAPITx(ctx, tx, def); err != nil {
			return err
		}
		if def.ID == 0 {
			// Tests run before the first save were logged under the name alone;
			// they belong to the API now.
			if _, err := tx.ExecContext(ctx, `UPDATE api_call_log SET api_id = ? WHERE api_id IS NULL AND api_name = ? COLLATE NOCASE`,
				id, def.Name); err != nil {
				return fmt.Errorf("store: adopt test calls of %q: %w", def.Name, err)
			}
		}
		if oldName != "" && oldName != def.Name {
			return renameAPIInFlowsTx(ctx, tx, oldName, def.Name)
		}
		return nil
	})
	if err != nil {
		return API{}, err
	}
	return db.API(ctx, id)
}

// SaveAPITx is SaveAPI inside the caller's transaction; it returns the id.
func SaveAPITx(ctx context.Context, q Execer, def apicall.Definition) (int64, error) {
	def = def.Normalized()
	if err := def.Validate(); err != nil {
		return 0, fmt.Errorf("store: save api: %w", err)
	}
	doc, structure, err := encodeAPI(def)
	if err != nil {
		return 0, err
	}
	now := time.Now().UnixMilli()
	if def.ID == 0 {
		var id int64
		err := q.QueryRowContext(ctx, `INSERT INTO apis(name, definition, sample_response, sample_structure, created_at, updated_at)
			VALUES(?, ?, ?, ?, ?, ?) RETURNING id`, def.Name, doc, def.SampleResponse, structure, now, now).Scan(&id)
		if uniqueViolation(err) {
			return 0, fmt.Errorf("store: create api %q: %w", def.Name, ErrConflict)
		}
		if err != nil {
			return 0, fmt.Errorf("store: create api %q: %w", def.Name, err)
		}
		return id, nil
	}
	res, err := q.ExecContext(ctx, `UPDATE apis SET name = ?, definition = ?, sample_response = ?, sample_structure = ?, updated_at = ?
		WHERE id = ?`, def.Name, doc, def.SampleResponse, structure, now, def.ID)
	if uniqueViolation(err) {
		return 0, fmt.Errorf("store: rename api to %q: %w", def.Name, ErrConflict)
	}
	if err != nil {
		return 0, fmt.Errorf("store: update api %d: %w", def.ID, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return 0, fmt.Errorf("store: api %d: %w", def.ID, ErrNotFound)
	}
	return def.ID, nil
}

// DeleteAPI removes a saved API and its call log. Checking that no flow
// uses it is the caller's job.
func (db *DB) DeleteAPI(ctx context.Context, id int64) error {
	res, err := db.W.ExecContext(ctx, `DELETE FROM apis WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("store: delete api %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("store: api %d: %w", id, ErrNotFound)
	}
	return nil
}

// renameInAPIs points every API's mappings and placeholders that use
// oldName at newName.
func renameInAPIs(ctx context.Context, tx *sql.Tx, oldName, newName string) error {
	rows, err := tx.QueryContext(ctx, `SELECT `+apiColumns+` FROM apis`)
	if err != nil {
		return fmt.Errorf("store: rename attribute in apis: %w", err)
	}
	var changed []apicall.Definition
	for rows.Next() {
		a, err := scanAPI(rows)
		if err != nil {
			rows.Close()
			return fmt.Errorf("store: rename attribute in apis: %w", err)
		}
		if len(a.UsesOf(oldName)) > 0 {
			changed = append(changed, a.RenameAttribute(oldName, newName))
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: rename attribute in apis: %w", err)
	}
	for _, d := range changed {
		doc, _, err := encodeAPI(d)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE apis SET definition = ?, updated_at = ? WHERE id = ?`,
			doc, time.Now().UnixMilli(), d.ID); err != nil {
			return fmt.Errorf("store: rename attribute in api %q: %w", d.Name, err)
		}
	}
	return nil
}

// encodeAPI returns the definition JSON (without id and samples) and the
// structure JSON.
func encodeAPI(def apicall.Definition) (string, string, error) {
	structure := def.SampleStructure
	if structure == nil {
		structure = []apicall.PathSample{}
	}
	def.ID, def.SampleResponse, def.SampleStructure = 0, "", nil
	doc, err := json.Marshal(def)
	if err != nil {
		return "", "", fmt.Errorf("store: encode api %q: %w", def.Name, err)
	}
	st, err := json.Marshal(structure)
	if err != nil {
		return "", "", fmt.Errorf("store: encode api %q: %w", def.Name, err)
	}
	return string(doc), string(st), nil
}

// decodeAPIDefinition reads the stored definition of API id.
func decodeAPIDefinition(id int64, doc string) (apicall.Definition, error) {
	var def apicall.Definition
	if err := json.Unmarshal([]byte(doc), &def); err != nil {
		return apicall.Definition{}, fmt.Errorf("api %d has an unreadable definition: %w", id, err)
	}
	return def.Normalized(), nil
}

func scanAPI(row interface{ Scan(...any) error }) (API, error) {
	var (
		a                 API
		id                int64
		doc, structure    string
		sample            string
		created, modified int64
	)
	if err := row.Scan(&id, &doc, &sample, &structure, &created, &modified); err != nil {
		return API{}, err
	}
	def, err := decodeAPIDefinition(id, doc)
	if err != nil {
		return API{}, err
	}
	a.Definition = def
	if err := json.Unmarshal([]byte(structure), &a.SampleStructure); err != nil {
		a.SampleStructure = nil
	}
	a.ID, a.SampleResponse = id, sample
	if a.SampleStructure == nil {
		a.SampleStructure = []apicall.PathSample{}
	}
	a.CreatedAt, a.UpdatedAt = time.UnixMilli(created), time.UnixMilli(modified)
	return a, nil
}
