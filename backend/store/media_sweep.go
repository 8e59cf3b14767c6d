package store

import (
	"context"
	"fmt"
	"time"
)

// mediaRefsSQL lists the SHA-256 of every stored file something refers to:
// a customer's attachment (media_downloads), a message the business sent
// with a stored file (its outbox JSON names it as mediaFile), and message
// nodes of every flow, draft and live copy (data.mediaFile). Documents that
// are not valid JSON refer to nothing rather than failing the sweep.
const mediaRefsSQL = `WITH refs(sha) AS (
	SELECT sha256 FROM media_downloads WHERE sha256 IS NOT NULL
	UNION SELECT json_extract(payload, '$.mediaFile') FROM messages
		WHERE direction = 'out' AND type = 'media' AND json_valid(payload)
	UNION SELECT json_extract(n.value, '$.data.mediaFile') FROM flows,
		json_each(CASE WHEN json_valid(flows.document) THEN flows.document ELSE '{}' END, '$.nodes') AS n
	UNION SELECT json_extract(n.value, '$.data.mediaFile') FROM flows,
		json_each(CASE WHEN json_valid(flows.live_document) THEN flows.live_document ELSE '{}' END, '$.nodes') AS n
)`

// UnreferencedMediaFiles lists stored files nothing refers to that were
// last touched before before (younger ones may be attached to a flow the
// editor has not saved yet).
func (db *DB) UnreferencedMediaFiles(ctx context.Context, before time.Time) ([]MediaFile, error) {
	rows, err := db.R.QueryContext(ctx, mediaRefsSQL+` SELECT sha256, name, mime, size, touched_at FROM media_files
		WHERE touched_at < ? AND sha256 NOT IN (SELECT sha FROM refs WHERE sha IS NOT NULL)`, before.UnixMilli())
	if err != nil {
		return nil, fmt.Errorf("store: list unreferenced media: %w", err)
	}
	defer rows.Close()
	var out []MediaFile
	for rows.Next() {
		var f MediaFile
		var touched int64
		if err := rows.Scan(&f.SHA256, &f.Name, &f.Mime, &f.Size, &touched); err != nil {
			return nil, fmt.Errorf("store: read media file: %w", err)
		}
		f.TouchedAt = time.UnixMilli(touched)
		out = append(out, f)
	}
	return out, rows.Err()
}

// DeleteMediaFileIfUnreferenced deletes the row of a stored file, checking
// again in the same statement that nothing refers to it and that it was not
// touched since before; it reports whether the row went.
func (db *DB) DeleteMediaFileIfUnreferenced(ctx context.Context, sha string, before time.Time) (bool, error) {
	res, err := db.W.ExecContext(ctx, mediaRefsSQL+` DELETE FROM media_files WHERE sha256 = ? AND touched_at < ?
		AND sha256 NOT IN (SELECT sha FROM refs WHERE sha IS NOT NULL)`, sha, before.UnixMilli())
	if err != nil {
		return false, fmt.Errorf("store: delete media file: %w", err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// MediaFileNames returns the name of every stored file, to find files on
// disk that no row describes (left by a crash between the two).
func (db *DB) MediaFileNames(ctx context.Context) (map[string]bool, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT name FROM media_files`)
	if err != nil {
		return nil, fmt.Errorf("store: list media files: %w", err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, fmt.Errorf("store: read media file: %w", err)
		}
		out[name] = true
	}
	return out, rows.Err()
}

// MediaUsage is how much the media store holds, for the Settings page.
func (db *DB) MediaUsage(ctx context.Context) (files int, bytes int64, err error) {
	err = db.R.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(size), 0) FROM media_files`).Scan(&files, &bytes)
	if err != nil {
		return 0, 0, fmt.Errorf("store: measure media: %w", err)
	}
	return files, bytes, nil
}

// DeleteContact deletes a contact and its whole conversation: messages,
// queued work, session, attribute values and attachment rows (the call log
// keeps its entries without the contact). The files go with the next media
// sweep, unless something else still refers to them.
func (db *DB) DeleteContact(ctx context.Context, id int64) error {
	res, err := db.W.ExecContext(ctx, `DELETE FROM contacts WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("store: delete contact %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: contact %d: %w", id, ErrNotFound)
	}
	return nil
}

// ContactMediaFiles lists the stored files of a contact's conversation:
// the attachments downloaded from its messages.
func (db *DB) ContactMediaFiles(ctx context.Context, contactID int64) ([]MediaFile, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT DISTINCT f.sha256, f.name, f.mime, f.size, f.touched_at
		FROM media_downloads d JOIN media_files f ON f.sha256 = d.sha256 WHERE d.contact_id = ?`, contactID)
	if err != nil {
		return nil, fmt.Errorf("store: list the files of contact %d: %w", contactID, err)
	}
	defer rows.Close()
	var out []MediaFile
	for rows.Next() {
		var f MediaFile
		var touched int64
		if err := rows.Scan(&f.SHA256, &f.Name, &f.Mime, &f.Size, &touched); err != nil {
			return nil, fmt.Errorf("store: read media file: %w", err)
		}
		f.TouchedAt = time.UnixMilli(touched)
		out = append(out, f)
	}
	return out, rows.Err()
}
