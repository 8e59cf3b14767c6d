// Package watemplates keeps the WhatsApp Business Account's message templates
// for the rest of the product: it syncs them from the Graph API into the
// store (which keeps each as opaque JSON) and reads them back as
// whatsapp.Template values for the Templates page, the template node, the
// inbox and notifications.
package watemplates

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/whatsapp"
)

// ErrNotSynced is wrapped when a template is not among the synced ones.
var ErrNotSynced = errors.New("not synced")

// Lister fetches every template of the business account; whatsapp.Client
// implements it.
type Lister interface {
	Templates(ctx context.Context, cfg whatsapp.Config) (whatsapp.TemplateList, error)
}

// Library reads and syncs the stored templates.
type Library struct {
	db *store.DB
}

// New returns the library over db.
func New(db *store.DB) *Library { return &Library{db: db} }

// Result is what a sync did.
type Result struct {
	store.TemplateSync
	// Templates is the synced set, by name then language.
	Templates []whatsapp.Template
	// Skipped counts entries of Meta's answer that could not be read.
	Skipped int
}

// Sync fetches every template with cfg and makes the stored set exactly
// that, in one transaction. Nothing stored changes when the fetch fails.
func (l *Library) Sync(ctx context.Context, lister Lister, cfg whatsapp.Config, now time.Time) (Result, error) {
	list, err := lister.Templates(ctx, cfg)
	if err != nil {
		return Result{}, err
	}
	rows := make([]store.TemplateRow, 0, len(list.Templates))
	for _, t := range list.Templates {
		doc, err := json.Marshal(t)
		if err != nil {
			return Result{}, fmt.Errorf("templates: encode %s: %w", t.Name, err)
		}
		rows = append(rows, store.TemplateRow{Name: t.Name, Language: t.Language, Status: t.Status, Category: t.Category, Doc: string(doc)})
	}
	res, err := l.db.ReplaceTemplates(ctx, rows, now)
	if err != nil {
		return Result{}, err
	}
	all, err := l.List(ctx)
	if err != nil {
		return Result{}, err
	}
	return Result{TemplateSync: res, Templates: all, Skipped: list.Skipped}, nil
}

// List returns every synced template, by name then language.
func (l *Library) List(ctx context.Context) ([]whatsapp.Template, error) {
	rows, err := l.db.TemplateRows(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]whatsapp.Template, 0, len(rows))
	for _, r := range rows {
		t, err := decode(r)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// Template returns one synced template; an error wrapping ErrNotSynced
// when it is not among them.
func (l *Library) Template(ctx context.Context, name, language string) (whatsapp.Template, error) {
	r, err := l.db.TemplateRow(ctx, name, language)
	if errors.Is(err, store.ErrNotFound) {
		return whatsapp.Template{}, notSynced{name, language}
	}
	if err != nil {
		return whatsapp.Template{}, err
	}
	return decode(r)
}

// SyncedAt returns when templates were last synced, and false when never.
func (l *Library) SyncedAt(ctx context.Context) (time.Time, bool, error) {
	return l.db.TemplatesSyncedAt(ctx)
}

// notSynced is the error for a template that is not among the synced ones.
type notSynced struct{ name, language string }

func (e notSynced) Error() string {
	return fmt.Sprintf("templates: %s (%s): %v", e.name, e.language, ErrNotSynced)
}

// Unwrap lets errors.Is match ErrNotSynced.
func (e notSynced) Unwrap() error { return ErrNotSynced }

// NotSynced tells the engine, which does not import this package, that the
// template is missing rather than unreadable.
func (e notSynced) NotSynced() bool { return true }

func decode(r store.TemplateRow) (whatsapp.Template, error) {
	var t whatsapp.Template
	if err := json.Unmarshal([]byte(r.Doc), &t); err != nil {
		return whatsapp.Template{}, fmt.Errorf("templates: stored template %s (%s) is unreadable: %w", r.Name, r.Language, err)
	}
	return t, nil
}
