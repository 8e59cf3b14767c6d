package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// settingTemplatesSyncedAt records when the last template sync finished.
const settingTemplatesSyncedAt = "templates.synced_at"

// TemplateRow is one synced WhatsApp message template. The store keeps the
// template itself as opaque JSON (backend/templates encodes a
// whatsapp.Template); the other columns are what lists sort and filter on.
type TemplateRow struct {
	Name     string
	Language string
	Status   string
	Category string
	Doc      string
}

// TemplateSync reports what a sync changed.
type TemplateSync struct {
	Added, Updated, Removed, Unchanged int
	At                                 time.Time
}

// ReplaceTemplates makes the stored templates exactly rows (the result of a
// full sync), in one transaction: new ones are added, changed ones updated,
// and those no longer listed removed. It records the sync's time.
func (db *DB) ReplaceTemplates(ctx context.Context, rows []TemplateRow, at time.Time) (TemplateSync, error) {
	var res TemplateSync
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		res = TemplateSync{At: at}
		old, err := templateDocsTx(ctx, tx)
		if err != nil {
			return err
		}
		for _, r := range rows {
			key := [2]string{r.Name, r.Language}
			prev, had := old[key]
			delete(old, key)
			switch {
			case had && prev == r.Doc:
				res.Unchanged++
				continue
			case had:
				res.Updated++
			default:
				res.Added++
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO wa_templates(name, language, status, category, template, synced_at)
				VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(name, language) DO UPDATE SET status = excluded.status,
				category = excluded.category, template = excluded.template, synced_at = excluded.synced_at`,
				r.Name, r.Language, r.Status, r.Category, r.Doc, at.UnixMilli()); err != nil {
				return err
			}
		}
		for key := range old {
			if _, err := tx.ExecContext(ctx, `DELETE FROM wa_templates WHERE name = ? AND language = ?`, key[0], key[1]); err != nil {
				return err
			}
			res.Removed++
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO settings(key, value, updated_at) VALUES(?, ?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
			settingTemplatesSyncedAt, at.UTC().Format(time.RFC3339Nano), at.UnixMilli())
		return err
	})
	if err != nil {
		return TemplateSync{}, fmt.Errorf("store: save synced templates: %w", err)
	}
	return res, nil
}

// templateDocsTx reads every stored template's JSON by name and language.
func templateDocsTx(ctx context.Context, tx *sql.Tx) (map[[2]string]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name, language, template FROM wa_templates`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[[2]string]string{}
	for rows.Next() {
		var name, lang, doc string
		if err := rows.Scan(&name, &lang, &doc); err != nil {
			return nil, err
		}
		out[[2]string{name, lang}] = doc
	}
	return out, rows.Err()
}

const templateColumns = `name, language, status, category, template`

// TemplateRows returns every stored template, by name then language.
func (db *DB) TemplateRows(ctx context.Context) ([]TemplateRow, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT `+templateColumns+` FROM wa_templates ORDER BY name, language`)
	if err != nil {
		return nil, fmt.Errorf("store: list templates: %w", err)
	}
	defer rows.Close()
	var out []TemplateRow
	for rows.Next() {
		var r TemplateRow
		if err := rows.Scan(&r.Name, &r.Language, &r.Status, &r.Category, &r.Doc); err != nil {
			return nil, fmt.Errorf("store: list templates: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list templates: %w", err)
	}
	return out, nil
}

// TemplateRow returns one stored template; one never synced is ErrNotFound.
func (db *DB) TemplateRow(ctx context.Context, name, language string) (TemplateRow, error) {
	var r TemplateRow
	err := db.R.QueryRowContext(ctx, `SELECT `+templateColumns+` FROM wa_templates WHERE name = ? AND language = ?`,
		name, language).Scan(&r.Name, &r.Language, &r.Status, &r.Category, &r.Doc)
	if errors.Is(err, sql.ErrNoRows) {
		return TemplateRow{}, fmt.Errorf("store: template %s (%s): %w", name, language, ErrNotFound)
	}
	if err != nil {
		return TemplateRow{}, fmt.Errorf("store: load template %s (%s): %w", name, language, err)
	}
	return r, nil
}

// TemplatesSyncedAt returns when the last sync finished, and false when
// templates were never synced.
func (db *DB) TemplatesSyncedAt(ctx context.Context) (time.Time, bool, error) {
	v, ok, err := db.Setting(ctx, settingTemplatesSyncedAt)
	if err != nil || !ok {
		return time.Time{}, false, err
	}
	at, perr := time.Parse(time.RFC3339Nano, v)
	if perr != nil {
		return time.Time{}, false, nil
	}
	return at, true, nil
}
