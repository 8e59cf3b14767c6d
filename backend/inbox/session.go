package inbox

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"chatflow/backend/attribute"
	"chatflow/backend/engine"
	"chatflow/backend/store"
)

// A turn saves the session (engine.Session as JSON, store/sessions.go) and the contact's custom
// attribute values (store/contact_attributes.go) in the same transaction as
// its replies, so the three can never disagree.

// loadSession returns the contact's session with its stored attribute values
// laid over it (they may have been edited since); a contact without a
// session gets a fresh one.
func loadSession(ctx context.Context, q store.Execer, contactID int64) (engine.Session, error) {
	s, err := sessionTx(ctx, q, contactID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return engine.Session{}, err
	}
	if s.Attributes == nil {
		s.Attributes = map[string]string{}
	}
	values, err := store.ContactAttributesTx(ctx, q, contactID)
	if err != nil {
		return engine.Session{}, fmt.Errorf("inbox: %w", err)
	}
	for name, value := range values {
		s.Attributes[name] = value
	}
	return s, nil
}

// saveSessionTx stores the session and makes the contact's stored custom
// attribute values equal to the session's (a value the flow cleared is
// removed).
func saveSessionTx(ctx context.Context, tx *sql.Tx, s engine.Session) error {
	if err := storeSessionTx(ctx, tx, s); err != nil {
		return err
	}
	stored, err := store.ContactAttributesTx(ctx, tx, s.ContactID)
	if err != nil {
		return err
	}
	changed := attribute.Values{}
	for name, value := range s.Attributes {
		if stored[name] != value && !attribute.IsBuiltIn(name) {
			changed[name] = value
		}
	}
	for name := range stored {
		if _, kept := s.Attributes[name]; !kept {
			changed[name] = ""
		}
	}
	return store.SetContactAttributesTx(ctx, tx, s.ContactID, changed)
}

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

// Session returns the contact's current session (for the inbox's contact
// panel: where the contact stands and its attribute values).
func (s *Service) Session(ctx context.Context, contactID int64) (engine.Session, error) {
	return loadSession(ctx, s.db.R, contactID)
}

// sessionTx decodes the contact's stored session. A contact without one
// gets ErrNotFound and a zero session for that contact.
func sessionTx(ctx context.Context, q store.Execer, contactID int64) (engine.Session, error) {
	state, err := store.SessionTx(ctx, q, contactID)
	if err != nil {
		return engine.Session{ContactID: contactID}, err
	}
	var s engine.Session
	if err := json.Unmarshal(state, &s); err != nil {
		return engine.Session{}, fmt.Errorf("inbox: session of contact %d is unreadable: %w", contactID, err)
	}
	s.ContactID = contactID
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
