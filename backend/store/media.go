package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// MediaFile is one file of the media store (backend/media).
type MediaFile struct {
	SHA256 string
	// Name is the file's path inside the media folder.
	Name string
	Mime string
	Size int64
	// TouchedAt is when the file was last stored or attached.
	TouchedAt time.Time
}

// Media download states.
const (
	MediaPending = "pending"
	MediaDone    = "done"
	MediaFailed  = "failed"
)

// MediaDownload is the download of one customer message's attachment.
type MediaDownload struct {
	MessageID      int64
	ContactID      int64
	WaMediaID      string
	Kind           string
	DeclaredMime   string
	DeclaredSHA256 string
	Filename       string
	Caption        string
	State          string
	Attempts       int
	NextAttemptAt  time.Time
	Error          string
	// SHA256 names the stored file once the download is done.
	SHA256     string
	CreatedAt  time.Time
	FinishedAt time.Time
}

const mediaDownloadColumns = `message_id, contact_id, wa_media_id, kind, declared_mime, declared_sha256, filename, caption,
	state, attempts, next_attempt_at, error, COALESCE(sha256, ''), created_at, finished_at`

func scanMediaDownload(r rowScanner) (MediaDownload, error) {
	var d MediaDownload
	var next, created, finished int64
	err := r.Scan(&d.MessageID, &d.ContactID, &d.WaMediaID, &d.Kind, &d.DeclaredMime, &d.DeclaredSHA256, &d.Filename,
		&d.Caption, &d.State, &d.Attempts, &next, &d.Error, &d.SHA256, &created, &finished)
	if err != nil {
		return MediaDownload{}, err
	}
	d.NextAttemptAt, d.CreatedAt = time.UnixMilli(next), time.UnixMilli(created)
	if finished > 0 {
		d.FinishedAt = time.UnixMilli(finished)
	}
	return d, nil
}

// InsertMediaDownloadTx queues the download of a message's attachment in
// the caller's transaction (the webhook's, so it is as durable as the
// message). A second insert for the same message is ignored.
func InsertMediaDownloadTx(ctx context.Context, q Execer, d MediaDownload) error {
	if d.CreatedAt.IsZero() {
		d.CreatedAt = time.Now()
	}
	_, err := q.ExecContext(ctx, `INSERT INTO media_downloads(message_id, contact_id, wa_media_id, kind, declared_mime,
		declared_sha256, filename, caption, created_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(message_id) DO NOTHING`,
		d.MessageID, d.ContactID, d.WaMediaID, d.Kind, d.DeclaredMime, d.DeclaredSHA256, d.Filename, d.Caption,
		d.CreatedAt.UnixMilli())
	if err != nil {
		return fmt.Errorf("store: queue media download for message %d: %w", d.MessageID, err)
	}
	return nil
}

// MediaDownload loads the download of one message's attachment.
func (db *DB) MediaDownload(ctx context.Context, messageID int64) (MediaDownload, error) {
	d, err := scanMediaDownload(db.R.QueryRowContext(ctx, `SELECT `+mediaDownloadColumns+` FROM media_downloads WHERE message_id = ?`, messageID))
	if errors.Is(err, sql.ErrNoRows) {
		return MediaDownload{}, fmt.Errorf("store: media of message %d: %w", messageID, ErrNotFound)
	}
	if err != nil {
		return MediaDownload{}, fmt.Errorf("store: load media of message %d: %w", messageID, err)
	}
	return d, nil
}

// DueMediaDownloads returns pending downloads whose time has come, oldest
// first.
func (db *DB) DueMediaDownloads(ctx context.Context, now time.Time, limit int) ([]MediaDownload, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT `+mediaDownloadColumns+` FROM media_downloads
		WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY message_id LIMIT ?`, now.UnixMilli(), limit)
	if err != nil {
		return nil, fmt.Errorf("store: list media downloads: %w", err)
	}
	defer rows.Close()
	var out []MediaDownload
	for rows.Next() {
		d, err := scanMediaDownload(rows)
		if err != nil {
			return nil, fmt.Errorf("store: read media download: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// NextMediaDownload returns when the earliest pending download is due.
func (db *DB) NextMediaDownload(ctx context.Context) (time.Time, bool, error) {
	var at sql.NullInt64
	err := db.R.QueryRowContext(ctx, `SELECT MIN(next_attempt_at) FROM media_downloads WHERE state = 'pending'`).Scan(&at)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("store: next media download: %w", err)
	}
	if !at.Valid {
		return time.Time{}, false, nil
	}
	return time.UnixMilli(at.Int64), true, nil
}

// RetryMediaDownload schedules another attempt and notes the reason in the
// message's details (details, under "file") so the inbox can say why the
// file is not there yet; countAttempt is false for waits that are not the
// download's fault (no WhatsApp settings yet). It returns the message.
func (db *DB) RetryMediaDownload(ctx context.Context, messageID int64, next time.Time, reason, details string, countAttempt bool) (Message, error) {
	inc := 0
	if countAttempt {
		inc = 1
	}
	var m Message
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE media_downloads SET attempts = attempts + ?, next_attempt_at = ?, error = ?
			WHERE message_id = ? AND state = 'pending'`, inc, next.UnixMilli(), reason, messageID)
		if err != nil {
			return fmt.Errorf("store: retry media download %d: %w", messageID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("store: media of message %d: %w", messageID, ErrNotFound)
		}
		m, err = setMessageFileTx(ctx, tx, messageID, details, time.Now())
		return err
	})
	return m, err
}

