package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"chatflow/backend/engine"
)

// Session loads the engine session of a contact. A contact that never wrote
// has none: the result is then ErrNotFound, and a zero engine.Session (with
// ContactID set) is the right start.
func (db *DB) Session(ctx context.Context, contactID int64) (engine.Session, error) {
	return SessionTx(ctx, db.R, contactID)
}

// SessionTx is Session inside the caller's transaction.
func SessionTx(ctx context.Context, q Execer, contactID int64) (engine.Session, error) {
	var state string
	err := q.QueryRowContext(ctx, `SELECT state FROM sessions WHERE contact_id = ?`, contactID).Scan(&state)
	if errors.Is(err, sql.ErrNoRows) {
		return engine.Session{ContactID: contactID}, fmt.Errorf("store: session of contact %d: %w", contactID, ErrNotFound)
	}
	if err != nil {
		return engine.Session{}, fmt.Errorf("store: load session of contact %d: %w", contactID, err)
	}
	var s engine.Session
	if err := json.Unmarshal([]byte(state), &s); err != nil {
		return engine.Session{}, fmt.Errorf("store: session of contact %d is unreadable: %w", contactID, err)
	}
	s.ContactID = contactID
	return s, nil
}

// SaveSession stores the session of s.ContactID, replacing the previous one.
func (db *DB) SaveSession(ctx context.Context, s engine.Session) error {
	return SaveSessionTx(ctx, db.W, s)
}

// SaveSessionTx is SaveSession inside the caller's transaction (the inbox
// saves the session together with the outgoing replies).
func SaveSessionTx(ctx context.Context, q Execer, s engine.Session) error {
	state, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("store: encode session of contact %d: %w", s.ContactID, err)
	}
	_, err = q.ExecContext(ctx, `INSERT INTO sessions(contact_id, state, updated_at) VALUES(?, ?, ?)
		ON CONFLICT(contact_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
		s.ContactID, string(state), time.Now().UnixMilli())
	if err != nil {
		return fmt.Errorf("store: save session of contact %d: %w", s.ContactID, err)
	}
	return nil
}

// DeleteSession forgets a contact's session (the inbox's "restart session");
// the next message starts from the published flow's start node.
func (db *DB) DeleteSession(ctx context.Context, contactID int64) error {
	if _, err := db.W.ExecContext(ctx, `DELETE FROM sessions WHERE contact_id = ?`, contactID); err != nil {
		return fmt.Errorf("store: delete session of contact %d: %w", contactID, err)
	}
	return nil
}
