package app

import "chatflow/backend/studio"

// Templates is the Templates page: the WhatsApp message templates synced
// from the business account, and a sync on demand. After a sync the event
// templates:changed is emitted.
type Templates struct{ d *Deps }

// TemplatesView is the synced templates, when they were synced, and which
// setting a sync still needs.
type TemplatesView studio.TemplatesView

// TemplateSync is what a sync changed, with the templates after it.
type TemplateSync studio.TemplateSync

// List returns the synced templates.
func (t *Templates) List() (TemplatesView, error) {
	v, err := t.d.Studio.Templates.List(t.d.Ctx)
	return TemplatesView(v), err
}

// Sync fetches every template of the business account and stores them.
func (t *Templates) Sync() (TemplateSync, error) {
	r, err := t.d.Studio.Templates.Sync(t.d.Ctx)
	return TemplateSync(r), err
}
