package app

import (
	"chatflow/backend/attribute"
	"chatflow/backend/studio"
)

// Attributes is the Attributes page: custom attribute definitions and the
// values each contact holds.
type Attributes struct{ d *Deps }

// AttributeInfo is one row of the Attributes page, with where it is used.
type AttributeInfo studio.AttributeInfo

// ContactValue is one attribute's value for a contact ("" when unset).
type ContactValue studio.ContactValue

func (a *Attributes) use() *studio.Attributes { return a.d.Studio.Attributes }

func toInfo(i studio.AttributeInfo, err error) (AttributeInfo, error) { return AttributeInfo(i), err }

// List returns the built-in attributes, then the custom ones by name.
func (a *Attributes) List() ([]AttributeInfo, error) {
	list, err := a.use().List(a.d.Ctx)
	return each(list, func(i studio.AttributeInfo) AttributeInfo { return AttributeInfo(i) }), err
}

// Create adds a custom attribute.
func (a *Attributes) Create(def attribute.Definition) (AttributeInfo, error) {
	return toInfo(a.use().Create(a.d.Ctx, def))
}

// Update renames, retypes or re-describes the attribute called oldName.
func (a *Attributes) Update(oldName string, def attribute.Definition) (AttributeInfo, error) {
	return toInfo(a.use().Update(a.d.Ctx, oldName, def))
}

// Delete removes a custom attribute; refused while it is used.
func (a *Attributes) Delete(name string) error { return a.use().Delete(a.d.Ctx, name) }

// ContactValues lists every attribute with the contact's value.
func (a *Attributes) ContactValues(contactID int64) ([]ContactValue, error) {
	list, err := a.use().ContactValues(a.d.Ctx, contactID)
	return each(list, func(v studio.ContactValue) ContactValue { return ContactValue(v) }), err
}

// SetContactValue stores a contact's value, coerced to the attribute's type.
func (a *Attributes) SetContactValue(contactID int64, name, value string) (ContactValue, error) {
	v, err := a.use().SetContactValue(a.d.Ctx, contactID, name, value)
	return ContactValue(v), err
}
