// Package attribute defines the custom attributes a flow stores per contact:
// their names, types and how raw text is coerced into a typed value.
//
// It imports only the standard library so that every other package (flow
// validation, the engine, the API caller, storage) can share one definition.
package attribute

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Type is the kind of value an attribute holds.
type Type string

// The attribute types a business owner can choose from.
const (
	Text    Type = "text"
	Number  Type = "number"
	Boolean Type = "boolean"
	Date    Type = "date"
	// List holds a JSON array of objects or values, such as the time slots
	// an API returned (see list.go).
	List Type = "list"
)

// Types lists every valid Type in the order the UI offers them.
var Types = []Type{Text, Number, Boolean, Date, List}

// Valid reports whether t is one of the known types.
func (t Type) Valid() bool {
	for _, k := range Types {
		if k == t {
			return true
		}
	}
	return false
}

// Definition describes one attribute. Built-in attributes exist in every
// database and cannot be renamed or deleted.
type Definition struct {
	Name        string `json:"name"`
	Type        Type   `json:"type"`
	Description string `json:"description"`
	BuiltIn     bool   `json:"builtIn"`
}

// Values holds attribute values by name. Every value is kept in its
// normalized text form (see Coerce) so it can be stored and rendered as is.
type Values map[string]string

// The built-in attribute names. The contact's own fields are filled from the
// WhatsApp profile; the message.* values describe the customer's latest
// message (the media ones are empty unless it carried a photo, a document, a
// voice note, a video or a sticker); the api.* pair describes the latest API
// call.
const (
	ContactName  = "contact.name"
	ContactPhone = "contact.phone"
	APIStatus    = "api.status"
	APIError     = "api.error"
	MessageText  = "message.text"
	// MessageMediaPath is the absolute path of the downloaded file in the
	// data folder's media store; it stays empty while the download has not
	// finished (see docs/architecture.md, "Media").
	MessageMediaPath     = "message.media.path"
	MessageMediaMime     = "message.media.mime"
	MessageMediaCaption  = "message.media.caption"
	MessageMediaFilename = "message.media.filename"
)

// BuiltIns returns the attributes that always exist.
func BuiltIns() []Definition {
	return []Definition{
		{Name: ContactName, Type: Text, Description: "The customer's WhatsApp profile name.", BuiltIn: true},
		{Name: ContactPhone, Type: Text, Description: "The customer's phone number (WhatsApp ID).", BuiltIn: true},
		{Name: MessageText, Type: Text, Description: "The customer's latest message.", BuiltIn: true},
		{Name: MessageMediaPath, Type: Text, Description: "Where the file of the customer's latest message (photo, document, audio, video, sticker) is stored on this computer; empty when it had none.", BuiltIn: true},
		{Name: MessageMediaMime, Type: Text, Description: "The file type of the customer's latest attachment, such as image/jpeg or application/pdf.", BuiltIn: true},
		{Name: MessageMediaCaption, Type: Text, Description: "The caption the customer wrote under their latest attachment.", BuiltIn: true},
		{Name: MessageMediaFilename, Type: Text, Description: "The file name of the customer's latest document, as they sent it.", BuiltIn: true},
		{Name: APIStatus, Type: Number, Description: "HTTP status of the last API call (0 when it failed).", BuiltIn: true},
		{Name: APIError, Type: Text, Description: "What went wrong in the last API call, empty when it succeeded.", BuiltIn: true},
	}
}

// IsBuiltIn reports whether name is one of the built-in attributes.
func IsBuiltIn(name string) bool {
	for _, d := range BuiltIns() {
		if d.Name == name {
			return true
		}
	}
	return false
}

var (
	namePattern   = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	numberPattern = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`)
)

// MaxNameLength bounds attribute names so they stay readable in the editor.
const MaxNameLength = 64

// ErrInvalidName is wrapped by every name validation error.
var ErrInvalidName = errors.New("invalid attribute name")

// ValidateName checks that name can be used for a custom attribute.
func ValidateName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("%w: a name is required", ErrInvalidName)
	case len(name) > MaxNameLength:
		return fmt.Errorf("%w: %q is longer than %d characters", ErrInvalidName, name, MaxNameLength)
	case IsBuiltIn(name):
		return fmt.Errorf("%w: %q is a built-in attribute", ErrInvalidName, name)
	case !namePattern.MatchString(name):
		return fmt.Errorf("%w: %q may only use letters, digits and underscores, and must not start with a digit", ErrInvalidName, name)
	}
	return nil
}

// Coerce turns raw text into the normalized text form of a value of type t:
// numbers without redundant zeros, booleans as "true"/"false", dates as
// YYYY-MM-DD (RFC 3339 timestamps keep their time), lists as compact JSON
// arrays. Empty input stays empty, meaning "no value".
func Coerce(t Type, raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", nil
	}
	switch t {
	case Text, "":
		return raw, nil
	case Number:
		// Only plain decimal notation is a number here: ParseFloat alone would
		// also accept "NaN", "Inf", hex floats and underscores, which no
		// customer means as a number.
		digits := strings.ReplaceAll(s, ",", "")
		if !numberPattern.MatchString(digits) {
			return "", fmt.Errorf("%q is not a number", raw)
		}
		f, err := strconv.ParseFloat(digits, 64)
		if err != nil {
			return "", fmt.Errorf("%q is not a number that fits", raw)
		}
		return strconv.FormatFloat(f, 'f', -1, 64), nil
	case Boolean:
		switch strings.ToLower(s) {
		case "true", "yes", "y", "1", "on":
			return "true", nil
		case "false", "no", "n", "0", "off":
			return "false", nil
		}
		return "", fmt.Errorf("%q is not yes/no (true or false)", raw)
	case Date:
		for _, layout := range []string{"2006-01-02", "02/01/2006", "2006/01/02", "02-01-2006"} {
			if d, err := time.Parse(layout, s); err == nil {
				return d.Format("2006-01-02"), nil
			}
		}
		if d, err := time.Parse(time.RFC3339, s); err == nil {
			return d.Format(time.RFC3339), nil
		}
		return "", fmt.Errorf("%q is not a date (use YYYY-MM-DD)", raw)
	case List:
		return coerceList(s)
	}
	return "", fmt.Errorf("unknown attribute type %q", t)
}

// MaxDescriptionLength bounds the free-text description of an attribute.
const MaxDescriptionLength = 500

// Validate checks a custom attribute definition before it is stored: a valid
// name (see ValidateName), a known type and a description of sensible length.
func (d Definition) Validate() error {
	if err := ValidateName(d.Name); err != nil {
		return err
	}
	if !d.Type.Valid() {
		return fmt.Errorf("%q is not an attribute type (use text, number, boolean, date or list)", d.Type)
	}
	if len(d.Description) > MaxDescriptionLength {
		return fmt.Errorf("the description is longer than %d characters", MaxDescriptionLength)
	}
	return nil
}

// TypeMap returns the type of every attribute by name, built-ins included,
// which is what renderers and mappers need to place and coerce values.
func TypeMap(defs []Definition) map[string]Type {
	m := make(map[string]Type, len(defs)+len(BuiltIns()))
	for _, d := range BuiltIns() {
		m[d.Name] = d.Type
	}
	for _, d := range defs {
		m[d.Name] = d.Type
	}
	return m
}
