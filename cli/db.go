package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"chatflow/backend/backup"
	"chatflow/backend/media"
	"chatflow/backend/store"
	"chatflow/backend/studio"
	"chatflow/backend/studio/config"
)

// openDB opens the database named by --db, CHATFLOW_DB or the default path,
// finishing a staged restore first.
func openDB(ctx context.Context, env Env, flagPath string) (*store.DB, error) {
	path := flagPath
	if path == "" {
		path = env.Getenv(config.EnvDB)
	}
	if path == "" {
		var err error
		if path, err = store.DefaultPath(); err != nil {
			return nil, err
		}
	}
	finishRestore(ctx, env.Stderr, path)
	return store.Open(ctx, path)
}

// finishRestore completes a restore staged by the Data page, before the
// database at path is opened. When another process still has the database
// open it does nothing (the restore stays staged); other problems are told
// on stderr and the current database opens as usual.
func finishRestore(ctx context.Context, stderr io.Writer, path string) {
	latest, err := store.LatestSchema()
	if err != nil {
		return
	}
	res, err := backup.ApplyPending(ctx, path, latest, time.Now())
	switch {
	case errors.Is(err, backup.ErrInUse):
	case err != nil:
		fmt.Fprintf(stderr, "chatflow: the staged restore was not applied: %s\n", err)
	case res.Done && res.Kept.Name != "":
		fmt.Fprintf(stderr, "chatflow: restored the database from a backup; the previous data is kept as %s\n", res.Kept.Path)
	case res.Done:
		fmt.Fprintln(stderr, "chatflow: restored the database from a backup")
	}
}

// openStudio opens the database for a one-shot command and builds the use
// cases over it, without a UI or a listener; call closeDB when done.
func openStudio(ctx context.Context, env Env, flagPath string) (st *studio.Studio, closeDB func(), err error) {
	db, err := openDB(ctx, env, flagPath)
	if err != nil {
		return nil, nil, err
	}
	lib := media.NewLibrary(db, media.Dir(db.Path), nil)
	st = studio.New(studio.Deps{DB: db, Config: config.New(db, env.Getenv), Log: slog.New(slog.DiscardHandler),
		Media: lib})
	return st, func() { db.Close() }, nil
}
