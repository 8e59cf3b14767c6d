package studio

import (
	"context"
	"errors"
	"strconv"
	"time"

	"chatflow/backend/apperr"
	"chatflow/backend/watemplates"
	"chatflow/backend/whatsapp"
)

// EventTemplatesChanged follows a template sync, so the Templates page, the
// template node and the inbox reload the list.
const EventTemplatesChanged = "templates:changed"

// Templates are the Templates page's use cases: the synced WhatsApp message
// templates and a sync on demand (also `chatflow templates sync`).
type Templates struct {
	s *Studio
	// Lister fetches the business account's templates; whatsapp.Client
	// unless a test replaces it.
	Lister watemplates.Lister
}

func newTemplates(s *Studio) *Templates {
	return &Templates{s: s, Lister: whatsapp.Client{}}
}

// TemplatesView is the page: the synced templates, when they were synced,
// and why a sync cannot run yet.
type TemplatesView struct {
	Templates []whatsapp.Template `json:"templates"`
	// SyncedAt is when the last sync finished (RFC 3339, "" never).
	SyncedAt string `json:"syncedAt"`
	// Missing says in one sentence which setting a sync still needs, ""
	// when it can run.
	Missing string `json:"missing"`
}

// TemplateSync is what a sync did, with the page after it.
type TemplateSync struct {
	TemplatesView
	Added     int `json:"added"`
	Updated   int `json:"updated"`
	Removed   int `json:"removed"`
	Unchanged int `json:"unchanged"`
	// Skipped counts entries of Meta's answer that could not be read.
	Skipped int `json:"skipped"`
}

// List returns the synced templates, by name then language.
func (u *Templates) List(ctx context.Context) (TemplatesView, error) {
	lib := watemplates.New(u.s.db)
	list, err := lib.List(ctx)
	if err != nil {
		return TemplatesView{}, u.s.internal("list the templates", err)
	}
	view := TemplatesView{Templates: nonNilTemplates(list)}
	if at, ok, err := lib.SyncedAt(ctx); err == nil && ok {
		view.SyncedAt = at.UTC().Format(time.RFC3339)
	}
	_, missing, err := u.graph(ctx)
	if err != nil {
		return TemplatesView{}, err
	}
	view.Missing = missing
	return view, nil
}

// Sync fetches every template of the business account (paged) and makes
// the stored set exactly that; a failed fetch changes nothing. Refusals are
// EINVALID (a setting is missing) or EUNAVAILABLE (WhatsApp refused or
// could not be reached), each one sentence.
func (u *Templates) Sync(ctx context.Context) (TemplateSync, error) {
	cfg, missing, err := u.graph(ctx)
	if err != nil {
		return TemplateSync{}, err
	}
	if missing != "" {
		return TemplateSync{}, apperr.Invalid("businessAccountId", missing)
	}
	res, err := watemplates.New(u.s.db).Sync(ctx, u.Lister, cfg, time.Now())
	if err != nil {
		return TemplateSync{}, u.syncError(err)
	}
	u.s.log.Info("studio: templates synced", "added", res.Added, "updated", res.Updated, "removed", res.Removed,
		"unchanged", res.Unchanged, "skipped", res.Skipped)
	u.s.emit(EventTemplatesChanged, nil)
	return TemplateSync{
		TemplatesView: TemplatesView{Templates: nonNilTemplates(res.Templates), SyncedAt: res.At.UTC().Format(time.RFC3339)},
		Added:         res.Added, Updated: res.Updated, Removed: res.Removed, Unchanged: res.Unchanged, Skipped: res.Skipped,
	}, nil
}

// graph returns the Graph API settings a sync uses, and which one is
// missing.
func (u *Templates) graph(ctx context.Context) (whatsapp.Config, string, error) {
	rt, err := u.s.cfg.Runtime(ctx)
	if err != nil {
		return whatsapp.Config{}, "", u.s.internal("read the settings", err)
	}
	switch {
	case rt.Graph.BusinessAccountID == "":
		return rt.Graph, "The WhatsApp Business Account ID is not set; add it in Settings (or set WHATSAPP_WABA_ID).", nil
	case rt.Graph.AccessToken == "":
		return rt.Graph, "The access token is not set; add it in Settings (or set WHATSAPP_TOKEN).", nil
	}
	return rt.Graph, "", nil
}

// syncError turns a failed fetch into one sentence.
func (u *Templates) syncError(err error) error {
	var apiErr *whatsapp.APIError
	switch {
	case errors.As(err, &apiErr) && apiErr.HTTPStatus == 0:
		return apperr.Wrap(apperr.EUNAVAILABLE, err, "Could not reach WhatsApp to sync the templates: "+whatsapp.Reason(err)+".")
	case errors.As(err, &apiErr):
		msg := "WhatsApp refused the template sync: " + apiErr.Message
		if apiErr.Code != 0 {
			msg += " (code " + strconv.Itoa(apiErr.Code) + ")"
		}
		return apperr.Wrap(apperr.EUNAVAILABLE, err, msg+".")
	case errors.Is(err, whatsapp.ErrNoBusinessAccount):
		return apperr.Wrap(apperr.EINVALID, err, "The WhatsApp Business Account ID and the access token are needed to sync templates.")
	}
	var coded *apperr.Error
	if errors.As(err, &coded) {
		return err
	}
	return apperr.Wrap(apperr.EUNAVAILABLE, err, "The template sync failed: "+err.Error()+".")
}

func nonNilTemplates(ts []whatsapp.Template) []whatsapp.Template {
	if ts == nil {
		return []whatsapp.Template{}
	}
	return ts
}
