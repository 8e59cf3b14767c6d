package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Setting reads and writes one key of the settings table. The typed helpers
// below turn the stored text into the type a caller wants, falling back to a
// default when the key was never written or holds something unreadable, so
// a hand-edited database can never stop the app from starting.

// Setting returns the stored text for key and whether it was set.
func (db *DB) Setting(ctx context.Context, key string) (string, bool, error) {
	var v string
	err := db.R.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("store: read setting %s: %w", key, err)
	}
	return v, true, nil
}

// SetSetting stores value under key.
func (db *DB) SetSetting(ctx context.Context, key, value string) error {
	_, err := db.W.ExecContext(ctx, `INSERT INTO settings(key, value, updated_at) VALUES(?, ?, ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
		key, value, time.Now().UnixMilli())
	if err != nil {
		return fmt.Errorf("store: save setting %s: %w", key, err)
	}
	return nil
}

// DeleteSetting removes key, so that its default applies again.
func (db *DB) DeleteSetting(ctx context.Context, key string) error {
	if _, err := db.W.ExecContext(ctx, `DELETE FROM settings WHERE key = ?`, key); err != nil {
		return fmt.Errorf("store: delete setting %s: %w", key, err)
	}
	return nil
}

// StringSetting returns the text under key, or def when unset.
func (db *DB) StringSetting(ctx context.Context, key, def string) (string, error) {
	v, ok, err := db.Setting(ctx, key)
	if err != nil || !ok {
		return def, err
	}
	return v, nil
}

// IntSetting returns the integer under key, or def when unset or unreadable.
func (db *DB) IntSetting(ctx context.Context, key string, def int) (int, error) {
	v, ok, err := db.Setting(ctx, key)
	if err != nil || !ok {
		return def, err
	}
	n, perr := strconv.Atoi(v)
	if perr != nil {
		return def, nil
	}
	return n, nil
}

// SetIntSetting stores an integer under key.
func (db *DB) SetIntSetting(ctx context.Context, key string, v int) error {
	return db.SetSetting(ctx, key, strconv.Itoa(v))
}

// DurationSetting returns the duration under key (Go syntax such as "10m"),
// or def when unset or unreadable.
func (db *DB) DurationSetting(ctx context.Context, key string, def time.Duration) (time.Duration, error) {
	v, ok, err := db.Setting(ctx, key)
	if err != nil || !ok {
		return def, err
	}
	d, perr := time.ParseDuration(v)
	if perr != nil {
		return def, nil
	}
	return d, nil
}

// SetDurationSetting stores a duration under key.
func (db *DB) SetDurationSetting(ctx context.Context, key string, d time.Duration) error {
	return db.SetSetting(ctx, key, d.String())
}
