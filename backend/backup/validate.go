package backup

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Reasons a file cannot be restored, matched with errors.Is.
var (
	// ErrNotBackup means the file is not a Chatflow Studio database.
	ErrNotBackup = errors.New("the file is not a Chatflow Studio backup")
	// ErrCorrupt means SQLite's integrity check found damage.
	ErrCorrupt = errors.New("the backup file is damaged")
	// ErrTooNew means the backup was written by a newer Chatflow Studio.
	ErrTooNew = errors.New("the backup was made by a newer Chatflow Studio; update the app first")
)

// Info is what validation learned about a good backup file.
type Info struct {
	// Schema is the backup's schema version.
	Schema int
	// Flows is how many flows it holds, to show before restoring.
	Flows int
}

// Validate checks that path is an undamaged Chatflow Studio database whose
// schema this build can open (no newer than latest). It only reads the file.
func Validate(ctx context.Context, path string, latest int) (Info, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return Info{}, fmt.Errorf("backup: %s cannot be read: %w", filepath.Base(path), err)
	}
	if !fi.Mode().IsRegular() {
		return Info{}, fmt.Errorf("backup: %s: %w", filepath.Base(path), ErrNotBackup)
	}
	db, err := sql.Open("sqlite", readOnlyDSN(path))
	if err != nil {
		return Info{}, fmt.Errorf("backup: open %s: %w", filepath.Base(path), err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)

	var info Info
	if err := checkIntegrity(ctx, db); err != nil {
		return Info{}, fmt.Errorf("backup: %s: %w", filepath.Base(path), err)
	}
	err = db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&info.Schema)
	if err != nil || info.Schema == 0 {
		return Info{}, fmt.Errorf("backup: %s: %w", filepath.Base(path), ErrNotBackup)
	}
	if info.Schema > latest {
		return Info{}, fmt.Errorf("backup: %s has schema %d, this app knows %d: %w", filepath.Base(path), info.Schema, latest, ErrTooNew)
	}
	// Flows appear with schema 3; an older backup simply has none.
	db.QueryRowContext(ctx, `SELECT COUNT(*) FROM flows`).Scan(&info.Flows)
	return info, nil
}

// checkIntegrity runs PRAGMA integrity_check. A file that is not SQLite at
// all fails here too, as "not a database".
func checkIntegrity(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		if isNotDatabase(err) {
			return ErrNotBackup
		}
		return fmt.Errorf("%w (%v)", ErrCorrupt, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("%w (%v)", ErrCorrupt, err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		if isNotDatabase(err) {
			return ErrNotBackup
		}
		return fmt.Errorf("%w (%v)", ErrCorrupt, err)
	}
	if len(problems) > 0 {
		if len(problems) > 3 {
			problems = problems[:3]
		}
		return fmt.Errorf("%w (%s)", ErrCorrupt, strings.Join(problems, "; "))
	}
	return nil
}

// isNotDatabase reports whether SQLite found the file is not a database.
func isNotDatabase(err error) bool {
	return sqliteCode(err) == sqlite3.SQLITE_NOTADB
}

// isDamaged reports whether SQLite found the database file malformed.
func isDamaged(err error) bool {
	return sqliteCode(err) == sqlite3.SQLITE_CORRUPT
}

// sqliteCode returns the primary SQLite result code of err (the driver
// reports extended codes, whose low byte is the primary one), or -1 when err
// did not come from SQLite.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return -1
	}
	return se.Code() & 0xff
}

// readOnlyDSN opens path for reading only, so that validating a file never
// changes it (not even by creating a journal).
func readOnlyDSN(path string) string {
	return fileURI(path) + "?mode=ro&_pragma=busy_timeout(5000)"
}

// fileURI writes path as an SQLite file: URI, escaping what a URI would
// misread (a '?' or '#' in a folder name).
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	return "file:" + (&url.URL{Path: p}).EscapedPath()
}
