package app

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"chatflow/backend/attribute"
	"chatflow/backend/store"
)

// EventAttributesChanged is emitted after any attribute is created, changed
// or deleted, so open editors can refresh their attribute pickers.
const EventAttributesChanged = "attributes:changed"

// Attributes is the Attributes page: custom attribute definitions and the
// values each contact holds.
type Attributes struct {
	deps *Deps
}

// NewAttributes returns the Attributes service.
func NewAttributes(deps *Deps) *Attributes { return &Attributes{deps: deps} }

// AttributeInfo is one row of the Attributes page. UsedBy says where the
// attribute is used, one entry per API or flow ("API "Orders": mapping
// order.status"); ValueCount is how many contacts hold a value.
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
func (a *Attributes) List() ([]AttributeInfo, error) {
	ctx := a.deps.Ctx
	custom, err := a.deps.DB.Attributes(ctx)
	if err != nil {
		return nil, a.fail("list attributes", err)
	}
	counts, err := a.deps.DB.AttributeValueCounts(ctx)
	if err != nil {
		return nil, a.fail("list attributes", err)
	}
	u, err := loadUsages(ctx, a.deps.DB)
	if err != nil {
		return nil, a.fail("list attributes", err)
	}
	out := []AttributeInfo{}
	for _, d := range append(attribute.BuiltIns(), custom...) {
		out = append(out, AttributeInfo{Name: d.Name, Type: string(d.Type), Description: d.Description,
			BuiltIn: d.BuiltIn, UsedBy: u.ofAttribute(d.Name), ValueCount: counts[d.Name]})
	}
	return out, nil
}

// Create adds a custom attribute.
func (a *Attributes) Create(def attribute.Definition) (AttributeInfo, error) {
	def.Name, def.BuiltIn = strings.TrimSpace(def.Name), false
	if err := def.Validate(); err != nil {
		return AttributeInfo{}, userError(err)
	}
	if err := a.deps.DB.CreateAttribute(a.deps.Ctx, def); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return AttributeInfo{}, fmt.Errorf("An attribute named %q already exists.", def.Name)
		}
		return AttributeInfo{}, a.fail("create attribute", err)
	}
	a.deps.Events.Emit(EventAttributesChanged, nil)
	return a.info(def.Name)
}

// Update renames, retypes or re-describes the attribute called oldName. A
// rename follows it into every API (mappings, placeholders) and every flow
// (attribute fields, placeholders, expressions) in one transaction. A type
// change converts contacts' values and is refused when one does not fit.
func (a *Attributes) Update(oldName string, def attribute.Definition) (AttributeInfo, error) {
	if attribute.IsBuiltIn(oldName) {
		return AttributeInfo{}, fmt.Errorf("%s is built in and cannot be changed.", oldName)
	}
	def.Name, def.BuiltIn = strings.TrimSpace(def.Name), false
	if err := def.Validate(); err != nil {
		return AttributeInfo{}, userError(err)
	}
	ctx := a.deps.Ctx
	err := a.deps.DB.UpdateAttribute(ctx, oldName, def, func(tx *sql.Tx) error {
		if def.Name == oldName {
			return nil
		}
		return store.RenameAttributeInFlowsTx(ctx, tx, oldName, def.Name)
	})
	switch {
	case errors.Is(err, store.ErrConflict):
		return AttributeInfo{}, fmt.Errorf("An attribute named %q already exists.", def.Name)
	case errors.Is(err, store.ErrNotFound):
		return AttributeInfo{}, fmt.Errorf("There is no attribute named %q.", oldName)
	case err != nil && strings.Contains(err.Error(), "does not fit"):
		_, reason, _ := strings.Cut(err.Error(), "does not fit: ")
		return AttributeInfo{}, fmt.Errorf("%s cannot become a %s: a contact's value %s.", oldName, def.Type, strings.TrimSuffix(reason, "."))
	case err != nil:
		return AttributeInfo{}, a.fail("update attribute", err)
	}
	a.deps.Events.Emit(EventAttributesChanged, nil)
	return a.info(def.Name)
}

