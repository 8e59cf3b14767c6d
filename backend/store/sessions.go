package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// A session is where one contact stands in the published flow. Its form is
// the engine's business (the inbox encodes and decodes it); the store keeps
// it as opaque JSON so that it depends on no part of the runtime.

// SessionTx returns the stored session state (JSON) of a contact. A contact
// that never wrote has none: the result is then ErrNotFound.
func SessionTx(ctx context.Context, q Execer, contactID int64) ([]byte, error) {
	var state []byte
	err := q.QueryRowContext(ctx, `SELECT state FROM sessions WHERE contact_id = ?`, contactID).Scan(&state)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: session of contact %d: %w", contactID, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: load session of contact %d: %w", contactID, err)
	}
	return state, nil
}

// SaveSessionTx stores a contact's session state (JSON), replacing the
// previous one, inside the caller's transaction (the inbox saves it together
// with the turn's replies).
func SaveSessionTx(ctx context.Context, q Execer, contactID int64, state []byte) error {
	_, err := q.ExecContext(ctx, `INSERT INTO sessions(contact_id, state, updated_at) VALUES(?, ?, ?)
		ON CONFLICT(contact_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
		contactID, string(state), time.Now().UnixMilli())
	if err != nil {
		return fmt.Errorf("store: save session of contact %d: %w", contactID, err)
	}
	return nil
}

// DeleteSessionTx forgets a contact's session (the inbox's "restart
// session"): the next message starts from the published flow's start node.
func DeleteSessionTx(ctx context.Context, q Execer, contactID int64) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM sessions WHERE contact_id = ?`, contactID); err != nil {
		return fmt.Errorf("store: delete session of contact %d: %w", contactID, err)
	}
	return nil
}
