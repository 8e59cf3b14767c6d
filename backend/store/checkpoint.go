package store

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

// Why a background checkpointer: in WAL mode SQLite copies committed pages
// back into the database file ("checkpoints") from inside whichever commit
// pushes the WAL past wal_autocheckpoint pages, and that commit then also
// fsyncs the WAL and the database. Under a steady stream of webhooks that
// commit is usually the one a webhook acknowledgement is waiting for, so a
// few milliseconds of fsync landed in the ack's tail every second or two.
// A PASSIVE checkpoint on a connection of its own does the same copying
// without holding the write lock: writers keep appending while it runs.

// checkpointEvery is how often the background checkpointer runs.
const checkpointEvery = 500 * time.Millisecond

// walBackstopPages is the writer's own wal_autocheckpoint: it only triggers
// when the background checkpointer cannot keep up (a long-lived reader pins
// old pages) or is not running, so the WAL never grows without bound.
const walBackstopPages = 8192 // 32 MiB of 4 KiB pages

// checkpointer runs PASSIVE checkpoints on its own connection until stopped.
type checkpointer struct {
	db   *sql.DB
	stop chan struct{}
	done sync.WaitGroup
	once sync.Once
	err  error
}

func startCheckpointer(path string) *checkpointer {
	db := openPool(DSN(path, false))
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	c := &checkpointer{db: db, stop: make(chan struct{})}
	c.done.Add(1)
	go c.run()
	return c
}

func (c *checkpointer) run() {
	defer c.done.Done()
	t := time.NewTicker(checkpointEvery)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-t.C:
			// An error (a busy lock during a restore, a full disk) is not
			// worth more than trying again next tick: the writer's
			// backstop still bounds the WAL, and the data is already safe
			// in the WAL itself.
			_ = c.checkpoint(context.Background())
		}
	}
}

// checkpoint copies whatever the WAL holds that no reader still needs.
func (c *checkpointer) checkpoint(ctx context.Context) error {
	_, err := c.db.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)")
	return err
}

// close stops the loop and closes the connection; later calls are no-ops.
func (c *checkpointer) close() error {
	c.once.Do(func() {
		close(c.stop)
		c.done.Wait()
		c.err = c.db.Close()
	})
	return c.err
}