// Delete removes a custom attribute and its values. It is refused, naming
// every place, while an API or a flow uses it.
func (a *Attributes) Delete(name string) error {
	if attribute.IsBuiltIn(name) {
		return fmt.Errorf("%s is built in and cannot be deleted.", name)
	}
	u, err := loadUsages(a.deps.Ctx, a.deps.DB)
	if err != nil {
		return a.fail("delete attribute", err)
	}
	if used := u.ofAttribute(name); len(used) > 0 {
		return fmt.Errorf("%s is used by %s, so it cannot be deleted.", name, strings.Join(used, "; "))
	}
	if err := a.deps.DB.DeleteAttribute(a.deps.Ctx, name); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("There is no attribute named %q.", name)
		}
		return a.fail("delete attribute", err)
	}
	a.deps.Events.Emit(EventAttributesChanged, nil)
	return nil
}

// ContactValues lists every attribute with the contact's value: the
// contact's name and phone, then the custom attributes.
func (a *Attributes) ContactValues(contactID int64) ([]ContactValue, error) {
	ctx := a.deps.Ctx
	c, err := a.deps.DB.Contact(ctx, contactID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("There is no contact %d.", contactID)
	}
	if err != nil {
		return nil, a.fail("load contact values", err)
	}
	values, err := a.deps.DB.ContactAttributes(ctx, contactID)
	if err != nil {
		return nil, a.fail("load contact values", err)
	}
	custom, err := a.deps.DB.Attributes(ctx)
	if err != nil {
		return nil, a.fail("load contact values", err)
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
func (a *Attributes) SetContactValue(contactID int64, name, value string) (ContactValue, error) {
	ctx := a.deps.Ctx
	if attribute.IsBuiltIn(name) {
		return ContactValue{}, fmt.Errorf("%s is filled in automatically and cannot be set by hand.", name)
	}
	d, err := a.deps.DB.Attribute(ctx, name)
	if errors.Is(err, store.ErrNotFound) {
		return ContactValue{}, fmt.Errorf("There is no attribute named %q.", name)
	}
	if err != nil {
		return ContactValue{}, a.fail("set contact value", err)
	}
	v, err := attribute.Coerce(d.Type, value)
	if err != nil {
		return ContactValue{}, fmt.Errorf("%s: %s.", d.Name, strings.TrimSuffix(err.Error(), "."))
	}
	if _, err := a.deps.DB.Contact(ctx, contactID); errors.Is(err, store.ErrNotFound) {
		return ContactValue{}, fmt.Errorf("There is no contact %d.", contactID)
	}
	if err := a.deps.DB.SetContactAttribute(ctx, contactID, d.Name, v); err != nil {
		return ContactValue{}, a.fail("set contact value", err)
	}
	return ContactValue{Name: d.Name, Type: string(d.Type), Value: v}, nil
}

func (a *Attributes) info(name string) (AttributeInfo, error) {
	list, err := a.List()
	if err != nil {
		return AttributeInfo{}, err
	}
	for _, i := range list {
		if i.Name == name {
			return i, nil
		}
	}
	return AttributeInfo{}, fmt.Errorf("There is no attribute named %q.", name)
}

// fail logs an unexpected error in full and gives the UI one sentence.
func (a *Attributes) fail(what string, err error) error {
	a.deps.Log.Error("attributes: "+what, "err", err)
	return fmt.Errorf("Could not %s: %s.", what, strings.TrimSuffix(err.Error(), "."))
}

// userError strips package prefixes from a validation error so the user
// reads one plain sentence.
func userError(err error) error {
	msg := err.Error()
	if _, rest, ok := strings.Cut(msg, attribute.ErrInvalidName.Error()+": "); ok {
		msg = rest
	}
	msg = strings.ToUpper(msg[:1]) + msg[1:]
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return errors.New(msg)
}
