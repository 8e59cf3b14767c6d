package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"chatflow/backend/attribute"
)

// Attributes lists the custom attribute definitions by name. Built-ins are
// not stored; see attribute.BuiltIns.
func (db *DB) Attributes(ctx context.Context) ([]attribute.Definition, error) {
	return AttributesTx(ctx, db.R)
}

// AttributesTx is Attributes inside the caller's transaction.
func AttributesTx(ctx context.Context, q Execer) ([]attribute.Definition, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, type, description FROM attributes ORDER BY name COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("store: list attributes: %w", err)
	}
	defer rows.Close()
	out := []attribute.Definition{}
	for rows.Next() {
		var d attribute.Definition
		if err := rows.Scan(&d.Name, &d.Type, &d.Description); err != nil {
			return nil, fmt.Errorf("store: list attributes: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list attributes: %w", err)
	}
	return out, nil
}

// Attribute loads one custom attribute by name (case-insensitively).
func (db *DB) Attribute(ctx context.Context, name string) (attribute.Definition, error) {
	return attributeTx(ctx, db.R, name)
}

func attributeTx(ctx context.Context, q Execer, name string) (attribute.Definition, error) {
	var d attribute.Definition
	err := q.QueryRowContext(ctx, `SELECT name, type, description FROM attributes WHERE name = ?`, name).
		Scan(&d.Name, &d.Type, &d.Description)
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("store: attribute %q: %w", name, ErrNotFound)
	}
	if err != nil {
		return d, fmt.Errorf("store: load attribute %q: %w", name, err)
	}
	return d, nil
}

// CreateAttribute stores a new custom attribute. It fails with ErrConflict
// when the name is taken (ignoring case) and with a validation error when
// the definition is not valid.
func (db *DB) CreateAttribute(ctx context.Context, d attribute.Definition) error {
	return CreateAttributeTx(ctx, db.W, d)
}

