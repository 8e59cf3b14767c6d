package store

import "sync/atomic"

// Statements are what the live bot's storage costs: each one runs SQLite's
// virtual machine and, for writes, dirties pages the commit must write
// (docs/performance.md). The store counts them, with the commits, so that
// tests can hold the count per message down and the load benchmark can
// print it.

// Stats counts the work the database did.
type Stats struct {
	// Statements counts every statement run (reads and writes, on every
	// connection, the background checkpoints included), not BEGIN and
	// COMMIT, which Commits counts.
	Statements int64 `json:"statements"`
	// Commits counts committed transactions.
	Commits int64 `json:"commits"`
}

// Sub returns the work done between an earlier reading and s.
func (s Stats) Sub(earlier Stats) Stats {
	return Stats{Statements: s.Statements - earlier.Statements, Commits: s.Commits - earlier.Commits}
}

// counters are one database's running totals; every increment also goes to
// the process's totals.
type counters struct {
	statements, commits atomic.Int64
	// trace, when set, sees the text of every statement (OnStatement).
	trace atomic.Pointer[func(query string)]
}

var processCounters counters

func (c *counters) statement(query string) {
	c.statements.Add(1)
	processCounters.statements.Add(1)
	if fn := c.trace.Load(); fn != nil {
		(*fn)(query)
	}
}

func (c *counters) commit() {
	c.commits.Add(1)
	processCounters.commits.Add(1)
}

func (c *counters) read() Stats {
	return Stats{Statements: c.statements.Load(), Commits: c.commits.Load()}
}

// Stats reports the work this database did since it was opened.
func (db *DB) Stats() Stats { return db.stats.read() }

// OnStatement makes fn see the text of every statement the database runs
// from now on (nil stops it), for tests that pin down which statements a
// path costs. fn runs on the caller's goroutine and must be safe for
// concurrent use.
func (db *DB) OnStatement(fn func(query string)) {
	if fn == nil {
		db.stats.trace.Store(nil)
		return
	}
	db.stats.trace.Store(&fn)
}

// ProcessStats reports the work of every database this process opened (the
// profiling listener serves it to the load benchmark).
func ProcessStats() Stats { return processCounters.read() }
