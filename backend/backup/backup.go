// Package backup keeps copies of the Chatflow Studio database: consistent
// snapshots taken with SQLite's VACUUM INTO while the app runs, a list of
// them, retention of the newest few, validation of a file someone wants to
// restore, and a restore that is staged while the app runs and finished at
// the next start, before the database is opened.
//
// Backups live in a "backups" folder beside the database file and are named
// <database name>-<UTC time>-<kind>.db, so the folder can be read by a person
// and the list can be rebuilt from the names alone. The media files the
// backups name are kept beside them, in one shared mirror (media.go).
package backup

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" driver, also registered by the store
)

// Kind says why a backup was made.
type Kind string

// The kinds of backup.
const (
	// Manual backups are made by "Back up now".
	Manual Kind = "manual"
	// Daily backups are made by the automatic daily loop.
	Daily Kind = "daily"
	// BeforeRestore keeps the database a restore replaced.
	BeforeRestore Kind = "before-restore"
)

// Keep is how many backups are kept; older ones are deleted.
const Keep = 7

// timeLayout is the time in a backup's name: sortable and free of
// characters Windows refuses in file names.
const timeLayout = "20060102-150405.000"

// Backup is one backup file.
type Backup struct {
	// Path is the file's full path and Name its base name.
	Path string
	Name string
	// Created is when the backup was taken (from its name, UTC).
	Created time.Time
	Size    int64
	Kind    Kind
	// MediaMissing counts media files the database named that were not in
	// the media folder when the backup was made (Create only).
	MediaMissing int
}

// Dir is the folder holding the backups of the database at dbPath.
func Dir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "backups")
}

// stem is the database file name without its extension, the prefix of
// every backup name.
func stem(dbPath string) string {
	base := filepath.Base(dbPath)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// Create snapshots the database open in db (whose file is dbPath) into a new
// backup file. VACUUM INTO writes a consistent, compacted copy while other
// connections keep reading and writing; it goes to a temporary name first so
// that an interrupted backup never shows up in the list. db must allow
// writes (the store's W pool): SQLite refuses VACUUM INTO on a query_only
// connection, although the database itself is only read.
func Create(ctx context.Context, db *sql.DB, dbPath string, kind Kind, now time.Time) (Backup, error) {
	dir := Dir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Backup{}, fmt.Errorf("backup: create the backups folder: %w", err)
	}
	name := fmt.Sprintf("%s-%s-%s.db", stem(dbPath), now.UTC().Format(timeLayout), kind)
	path := filepath.Join(dir, name)
	if _, err := os.Stat(path); err == nil {
		return Backup{}, fmt.Errorf("backup: %s already exists", name)
	}
	if err := vacuumInto(ctx, db, path); err != nil {
		return Backup{}, err
	}
	missing, err := keepMedia(ctx, dbPath, path)
	if err != nil {
		os.Remove(path) // a backup is the database and its files, or nothing
		return Backup{}, err
	}
	b, err := stat(path, name, now.UTC(), kind)
	b.MediaMissing = missing
	return b, err
}

// vacuumInto writes a copy of db to path through a temporary file.
func vacuumInto(ctx context.Context, db *sql.DB, path string) error {
	partial := path + ".partial"
	os.Remove(partial)
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, partial); err != nil {
		os.Remove(partial)
		return fmt.Errorf("backup: copy the database: %w", err)
	}
	if err := os.Rename(partial, path); err != nil {
		os.Remove(partial)
		return fmt.Errorf("backup: finish the copy: %w", err)
	}
	return nil
}

func stat(path, name string, created time.Time, kind Kind) (Backup, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return Backup{}, fmt.Errorf("backup: %w", err)
	}
	return Backup{Path: path, Name: name, Created: created, Size: fi.Size(), Kind: kind}, nil
}

// namePattern matches the backups of one database; the stem is quoted in.
const namePattern = `^%s-(\d{8}-\d{6}\.\d{3})-(manual|daily|before-restore)\.db$`

// List returns the backups of the database at dbPath, newest first. A
// missing backups folder is an empty list; files that are not backups are
// ignored.
func List(dbPath string) ([]Backup, error) {
	entries, err := os.ReadDir(Dir(dbPath))
	if errors.Is(err, os.ErrNotExist) {
		return []Backup{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("backup: read the backups folder: %w", err)
	}
	re := regexp.MustCompile(fmt.Sprintf(namePattern, regexp.QuoteMeta(stem(dbPath))))
	out := []Backup{}
	for _, e := range entries {
		m := re.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		created, err := time.Parse(timeLayout, m[1])
		if err != nil {
			continue
		}
		b, err := stat(filepath.Join(Dir(dbPath), e.Name()), e.Name(), created, Kind(m[2]))
		if err != nil {
			continue // deleted while listing
		}
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Created.After(out[j].Created) })
	return out, nil
}

// Prune deletes all but the newest keep backups, and the mirrored media
// files none of the kept ones names.
func Prune(dbPath string, keep int) error {
	list, err := List(dbPath)
	if err != nil {
		return err
	}
	var errs []error
	for i := keep; i < len(list); i++ {
		if err := os.Remove(list[i].Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, fmt.Errorf("backup: delete old backup %s: %w", list[i].Name, err))
		}
	}
	if len(errs) == 0 {
		errs = append(errs, pruneMedia(context.Background(), dbPath, list[:min(keep, len(list))]))
	}
	return errors.Join(errs...)
}

// Latest returns the newest backup, and false when there is none.
func Latest(dbPath string) (Backup, bool, error) {
	list, err := List(dbPath)
	if err != nil || len(list) == 0 {
		return Backup{}, false, err
	}
	return list[0], true, nil
}
