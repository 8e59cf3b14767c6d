package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"chatflow/backend/backup"
	"chatflow/backend/store"
)

// dailyBackupAge is how old the newest backup may be before the daily loop
// makes another.
const dailyBackupAge = 24 * time.Hour

// startDailyBackups runs the automatic daily backup until ctx ends: it looks
// at once and then every backupCheck, and backs up when the newest backup
// (of any kind) is a day old or there is none. Wait for it with waitLoops.
func (d *Data) startDailyBackups(ctx context.Context) {
	d.loop.Add(1)
	go func() {
		defer d.loop.Done()
		t := time.NewTicker(d.backupCheck)
		defer t.Stop()
		for {
			d.dailyBackup(ctx)
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
}

// waitLoops waits for the background loops to stop (after their context
// ends), so the database is not closed under a backup.
func (d *Data) waitLoops() { d.loop.Wait() }

// dailyBackup makes the daily backup when one is due; it reports whether it
// made one.
func (d *Data) dailyBackup(ctx context.Context) bool {
	newest, ok, err := backup.Latest(d.deps.DB.Path)
	if err != nil {
		d.deps.Log.Warn("data: daily backup: list", slog.Any("err", err))
		return false
	}
	if ok && d.now().Sub(newest.Created) < dailyBackupAge {
		return false
	}
	if ctx.Err() != nil {
		return false
	}
	_, err = d.backup(ctx, backup.Daily)
	return err == nil
}

// finishRestore completes a restore staged by Data.Restore, before the
// database at path is opened. When another process still has the database
// open it does nothing (the restore stays staged); other problems are told on
// stderr and the current database opens as usual.
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
