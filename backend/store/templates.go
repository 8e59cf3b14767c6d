package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"chatflow/backend/whatsapp"
)

// settingTemplatesSyncedAt records when the last template sync finished.
const settingTemplatesSyncedAt = "templates.synced_at"

// TemplateSync reports what a sync changed.
type TemplateSync struct {
	Added, Updated, Removed, Unchanged int
	At                                 time.Time
}

// ReplaceTemplates makes the stored templates exactly ts (the result of a
// full sync), in one transaction: new ones are added, changed ones updated,
// and those Meta no longer lists removed.
func (db *DB) ReplaceTemplates(ctx context.Context, ts []whatsapp.Template, at time.Time) (TemplateSync, error) {
	res := TemplateSync{At: at}
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		res = TemplateSync{At: at}
		old := map[string]string{}
		rows, err := tx.QueryContext(ctx, `SELECT name, language, template FROM wa_templates`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var name, lang, doc string
			if err := rows.Scan(&name, &lang, &doc); err != nil {
				rows.Close()
				return err
			}
			old[name+"\x00"+lang] = doc
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, t := range ts {
			doc, err := json.Marshal(t)
			if err != nil {
				return err
			}
			key := t.Name + "\x00" + t.Language
			prev, had := old[key]
			delete(old, key)
			switch {
			case had && prev == string(doc):
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
				t.Name, t.Language, t.Status, t.Category, string(doc), at.UnixMilli()); err != nil {
				return err
			}
		}
		for key := range old {
			name, lang, _ := strings.Cut(key, "\x00")
			if _, err := tx.ExecContext(ctx, `DELETE FROM wa_templates WHERE name = ? AND language = ?`, name, lang); err != nil {
				return err
			}
			res.Removed++
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO settings(key, value, updated_at) VALUES(?, ?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
			settingTemplatesSyncedAt, at.UTC().Format(time.RFC3339), at.UnixMilli())
		return err
	})
	if err != nil {
		return TemplateSync{}, fmt.Errorf("store: save synced templates: %w", err)
	}
	return res, nil
}

// Templates returns every stored template, by name then language.
func (db *DB) Templates(ctx context.Context) ([]whatsapp.Template, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT template FROM wa_templates ORDER BY name, language`)
	if err != nil {
		return nil, fmt.Errorf("store: list templates: %w", err)
	}
	defer rows.Close()
	var out []whatsapp.Template
	for rows.Next() {
		t, err := scanTemplate(rows)
		if err != nil {
			return nil, fmt.Errorf("store: list templates: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list templates: %w", err)
	}
	return out, nil
}

// Template returns one stored template; a template never synced is
// ErrNotFound.
func (db *DB) Template(ctx context.Context, name, language string) (whatsapp.Template, error) {
	t, err := scanTemplate(db.R.QueryRowContext(ctx, `SELECT template FROM wa_templates WHERE name = ? AND language = ?`, name, language))
	if errors.Is(err, sql.ErrNoRows) {
		return whatsapp.Template{}, fmt.Errorf("store: template %s (%s): %w", name, language, ErrNotFound)
	}
	if err != nil {
		return whatsapp.Template{}, fmt.Errorf("store: load template %s (%s): %w", name, language, err)
	}
	return t, nil
}

// TemplatesSyncedAt returns when the last sync finished, and false when
// templates were never synced.
func (db *DB) TemplatesSyncedAt(ctx context.Context) (time.Time, bool, error) {
	v, ok, err := db.Setting(ctx, settingTemplatesSyncedAt)
	if err != nil || !ok {
		return time.Time{}, false, err
	}
	at, perr := time.Parse(time.RFC3339, v)
	if perr != nil {
		return time.Time{}, false, nil
	}
	return at, true, nil
}

func scanTemplate(row interface{ Scan(...any) error }) (whatsapp.Template, error) {
	var doc string
	if err := row.Scan(&doc); err != nil {
		return whatsapp.Template{}, err
	}
	var t whatsapp.Template
	if err := json.Unmarshal([]byte(doc), &t); err != nil {
		return whatsapp.Template{}, fmt.Errorf("stored template unreadable: %w", err)
	}
	return t, nil
}
