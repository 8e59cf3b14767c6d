package studio

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"chatflow/backend/apperr"
	"chatflow/backend/attribute"
	"chatflow/backend/store"
)

// Attributes are the attribute use cases: custom definitions with where
// each is used, renames and type changes that follow the attribute
// everywhere, and the values each contact holds.
type Attributes struct{ s *Studio }

// AttributeInfo is one attribute with where it is used, one entry per API
// or flow ("API "Orders" (mapping order.status)"), and how many contacts
// hold a value.
type AttributeInfo struct {
	Name        string   `json:"name"`
	Type        string   `json:"type"`
	Description string   `json:"description"`
	BuiltIn     bool     `json:"builtIn"`
	UsedBy      []string `json:"usedBy"`
	ValueCount  int      `json:"valueCount"`
}

// ContactValue is one attribute's value for a contact ("" when unset).
type ContactValue struct {
	Name    string `json:"name"`
	Type    string `json:"type"`
	Value   string `json:"value"`
	BuiltIn bool   `json:"builtIn"`
}

// List returns the built-in attributes first, then the custom ones by name,
// each with where it is used.
func (u *Attributes) List(ctx context.Context) ([]AttributeInfo, error) {
	custom, err := u.s.db.Attributes(ctx)
	if err != nil {
		return nil, u.s.internal("list attributes", err)
	}
	counts, err := u.s.db.AttributeValueCounts(ctx)
	if err != nil {
		return nil, u.s.internal("list attributes", err)
	}
	uses, err := loadUsages(ctx, u.s.db)
	if err != nil {
		return nil, u.s.internal("list attributes", err)
	}
	out := []AttributeInfo{}
	for _, d := range append(attribute.BuiltIns(), custom...) {
		out = append(out, AttributeInfo{Name: d.Name, Type: string(d.Type), Description: d.Description,
			BuiltIn: d.BuiltIn, UsedBy: uses.ofAttribute(d.Name), ValueCount: counts[d.Name]})
	}
	return out, nil
}

// Create adds a custom attribute.
func (u *Attributes) Create(ctx context.Context, def attribute.Definition) (AttributeInfo, error) {
	def, err := checkAttribute(def)
	if err != nil {
		return AttributeInfo{}, err
	}
	if err := u.s.db.CreateAttribute(ctx, def); err != nil {
		return AttributeInfo{}, u.fail("create attribute", err, def.Name)
	}
	u.s.emit(EventAttributesChanged, nil)
	return u.info(ctx, def.Name)
}

// Update renames, retypes or re-describes the attribute called oldName. A
// rename follows it into every API (mappings, placeholders) and every flow
// (attribute fields, placeholders, expressions) in one transaction. A type
// change converts contacts' values and is refused when one does not fit.
func (u *Attributes) Update(ctx context.Context, oldName string, def attribute.Definition) (AttributeInfo, error) {
	if attribute.IsBuiltIn(oldName) {
		return AttributeInfo{}, apperr.Errorf(apperr.EINVALID, "%s is built in and cannot be changed.", oldName)
	}
	def, err := checkAttribute(def)
	if err != nil {
		return AttributeInfo{}, err
	}
	err = u.s.db.UpdateAttribute(ctx, oldName, def, func(tx *sql.Tx) error {
		if def.Name == oldName {
			return nil
		}
		return store.RenameAttributeInFlowsTx(ctx, tx, oldName, def.Name)
	})
	if err != nil {
		return AttributeInfo{}, u.fail("update attribute", err, def.Name, oldName)
	}
	u.s.emit(EventAttributesChanged, nil)
	return u.info(ctx, def.Name)
}

// Delete removes a custom attribute and its values. It is refused, naming
// every place, while an API or a flow uses it.
func (u *Attributes) Delete(ctx context.Context, name string) error {
	if attribute.IsBuiltIn(name) {
		return apperr.Errorf(apperr.EINVALID, "%s is built in and cannot be deleted.", name)
	}
	uses, err := loadUsages(ctx, u.s.db)
	if err != nil {
		return u.s.internal("delete attribute", err)
	}
	if used := uses.ofAttribute(name); len(used) > 0 {
		return apperr.Errorf(apperr.ECONFLICT, "%s is used by %s, so it cannot be deleted.", name, strings.Join(used, "; "))
	}
	if err := u.s.db.DeleteAttribute(ctx, name); err != nil {
		return u.fail("delete attribute", err, "", name)
	}
	u.s.emit(EventAttributesChanged, nil)
	return nil
}

