package app

import "chatflow/backend/studio"

// Triggers is the Settings page's Triggers section: the notification
// triggers your own systems call (POST /notify/{name} on the webhook
// listener). After a change the event triggers:changed is emitted.
type Triggers struct{ d *Deps }

// TriggerInput is a new trigger: a flow by name, or a template with its
// language and parameters.
type TriggerInput studio.TriggerInput

// TriggerView is a trigger as the list shows it (never its token).
type TriggerView studio.TriggerView

// TriggerCreated is a new trigger with its token, shown this once.
type TriggerCreated studio.TriggerCreated

// List returns the triggers by name.
func (t *Triggers) List() ([]TriggerView, error) {
	list, err := t.d.Studio.Triggers.List(t.d.Ctx)
	return each(list, func(v studio.TriggerView) TriggerView { return TriggerView(v) }), err
}

// Add creates a trigger and returns its token (shown once, stored hashed).
func (t *Triggers) Add(in TriggerInput) (TriggerCreated, error) {
	c, err := t.d.Studio.Triggers.Add(t.d.Ctx, studio.TriggerInput(in))
	return TriggerCreated(c), err
}

// Remove deletes a trigger; its token stops working at once.
func (t *Triggers) Remove(name string) error {
	return t.d.Studio.Triggers.Remove(t.d.Ctx, name)
}