// CreateAttributeTx is CreateAttribute inside the caller's transaction.
func CreateAttributeTx(ctx context.Context, q Execer, d attribute.Definition) error {
	if err := d.Validate(); err != nil {
		return fmt.Errorf("store: create attribute: %w", err)
	}
	now := time.Now().UnixMilli()
	_, err := q.ExecContext(ctx, `INSERT INTO attributes(name, type, description, created_at, updated_at) VALUES(?, ?, ?, ?, ?)`,
		d.Name, d.Type, d.Description, now, now)
	if uniqueViolation(err) {
		return fmt.Errorf("store: create attribute %q: %w", d.Name, ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("store: create attribute %q: %w", d.Name, err)
	}
	return nil
}

// UpdateAttribute changes the attribute called oldName to d in one
// transaction. A rename carries the contacts' values and every API's
// mappings and {{placeholders}} along; a type change converts the stored
// values and is refused (naming a value) when one does not fit the new type.
// extra, when not nil, runs inside the same transaction after the change so
// that a caller can update other documents (flows) atomically.
func (db *DB) UpdateAttribute(ctx context.Context, oldName string, d attribute.Definition, extra func(tx *sql.Tx) error) error {
	if err := d.Validate(); err != nil {
		return fmt.Errorf("store: update attribute: %w", err)
	}
	return db.Tx(ctx, func(tx *sql.Tx) error {
		if err := UpdateAttributeTx(ctx, tx, oldName, d); err != nil {
			return err
		}
		if extra != nil {
			return extra(tx)
		}
		return nil
	})
}

// UpdateAttributeTx is UpdateAttribute inside the caller's transaction
// (without the extra hook: the caller does its own work in tx).
func UpdateAttributeTx(ctx context.Context, tx *sql.Tx, oldName string, d attribute.Definition) error {
	if err := d.Validate(); err != nil {
		return fmt.Errorf("store: update attribute: %w", err)
	}
	old, err := attributeTx(ctx, tx, oldName)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE attributes SET name = ?, type = ?, description = ?, updated_at = ? WHERE name = ?`,
		d.Name, d.Type, d.Description, time.Now().UnixMilli(), old.Name)
	if uniqueViolation(err) {
		return fmt.Errorf("store: rename attribute to %q: %w", d.Name, ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("store: update attribute %q: %w", old.Name, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("store: attribute %q: %w", old.Name, ErrNotFound)
	}
	if old.Type != d.Type {
		if err := convertContactValues(ctx, tx, old.Name, d.Type); err != nil {
			return err
		}
	}
	if old.Name != d.Name {
		if _, err := tx.ExecContext(ctx, `UPDATE contact_attributes SET name = ? WHERE name = ?`, d.Name, old.Name); err != nil {
			return fmt.Errorf("store: rename attribute values: %w", err)
		}
		if err := renameInAPIs(ctx, tx, old.Name, d.Name); err != nil {
			return err
		}
	}
	return nil
}

// ValueMisfitError refuses a type change: a contact's stored value of
// Attribute does not fit Type. Err is attribute.Coerce's reason, which names
// the value.
type ValueMisfitError struct {
	Attribute string
	Type      attribute.Type
	Err       error
}

func (e *ValueMisfitError) Error() string {
	return fmt.Sprintf("store: change type of %q: a contact's value does not fit: %v", e.Attribute, e.Err)
}

func (e *ValueMisfitError) Unwrap() error { return e.Err }

// convertContactValues rewrites every stored value of name in the
// normalized form of type t, or fails naming the first value that does not
// fit.
func convertContactValues(ctx context.Context, tx *sql.Tx, name string, t attribute.Type) error {
	rows, err := tx.QueryContext(ctx, `SELECT contact_id, value FROM contact_attributes WHERE name = ?`, name)
	if err != nil {
		return fmt.Errorf("store: read values of %q: %w", name, err)
	}
	type change struct {
		contact int64
		value   string
	}
	var changes []change
	for rows.Next() {
		var c change
		if err := rows.Scan(&c.contact, &c.value); err != nil {
			rows.Close()
			return fmt.Errorf("store: read values of %q: %w", name, err)
		}
		v, err := attribute.Coerce(t, c.value)
		if err != nil {
			rows.Close()
			return &ValueMisfitError{Attribute: name, Type: t, Err: err}
		}
		changes = append(changes, change{c.contact, v})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: read values of %q: %w", name, err)
	}
	for _, c := range changes {
		if _, err := tx.ExecContext(ctx, `UPDATE contact_attributes SET value = ? WHERE contact_id = ? AND name = ?`, c.value, c.contact, name); err != nil {
			return fmt.Errorf("store: convert values of %q: %w", name, err)
		}
	}
	return nil
}

// DeleteAttribute removes a custom attribute and every contact's value of
// it. Checking that nothing uses it is the caller's job (see
// AttributeUsages).
func (db *DB) DeleteAttribute(ctx context.Context, name string) error {
	return db.Tx(ctx, func(tx *sql.Tx) error {
		old, err := attributeTx(ctx, tx, name)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM attributes WHERE name = ?`, old.Name); err != nil {
			return fmt.Errorf("store: delete attribute %q: %w", old.Name, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM contact_attributes WHERE name = ?`, old.Name); err != nil {
			return fmt.Errorf("store: delete values of %q: %w", old.Name, err)
		}
		return nil
	})
}

// AttributeValueCounts returns, per attribute name, how many contacts have
// a value, for the usage column of the Attributes page.
func (db *DB) AttributeValueCounts(ctx context.Context) (map[string]int, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT name, COUNT(*) FROM contact_attributes GROUP BY name`)
	if err != nil {
		return nil, fmt.Errorf("store: count attribute values: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var name string
		var n int
		if err := rows.Scan(&name, &n); err != nil {
			return nil, fmt.Errorf("store: count attribute values: %w", err)
		}
		out[name] = n
	}
	return out, rows.Err()
}