// ContactValues lists every attribute with the contact's value: the
// contact's name and phone, then the custom attributes.
func (u *Attributes) ContactValues(ctx context.Context, contactID int64) ([]ContactValue, error) {
	c, err := u.s.db.Contact(ctx, contactID)
	if err != nil {
		return nil, u.s.notFound("load contact values", err, fmt.Sprintf("There is no contact %d.", contactID))
	}
	values, err := u.s.db.ContactAttributes(ctx, contactID)
	if err != nil {
		return nil, u.s.internal("load contact values", err)
	}
	custom, err := u.s.db.Attributes(ctx)
	if err != nil {
		return nil, u.s.internal("load contact values", err)
	}
	out := []ContactValue{
		{Name: attribute.ContactName, Type: string(attribute.Text), Value: c.Name, BuiltIn: true},
		{Name: attribute.ContactPhone, Type: string(attribute.Text), Value: c.Phone, BuiltIn: true},
	}
	for _, d := range custom {
		out = append(out, ContactValue{Name: d.Name, Type: string(d.Type), Value: values[d.Name]})
	}
	return out, nil
}

// SetContactValue stores a contact's value after coercing it to the
// attribute's type; an empty value clears it.
func (u *Attributes) SetContactValue(ctx context.Context, contactID int64, name, value string) (ContactValue, error) {
	if attribute.IsBuiltIn(name) {
		return ContactValue{}, apperr.Errorf(apperr.EINVALID, "%s is filled in automatically and cannot be set by hand.", name)
	}
	d, err := u.s.db.Attribute(ctx, name)
	if err != nil {
		return ContactValue{}, u.s.notFound("set contact value", err, fmt.Sprintf("There is no attribute named %q.", name))
	}
	v, err := attribute.Coerce(d.Type, value)
	if err != nil {
		return ContactValue{}, &apperr.Error{Code: apperr.EINVALID, Field: "value", Err: err,
			Message: fmt.Sprintf("%s: %s.", d.Name, strings.TrimSuffix(err.Error(), "."))}
	}
	if _, err := u.s.db.Contact(ctx, contactID); err != nil {
		return ContactValue{}, u.s.notFound("set contact value", err, fmt.Sprintf("There is no contact %d.", contactID))
	}
	if err := u.s.db.SetContactAttribute(ctx, contactID, d.Name, v); err != nil {
		return ContactValue{}, u.s.internal("set contact value", err)
	}
	return ContactValue{Name: d.Name, Type: string(d.Type), Value: v}, nil
}

func (u *Attributes) info(ctx context.Context, name string) (AttributeInfo, error) {
	list, err := u.List(ctx)
	if err != nil {
		return AttributeInfo{}, err
	}
	for _, i := range list {
		if i.Name == name {
			return i, nil
		}
	}
	return AttributeInfo{}, apperr.Errorf(apperr.ENOTFOUND, "There is no attribute named %q.", name)
}

// fail turns a store error about the attribute oldName (being saved as
// name) into a coded one.
func (u *Attributes) fail(what string, err error, name string, oldName ...string) error {
	var misfit *store.ValueMisfitError
	switch {
	case errors.Is(err, store.ErrConflict):
		return &apperr.Error{Code: apperr.ECONFLICT, Field: "name", Err: err,
			Message: fmt.Sprintf("An attribute named %q already exists.", name)}
	case errors.Is(err, store.ErrNotFound) && len(oldName) > 0:
		return apperr.Wrap(apperr.ENOTFOUND, err, fmt.Sprintf("There is no attribute named %q.", oldName[0]))
	case errors.As(err, &misfit):
		return misfitError(misfit, oldName...)
	}
	return u.s.internal(what, err)
}

// misfitError refuses a type change that a stored value does not survive.
func misfitError(m *store.ValueMisfitError, oldName ...string) error {
	name := m.Attribute
	if len(oldName) > 0 {
		name = oldName[0]
	}
	return &apperr.Error{Code: apperr.EINVALID, Field: "type", Err: m,
		Message: fmt.Sprintf("%s cannot become a %s: a contact's value %s.", name, m.Type, strings.TrimSuffix(m.Err.Error(), "."))}
}
