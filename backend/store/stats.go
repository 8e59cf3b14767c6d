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
}

var processCounters counters

func (c *counters) statement() {
	c.statements.Add(1)
	processCounters.statements.Add(1)
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

// ProcessStats reports the work of every database this process opened (the
// profiling listener serves it to the load benchmark).
func ProcessStats() Stats { return processCounters.read() }
