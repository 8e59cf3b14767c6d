// Package store keeps everything Chatflow Studio knows in one SQLite file:
// settings, contacts, attributes, APIs, flows, sessions and the message queues.
//
// It opens two pools on the same file. SQLite allows one writer at a time, so
// every write goes through W, a pool of exactly one connection, and queues in
// Go instead of failing with SQLITE_BUSY; reads go through R, which WAL mode
// lets run alongside the writer.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"

	_ "modernc.org/sqlite" // registers the "sqlite" driver (pure Go, no cgo)
)

// ErrNotFound is returned when a requested row does not exist.
var ErrNotFound = errors.New("not found")

// ErrConflict is returned when a write would break a uniqueness rule, such as
// two flows with the same name.
var ErrConflict = errors.New("already exists")

// DB is the opened database with its writer and reader pools.
type DB struct {
	// W is the single-connection pool that every write must use.
	W *sql.DB
	// R is the reader pool; its connections refuse writes.
	R *sql.DB
	// Path is the database file.
	Path  string
	ckpt  *checkpointer
	defs  liveDefs    // the live bot's decoded definitions
	group groupCommit // GroupTx's waiting writers
	stats *counters   // statements and commits (stats.go)
	// contacts answers the webhook's contact lookups (contact_cache.go).
	contacts contactCache
	// backlogged is false once the status backlog was seen empty; only
	// this process adds to it (a status for an id not known yet).
	backlogged atomic.Bool
}

// pragmas are applied by the driver on every new connection. busy_timeout
// comes first so that even the journal_mode switch waits for a lock instead
// of failing when another process holds it.
var pragmas = []string{
	"busy_timeout(10000)",
	"journal_mode(WAL)",
	"synchronous(NORMAL)",
	"foreign_keys(ON)",
	"temp_store(MEMORY)",
}

// dsn builds the modernc driver's connection string for path.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	for _, p := range pragmas {
		q.Add("_pragma", p)
	}
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Add("_pragma", fmt.Sprintf("wal_autocheckpoint(%d)", walBackstopPages))
	}
	q.Set("_txlock", "immediate")
	return "file:" + filepath.ToSlash(path) + "?" + q.Encode()
}

// Open opens (creating if needed) the database at path and brings its schema
// up to date.
func Open(ctx context.Context, path string) (*DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("store: create data folder: %w", err)
	}
	stats := &counters{}
	w := openPool(dsn(path, false), stats)
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	if err := migrate(ctx, w); err != nil {
		w.Close()
		return nil, err
	}
	r := openPool(dsn(path, true), stats)
	n := max(4, runtime.NumCPU())
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	db := &DB{W: w, R: r, Path: path, ckpt: startCheckpointer(path, w, stats), stats: stats}
	db.backlogged.Store(true) // until a send round finds it empty
	return db, nil
}

// Close stops the checkpointer and closes the pools. The last connection to
// close checkpoints what is left and removes the WAL.
func (db *DB) Close() error {
	var ckptErr error
	if db.ckpt != nil {
		ckptErr = db.ckpt.close()
	}
	return errors.Join(ckptErr, db.R.Close(), db.W.Close())
}

// CheckWritable proves the database accepts writes right now: a read-only or
// full disk fails here instead of after a webhook has been acknowledged.
func (db *DB) CheckWritable(ctx context.Context) error {
	_, err := db.W.ExecContext(ctx, `INSERT INTO settings(key, value, updated_at) VALUES('store.writable_probe', '', 0)
		ON CONFLICT(key) DO UPDATE SET updated_at = excluded.updated_at + 1`)
	if err != nil {
		return fmt.Errorf("store: database is not writable: %w", err)
	}
	return nil
}

// Tx runs fn in one write transaction, committing when fn returns nil.
// When it does not commit, the cached contacts are forgotten (the
// transaction may have created one of them).
func (db *DB) Tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := db.W.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		db.contacts.reset()
		return err
	}
	if err := tx.Commit(); err != nil {
		db.contacts.reset()
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}
