package store

import (
	"context"
	"fmt"
	"time"

	"chatflow/backend/attribute"
)

// ContactAttributes returns one contact's stored attribute values.
func (db *DB) ContactAttributes(ctx context.Context, contactID int64) (attribute.Values, error) {
	return ContactAttributesTx(ctx, db.R, contactID)
}

// ContactAttributesTx is ContactAttributes inside the caller's transaction.
func ContactAttributesTx(ctx context.Context, q Execer, contactID int64) (attribute.Values, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, value FROM contact_attributes WHERE contact_id = ?`, contactID)
	if err != nil {
		return nil, fmt.Errorf("store: load attributes of contact %d: %w", contactID, err)
	}
	defer rows.Close()
	out := attribute.Values{}
	for rows.Next() {
		var name, value string
		if err := rows.Scan(&name, &value); err != nil {
			return nil, fmt.Errorf("store: load attributes of contact %d: %w", contactID, err)
		}
		out[name] = value
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: load attributes of contact %d: %w", contactID, err)
	}
	return out, nil
}

// SetContactAttribute stores one value (already coerced to its type, see
// attribute.Coerce) for a contact; an empty value removes it.
func (db *DB) SetContactAttribute(ctx context.Context, contactID int64, name, value string) error {
	return SetContactAttributesTx(ctx, db.W, contactID, attribute.Values{name: value})
}

// SetContactAttributesTx stores several values for a contact inside the
// caller's transaction (the inbox saves a turn's attribute changes together
// with the session). Empty values remove the stored value. Built-in
// attributes are not stored here: contact.name and contact.phone live on the
// contact, and api.*/message.text are per turn.
func SetContactAttributesTx(ctx context.Context, q Execer, contactID int64, values attribute.Values) error {
	now := time.Now().UnixMilli()
	for name, value := range values {
		if attribute.IsBuiltIn(name) {
			continue
		}
		var err error
		if value == "" {
			_, err = q.ExecContext(ctx, `DELETE FROM contact_attributes WHERE contact_id = ? AND name = ?`, contactID, name)
		} else {
			_, err = q.ExecContext(ctx, `INSERT INTO contact_attributes(contact_id, name, value, updated_at) VALUES(?, ?, ?, ?)
				ON CONFLICT(contact_id, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
				contactID, name, value, now)
		}
		if err != nil {
			return fmt.Errorf("store: save attribute %q of contact %d: %w", name, contactID, err)
		}
	}
	return nil
}
