package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"

	"modernc.org/sqlite"
)

// maxCachedStatements bounds the prepared statements kept per connection.
// The store's queries are fixed strings, so a few dozen cover them all; the
// bound only guards against a caller building SQL dynamically.
const maxCachedStatements = 256

// openPool opens a pool whose connections keep their prepared statements.
// The driver otherwise compiles every statement on every call, and on the
// live bot's hot path (a handful of short statements per message) SQLite's
// parser was a quarter of the process's CPU time (docs/performance.md).
func openPool(dsn string, stats *counters) *sql.DB {
	return sql.OpenDB(cachingConnector{dsn: dsn, stats: stats})
}

// cachingConnector opens driver connections that cache statements and
// count what they run.
type cachingConnector struct {
	dsn   string
	stats *counters
}

var sqliteDriver = &sqlite.Driver{}

// Connect opens one connection.
func (c cachingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := sqliteDriver.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	return &cachedConn{conn: conn, stmts: map[string]*cachedStmt{}, stats: c.stats}, nil
}

// Driver returns the underlying driver.
func (c cachingConnector) Driver() driver.Driver { return sqliteDriver }

// The interfaces the modernc connection implements and the wrapper passes on.
type fullConn interface {
	driver.Conn
	driver.ConnBeginTx
	driver.ConnPrepareContext
	driver.ExecerContext
	driver.QueryerContext
}

// cachedConn wraps one driver connection. database/sql uses a connection
// from one goroutine at a time, so the map needs no lock; a statement still
// in use (its rows open while the same query runs again on the same
// connection) is marked busy and the second call runs uncached.
type cachedConn struct {
	conn  driver.Conn
	stmts map[string]*cachedStmt
	stats *counters
}

type cachedStmt struct {
	stmt interface {
		driver.Stmt
		driver.StmtExecContext
		driver.StmtQueryContext
	}
	busy bool
}

func (c *cachedConn) full() (fullConn, error) {
	fc, ok := c.conn.(fullConn)
	if !ok {
		return nil, errors.New("store: the sqlite driver lacks context support")
	}
	return fc, nil
}

// statement returns the cached statement for query, preparing it on first
// use, or nil when it cannot be cached now (busy, or the cache is full).
func (c *cachedConn) statement(ctx context.Context, query string) (*cachedStmt, error) {
	if st, ok := c.stmts[query]; ok {
		if st.busy {
			return nil, nil
		}
		st.busy = true
		return st, nil
	}
	if len(c.stmts) >= maxCachedStatements {
		return nil, nil
	}
	fc, err := c.full()
	if err != nil {
		return nil, err
	}
	ds, err := fc.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	s, ok := ds.(interface {
		driver.Stmt
		driver.StmtExecContext
		driver.StmtQueryContext
	})
	if !ok {
		ds.Close()
		return nil, nil
	}
	st := &cachedStmt{stmt: s, busy: true}
	c.stmts[query] = st
	return st, nil
}

// ExecContext runs query through its cached statement.
func (c *cachedConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	c.stats.statement(query)
	st, err := c.statement(ctx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		fc, err := c.full()
		if err != nil {
			return nil, err
		}
		return fc.ExecContext(ctx, query, args)
	}
	defer func() { st.busy = false }()
	return st.stmt.ExecContext(ctx, args)
}

// QueryContext runs query through its cached statement; the statement is
// free again when the rows are closed.
func (c *cachedConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	c.stats.statement(query)
	st, err := c.statement(ctx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		fc, err := c.full()
		if err != nil {
			return nil, err
		}
		return fc.QueryContext(ctx, query, args)
	}
	rows, err := st.stmt.QueryContext(ctx, args)
	if err != nil {
		st.busy = false
		return nil, err
	}
	return &cachedRows{Rows: rows, st: st}, nil
}

// cachedRows frees its statement on Close.
type cachedRows struct {
	driver.Rows
	st *cachedStmt
}

// Close closes the rows (the driver resets the statement for reuse).
func (r *cachedRows) Close() error {
	err := r.Rows.Close()
	r.st.busy = false
	return err
}

// Prepare prepares an uncached statement (database/sql's own Prepare).
func (c *cachedConn) Prepare(query string) (driver.Stmt, error) { return c.conn.Prepare(query) }

// PrepareContext prepares an uncached statement.
func (c *cachedConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	fc, err := c.full()
	if err != nil {
		return nil, err
	}
	return fc.PrepareContext(ctx, query)
}

// Begin starts a transaction.
func (c *cachedConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

// BeginTx starts a transaction (the DSN's _txlock decides its kind).
func (c *cachedConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	fc, err := c.full()
	if err != nil {
		return nil, err
	}
	tx, err := fc.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return countedTx{Tx: tx, stats: c.stats}, nil
}

// countedTx counts its commit.
type countedTx struct {
	driver.Tx
	stats *counters
}

// Commit commits and counts the commit when it succeeded.
func (t countedTx) Commit() error {
	err := t.Tx.Commit()
	if err == nil {
		t.stats.commit()
	}
	return err
}

// Ping checks the connection.
func (c *cachedConn) Ping(ctx context.Context) error {
	if p, ok := c.conn.(driver.Pinger); ok {
		return p.Ping(ctx)
	}
	return nil
}

// ResetSession is called before the pool reuses the connection.
func (c *cachedConn) ResetSession(ctx context.Context) error {
	if r, ok := c.conn.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

// IsValid reports whether the connection may be reused.
func (c *cachedConn) IsValid() bool {
	if v, ok := c.conn.(driver.Validator); ok {
		return v.IsValid()
	}
	return true
}

// Close finalizes the cached statements and closes the connection.
func (c *cachedConn) Close() error {
	var errs []error
	for q, st := range c.stmts {
		errs = append(errs, st.stmt.Close())
		delete(c.stmts, q)
	}
	return errors.Join(append(errs, c.conn.Close())...)
}
