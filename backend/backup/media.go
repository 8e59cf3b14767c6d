package backup

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"chatflow/backend/media"
)

// Backups include the media store (backend/media). Its files are
// content-addressed and never change, so every backup of a database shares
// one mirror, backups/<database name>-media/, laid out like the media folder:
// a backup adds the files its database names (hard links where the file
// system allows, copies otherwise, so an unchanged file costs no space),
// pruning removes the files no kept backup names, and a restore puts back
// the files the restored database names that the media folder lacks.

// MediaDir is the mirror of the media files the backups of the database at
// dbPath refer to.
func MediaDir(dbPath string) string {
	return filepath.Join(Dir(dbPath), stem(dbPath)+"-media")
}

// mediaNames lists the media files the database at path names. A database
// from before the media store has none. Names that are not a stored file's
// shape are skipped: a backup chosen for a restore may come from anywhere.
func mediaNames(ctx context.Context, path string) ([]string, error) {
	db, err := sql.Open("sqlite", readOnlyDSN(path))
	if err != nil {
		return nil, fmt.Errorf("backup: open %s: %w", filepath.Base(path), err)
	}
	defer db.Close()
	var tables int
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'media_files'`).Scan(&tables)
	switch {
	case isNotDatabase(err) || isDamaged(err):
		// A before-restore copy of a file SQLite could not open is kept
		// byte for byte; it names no media the mirror could keep.
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("backup: list the media of %s: %w", filepath.Base(path), err)
	case tables == 0:
		// A database from before the media store.
		return nil, nil
	}
	rows, err := db.QueryContext(ctx, `SELECT name FROM media_files`)
	if err != nil {
		return nil, fmt.Errorf("backup: list the media of %s: %w", filepath.Base(path), err)
	}
	defer rows.Close()
	check := media.NewFiles("")
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, fmt.Errorf("backup: list the media of %s: %w", filepath.Base(path), err)
		}
		if _, err := check.Path(name); err == nil {
			out = append(out, name)
		}
	}
	return out, rows.Err()
}

// keepMedia puts the media files the backup at backupPath names into the
// mirror. A file missing from the media folder is counted, not an error (the
// backup still holds everything else).
func keepMedia(ctx context.Context, dbPath, backupPath string) (missing int, err error) {
	names, err := mediaNames(ctx, backupPath)
	if err != nil {
		return 0, err
	}
	for _, name := range names {
		from := filepath.Join(media.Dir(dbPath), filepath.FromSlash(name))
		to := filepath.Join(MediaDir(dbPath), filepath.FromSlash(name))
		ok, err := linkOrCopy(from, to)
		if err != nil {
			return missing, fmt.Errorf("backup: keep the media files: %w", err)
		}
		if !ok {
			missing++
		}
	}
	return missing, nil
}

// restoreMedia puts back into the media folder the files the restored
// database names that it lacks, from the mirror.
func restoreMedia(ctx context.Context, dbPath string) (missing int, err error) {
	names, err := mediaNames(ctx, dbPath)
	if err != nil {
		return 0, err
	}
	for _, name := range names {
		from := filepath.Join(MediaDir(dbPath), filepath.FromSlash(name))
		to := filepath.Join(media.Dir(dbPath), filepath.FromSlash(name))
		ok, err := linkOrCopy(from, to)
		if err != nil {
			return missing, fmt.Errorf("backup: restore the media files: %w", err)
		}
		if !ok {
			missing++
		}
	}
	return missing, nil
}

// pruneMedia deletes the mirrored files no kept backup names.
func pruneMedia(ctx context.Context, dbPath string, kept []Backup) error {
	wanted := map[string]bool{}
	for _, b := range kept {
		names, err := mediaNames(ctx, b.Path)
		if err != nil {
			return err // unsure what is needed: delete nothing
		}
		for _, n := range names {
			wanted[n] = true
		}
	}
	root := MediaDir(dbPath)
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err == nil && !wanted[filepath.ToSlash(rel)] {
			os.Remove(p)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("backup: prune the media files: %w", err)
	}
	return nil
}

// linkOrCopy makes to hold the bytes of from: a hard link, or a copy where
// links are not possible. It reports false when from does not exist; an
// existing to of the same size is left as it is.
func linkOrCopy(from, to string) (bool, error) {
	src, err := os.Stat(from)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if dst, err := os.Stat(to); err == nil && dst.Size() == src.Size() {
		return true, nil
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o700); err != nil {
		return false, err
	}
	os.Remove(to)
	if err := os.Link(from, to); err == nil {
		return true, nil
	}
	return true, copyFile(from, to)
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp := to + ".partial"
	out, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(tmp)
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		os.Remove(tmp)
		return err
	}
	if err := out.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, to)
}
