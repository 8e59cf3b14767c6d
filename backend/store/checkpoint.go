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
//
// The WAL only starts over from its beginning (instead of growing) when a
// write begins while every frame in it has been copied. Under sustained
// load new frames arrive during every background pass, so once the WAL
// holds catchUpFrames the checkpointer finishes with a short pass on the
// writer's own connection: it waits its turn like any write, copies only
// what arrived since the background pass, and lets the next write restart
// the WAL.

// checkpointEvery is how often the background checkpointer runs.
const checkpointEvery = 250 * time.Millisecond

// catchUpFrames is the WAL size (in frames of one page) from which a pass
// that could not copy everything is completed on the writer connection.
const catchUpFrames = 2048 // 8 MiB of 4 KiB pages

// walBackstopPages is the writer's own wal_autocheckpoint. It only matters
// when the checkpointer is not running or cannot keep up, and bounds the WAL
// then.
const walBackstopPages = 8192

// checkpointer runs PASSIVE checkpoints on its own connection until stopped.
type checkpointer struct {
	own    *sql.DB // the checkpointer's connection
	writer *sql.DB // the store's single writer connection
	stop   chan struct{}
	done   sync.WaitGroup
	once   sync.Once
	err    error
}

func startCheckpointer(path string, writer *sql.DB, stats *counters) *checkpointer {
	own := openPool(dsn(path, false), stats)
	own.SetMaxOpenConns(1)
	own.SetMaxIdleConns(1)
	own.SetConnMaxLifetime(0)
	c := &checkpointer{own: own, writer: writer, stop: make(chan struct{})}
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

// checkpoint copies whatever the WAL holds that no reader still needs, and
// completes the copy on the writer connection when the WAL has grown large.
func (c *checkpointer) checkpoint(ctx context.Context) error {
	frames, copied, err := passive(ctx, c.own)
	if err != nil || frames < catchUpFrames || copied >= frames {
		return err
	}
	_, _, err = passive(ctx, c.writer)
	return err
}

// passive runs one PASSIVE checkpoint on db and reports the WAL's frames
// and how many of them are now copied into the database file.
func passive(ctx context.Context, db *sql.DB) (frames, copied int, err error) {
	var busy int
	err = db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &frames, &copied)
	return frames, copied, err
}

// close stops the loop and closes the connection; later calls are no-ops.
func (c *checkpointer) close() error {
	c.once.Do(func() {
		close(c.stop)
		c.done.Wait()
		c.err = c.own.Close()
	})
	return c.err
}