// setMessageFileTx writes details under "file" in a message's details.
func setMessageFileTx(ctx context.Context, tx *sql.Tx, messageID int64, details string, at time.Time) (Message, error) {
	m, err := scanMessage(tx.QueryRowContext(ctx, `UPDATE messages SET payload = json_set(CASE WHEN json_valid(payload)
		THEN payload ELSE '{}' END, '$.file', json(?)), updated_at = ? WHERE id = ? RETURNING `+messageColumns,
		details, at.UnixMilli(), messageID))
	if err != nil {
		return Message{}, fmt.Errorf("store: note media of message %d: %w", messageID, err)
	}
	return m, nil
}

// FinishMediaDownload records the end of a download in one transaction:
// the stored file (nil when it failed), the download row, and the
// message's details (details, the JSON the inbox shows under "file"). It
// returns the updated message; ErrNotFound when the message was deleted
// meanwhile (the file is then left for the sweep).
func (db *DB) FinishMediaDownload(ctx context.Context, messageID int64, file *MediaFile, details string, reason string, at time.Time) (Message, error) {
	var m Message
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		state, sha := MediaFailed, sql.NullString{}
		if file != nil {
			if err := PutMediaFileTx(ctx, tx, *file); err != nil {
				return err
			}
			state, sha = MediaDone, sql.NullString{String: file.SHA256, Valid: true}
		}
		res, err := tx.ExecContext(ctx, `UPDATE media_downloads SET state = ?, sha256 = ?, error = ?, finished_at = ?
			WHERE message_id = ?`, state, sha, reason, at.UnixMilli(), messageID)
		if err != nil {
			return fmt.Errorf("store: finish media download %d: %w", messageID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("store: media of message %d: %w", messageID, ErrNotFound)
		}
		m, err = setMessageFileTx(ctx, tx, messageID, details, at)
		return err
	})
	return m, err
}

// PutMediaFileTx records a stored file, or touches it when it exists.
func PutMediaFileTx(ctx context.Context, q Execer, f MediaFile) error {
	if f.TouchedAt.IsZero() {
		f.TouchedAt = time.Now()
	}
	_, err := q.ExecContext(ctx, `INSERT INTO media_files(sha256, name, mime, size, touched_at) VALUES(?, ?, ?, ?, ?)
		ON CONFLICT(sha256) DO UPDATE SET touched_at = MAX(media_files.touched_at, excluded.touched_at)`,
		f.SHA256, f.Name, f.Mime, f.Size, f.TouchedAt.UnixMilli())
	if err != nil {
		return fmt.Errorf("store: save media file: %w", err)
	}
	return nil
}

// PutMediaFile is PutMediaFileTx in a transaction of its own.
func (db *DB) PutMediaFile(ctx context.Context, f MediaFile) error {
	return PutMediaFileTx(ctx, db.W, f)
}

// MediaFile loads one stored file by its SHA-256.
func (db *DB) MediaFile(ctx context.Context, sha string) (MediaFile, error) {
	var f MediaFile
	var touched int64
	err := db.R.QueryRowContext(ctx, `SELECT sha256, name, mime, size, touched_at FROM media_files WHERE sha256 = ?`, sha).
		Scan(&f.SHA256, &f.Name, &f.Mime, &f.Size, &touched)
	if errors.Is(err, sql.ErrNoRows) {
		return MediaFile{}, fmt.Errorf("store: media file %.12s: %w", sha, ErrNotFound)
	}
	if err != nil {
		return MediaFile{}, fmt.Errorf("store: load media file: %w", err)
	}
	f.TouchedAt = time.UnixMilli(touched)
	return f, nil
}

// MediaUpload returns the cached media id of a stored file on one phone
// number and when it was uploaded; ok is false when it was never uploaded.
func (db *DB) MediaUpload(ctx context.Context, sha, phoneNumberID string) (string, time.Time, bool, error) {
	var id string
	var at int64
	err := db.R.QueryRowContext(ctx, `SELECT media_id, uploaded_at FROM media_uploads WHERE sha256 = ? AND phone_number_id = ?`,
		sha, phoneNumberID).Scan(&id, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return "", time.Time{}, false, nil
	}
	if err != nil {
		return "", time.Time{}, false, fmt.Errorf("store: load media upload: %w", err)
	}
	return id, time.UnixMilli(at), true, nil
}

// SaveMediaUpload caches the media id WhatsApp gave a stored file.
func (db *DB) SaveMediaUpload(ctx context.Context, sha, phoneNumberID, mediaID string, at time.Time) error {
	_, err := db.W.ExecContext(ctx, `INSERT INTO media_uploads(sha256, phone_number_id, media_id, uploaded_at) VALUES(?, ?, ?, ?)
		ON CONFLICT(sha256, phone_number_id) DO UPDATE SET media_id = excluded.media_id, uploaded_at = excluded.uploaded_at`,
		sha, phoneNumberID, mediaID, at.UnixMilli())
	if err != nil {
		return fmt.Errorf("store: save media upload: %w", err)
	}
	return nil
}

// ForgetMediaUpload drops a cached media id WhatsApp no longer knows.
func (db *DB) ForgetMediaUpload(ctx context.Context, sha, phoneNumberID, mediaID string) error {
	_, err := db.W.ExecContext(ctx, `DELETE FROM media_uploads WHERE sha256 = ? AND phone_number_id = ? AND media_id = ?`,
		sha, phoneNumberID, mediaID)
	if err != nil {
		return fmt.Errorf("store: forget media upload: %w", err)
	}
	return nil
}
