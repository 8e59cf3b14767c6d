package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/flow"
)

// The live bot reads the published flow, the API definitions it calls and
// the attribute definitions on every turn, so that a publish or a save
// (from this window, a second process or `chatflow import`) applies to the
// very next message. Reading and decoding them was about a tenth of the CPU
// a message cost (docs/performance.md). Triggers move a counter,
// definitions_version, on every change to those tables (migration 0007),
// so a turn reads that one row and reuses what it decoded while the counter
// stands still.
//
// What the cache returns is shared between turns and must be treated as
// read-only; the engine and the API runner only read flows, definitions and
// attributes.
//
// A turn reads the counter once, with its work (DueWork), and passes it down
// in its context (WithDefinitionsVersion), so the turn's reads of the flow,
// the APIs and the attributes cost no statement at all while nothing
// changes; a read without it in its context reads the counter itself.

// definitionsVersionKey carries a definitions version in a context.
type definitionsVersionKey struct{}

// WithDefinitionsVersion returns ctx carrying the definitions version read
// with a turn's work: the live reads made with it use that version instead
// of reading the counter again.
func WithDefinitionsVersion(ctx context.Context, version int64) context.Context {
	return context.WithValue(ctx, definitionsVersionKey{}, version)
}

// liveDefs holds decoded definitions for one value of definitions_version.
type liveDefs struct {
	mu      sync.Mutex
	version int64
	entries map[string]any
}

// liveGet returns the value cached under key for the current definitions,
// loading it when the definitions changed since it was cached.
func liveGet[T any](ctx context.Context, db *DB, key string, load func() (T, error)) (T, error) {
	var zero T
	// The version is read before the value: a change between the two makes
	// the next read load again, never keeps an old value under a new
	// version.
	version, ok := ctx.Value(definitionsVersionKey{}).(int64)
	if !ok {
		if err := db.R.QueryRowContext(ctx, `SELECT version FROM definitions_version WHERE id = 1`).Scan(&version); err != nil {
			return zero, fmt.Errorf("store: read definitions version: %w", err)
		}
	}
	c := &db.defs
	c.mu.Lock()
	// The counter only grows: a turn holding an older version than the
	// cache (it read its work before a change) uses the newer definitions.
	if c.entries == nil || version > c.version {
		c.entries, c.version = map[string]any{}, version
	}
	version = c.version
	v, ok := c.entries[key]
	c.mu.Unlock()
	if ok {
		return v.(T), nil
	}
	loaded, err := load()
	if err != nil {
		return zero, err
	}
	c.mu.Lock()
	if c.version == version {
		c.entries[key] = loaded
	}
	c.mu.Unlock()
	return loaded, nil
}

// liveFlow reads one published copy. where selects the row (the published
// flow, or a flow by id).
func (db *DB) liveFlow(ctx context.Context, key, where string, args ...any) (flow.Flow, error) {
	return liveGet(ctx, db, key, func() (flow.Flow, error) {
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
		return decodeFlow(f, doc, updated)
	})
}

// LiveAPI loads the definition of the API called name for the live bot:
// only the definition column (not the stored sample response).
func (db *DB) LiveAPI(ctx context.Context, name string) (apicall.Definition, error) {
	return liveGet(ctx, db, "api:"+name, func() (apicall.Definition, error) {
		var id int64
		var doc string
		err := db.R.QueryRowContext(ctx, `SELECT id, definition FROM apis WHERE name = ?`, name).Scan(&id, &doc)
		if errors.Is(err, sql.ErrNoRows) {
			return apicall.Definition{}, fmt.Errorf("store: api %q: %w", name, errors.Join(ErrNotFound, apicall.ErrNotFound))
		}
		if err != nil {
			return apicall.Definition{}, fmt.Errorf("store: load api %q: %w", name, err)
		}
		return decodeAPIDefinition(id, doc)
	})
}

// LiveAttributes is Attributes for the live bot, read through the cache.
func (db *DB) LiveAttributes(ctx context.Context) ([]attribute.Definition, error) {
	return liveGet(ctx, db, "attributes", func() ([]attribute.Definition, error) { return db.Attributes(ctx) })
}
