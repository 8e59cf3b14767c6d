package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"chatflow/backend/apicall"
	"chatflow/backend/flow"
)

// The live bot reads the published flow and the API definitions it calls on
// every turn, so that a publish or a save (from this window, a second
// process or `chatflow import`) applies to the very next message. Decoding
// their JSON was most of that cost (docs/performance.md), so the decoded
// value is kept with the exact text it came from and reused while the
// stored text is unchanged: the rows are still read each time, and there is
// nothing to invalidate.
//
// What a memo returns is shared between turns and must be treated as
// read-only; the engine and the API runner only read flows and definitions.

// memoMaxKeys bounds a memo; past it the memo starts over.
const memoMaxKeys = 256

// memo maps a key (a flow id, an API name) to the decoded form of the text
// last seen under it.
type memo[T any] struct {
	mu      sync.Mutex
	entries map[string]memoEntry[T]
}

type memoEntry[T any] struct {
	text  string
	value T
}

// get returns the value decoded from text, decoding only when text differs
// from what was last seen under key.
func (m *memo[T]) get(key, text string, decode func(string) (T, error)) (T, error) {
	m.mu.Lock()
	e, ok := m.entries[key]
	m.mu.Unlock()
	if ok && e.text == text {
		return e.value, nil
	}
	v, err := decode(text)
	if err != nil {
		return v, err
	}
	m.mu.Lock()
	if m.entries == nil || len(m.entries) >= memoMaxKeys {
		m.entries = map[string]memoEntry[T]{}
	}
	m.entries[key] = memoEntry[T]{text: text, value: v}
	m.mu.Unlock()
	return v, nil
}

// liveMemos are the DB's memos for the live bot.
type liveMemos struct {
	flows memo[flow.Flow]
	apis  memo[apicall.Definition]
}

// liveFlow reads one published copy through the flow memo. where selects
// the row (the published flow, or a flow by id).
func (db *DB) liveFlow(ctx context.Context, where string, args ...any) (flow.Flow, error) {
	var (
		f       flow.Flow
		doc     sql.NullString
		updated int64
	)
	err := db.R.QueryRowContext(ctx, `SELECT `+liveColumns+` FROM flows WHERE `+where, args...).
		Scan(&f.ID, &f.Name, &f.Published, &f.Version, &doc, &updated)
	if err != nil {
		return flow.Flow{}, err
	}
	// Every column is part of the key, so a rename or a republish of the
	// same document is seen too.
	key := fmt.Sprint(f.ID)
	text := fmt.Sprintf("%s\x00%t\x00%d\x00%d\x00%s", f.Name, f.Published, f.Version, updated, doc.String)
	return db.live.flows.get(key, text, func(string) (flow.Flow, error) {
		return decodeFlow(f, doc, updated)
	})
}

// LiveAPI loads the definition of the API called name for the live bot:
// only the definition column (not the stored sample response), decoded once
// per change.
func (db *DB) LiveAPI(ctx context.Context, name string) (apicall.Definition, error) {
	var id int64
	var doc string
	err := db.R.QueryRowContext(ctx, `SELECT id, definition FROM apis WHERE name = ?`, name).Scan(&id, &doc)
	if errors.Is(err, sql.ErrNoRows) {
		return apicall.Definition{}, fmt.Errorf("store: api %q: %w", name, errors.Join(ErrNotFound, apicall.ErrNotFound))
	}
	if err != nil {
		return apicall.Definition{}, fmt.Errorf("store: load api %q: %w", name, err)
	}
	return db.live.apis.get(name, fmt.Sprintf("%d\x00%s", id, doc), func(string) (apicall.Definition, error) {
		return decodeAPIDefinition(id, doc)
	})
}
