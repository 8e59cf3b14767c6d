package inbox

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"chatflow/backend/engine"
	"chatflow/backend/store"
)

// A turn saves the session (engine.Session as JSON, store/sessions.go) and
// the contact's custom attribute values that changed
// (store/contact_attributes.go) in the same transaction as its replies, so
// the three can never disagree (turn.go).

// setPausedTx pauses or resumes the bot for a contact. Resuming also clears
// the handoff mark in the session, so the next message is answered.
func setPausedTx(ctx context.Context, tx *sql.Tx, contactID int64, paused bool) error {
	if err := store.SetBotPausedTx(ctx, tx, contactID, paused); err != nil {
		return err
	}
	if paused {
		return nil
	}
	s, err := sessionTx(ctx, tx, contactID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && !s.Paused) {
		return nil
	}
	if err != nil {
		return err
	}
	s.Paused = false
	return storeSessionTx(ctx, tx, s)
}

// SetPaused pauses or resumes the bot for one contact. While paused, the
// contact's messages are stored and shown but not answered.
func (s *Service) SetPaused(ctx context.Context, contactID int64, paused bool) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error { return setPausedTx(ctx, tx, contactID, paused) })
}

// RestartSession forgets where the contact stands in the flow (its
// attribute values are kept), so the next message starts the flow over.
// It also resumes a bot paused by a handoff.
func (s *Service) RestartSession(ctx context.Context, contactID int64) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := setPausedTx(ctx, tx, contactID, false); err != nil {
			return err
		}
		return store.DeleteSessionTx(ctx, tx, contactID)
	})
}

// Session returns the contact's current session with its stored attribute
// values laid over it (for the inbox's contact panel: where the contact
// stands and its attribute values).
func (s *Service) Session(ctx context.Context, contactID int64) (engine.Session, error) {
	sess, err := sessionTx(ctx, s.db.R, contactID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return engine.Session{}, err
	}
	if sess.Attributes == nil {
		sess.Attributes = map[string]string{}
	}
	values, err := s.db.ContactAttributes(ctx, contactID)
	if err != nil {
		return engine.Session{}, fmt.Errorf("inbox: %w", err)
	}
	for name, value := range values {
		sess.Attributes[name] = value
	}
	return sess, nil
}

// sessionTx decodes the contact's stored session. A contact without one
// gets ErrNotFound and a zero session for that contact.
func sessionTx(ctx context.Context, q store.Execer, contactID int64) (engine.Session, error) {
	state, err := store.SessionTx(ctx, q, contactID)
	if err != nil {
		return engine.Session{ContactID: contactID}, err
	}
	return decodeSession(contactID, state)
}

// decodeSession decodes a stored session (none: a fresh one).
func decodeSession(contactID int64, state []byte) (engine.Session, error) {
	s := engine.Session{ContactID: contactID}
	if state != nil {
		if err := json.Unmarshal(state, &s); err != nil {
			return engine.Session{}, fmt.Errorf("inbox: session of contact %d is unreadable: %w", contactID, err)
		}
		s.ContactID = contactID
	}
	if s.Attributes == nil {
		s.Attributes = map[string]string{}
	}
	return s, nil
}

// storeSessionTx encodes and stores the session of s.ContactID.
func storeSessionTx(ctx context.Context, q store.Execer, s engine.Session) error {
	state, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("inbox: encode session of contact %d: %w", s.ContactID, err)
	}
	return store.SaveSessionTx(ctx, q, s.ContactID, state)
}
