// Package apperr is the one error type every layer uses to say what kind of
// failure happened, in the style of benbjohnson/wtf: a machine-readable Code
// the UI and the transports branch on, one human-readable Message, and the
// Field at fault when a form can point at it. It imports only the standard
// library so that any package may use it without an import cycle.
//
// Only the application layer (backend/studio) and the packages under it
// create coded errors; adapters (app/, the RPC server, the command line) read
// them with ErrorCode, ErrorMessage and ErrorField and never parse the text.
package apperr

import (
	"errors"
	"fmt"
)

// The codes. Each is a string equal to its name, so it reads the same in
// Go, in JSON and in TypeScript (frontend/src/lib/errors.ts lists them too).
const (
	// ECONFLICT: the request clashes with what exists (a name already taken).
	ECONFLICT = "ECONFLICT"
	// EINTERNAL: something failed that the user cannot fix by changing the
	// request (a disk error, a bug); the log has the details.
	EINTERNAL = "EINTERNAL"
	// EINVALID: the request itself is wrong (a bad name, a flow with errors,
	// a mapping into a built-in attribute).
	EINVALID = "EINVALID"
	// ENOTFOUND: the thing asked for does not exist (any more).
	ENOTFOUND = "ENOTFOUND"
	// EUNAUTHORIZED: the caller may not do this.
	EUNAUTHORIZED = "EUNAUTHORIZED"
	// EUNAVAILABLE: it cannot be done in the current state or mode, such as
	// closing a window in browser mode or replying outside WhatsApp's window.
	EUNAVAILABLE = "EUNAVAILABLE"
)

// Error is a failure a person can read: Message is one sentence, Code says
// what kind of failure it is, Field names the form field at fault ("" when
// none). Err is the underlying cause, kept for errors.Is/As and the log;
// it is never shown.
type Error struct {
	Code    string
	Message string
	Field   string
	Err     error
}

// Error returns the message, so a coded error prints as its sentence.
func (e *Error) Error() string {
	if e.Message == "" && e.Err != nil {
		return e.Err.Error()
	}
	return e.Message
}

// Unwrap returns the cause, so errors.Is(err, store.ErrNotFound) still works
// through a coded error.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns a coded error whose message is formatted like fmt.Sprintf.
// A %w verb is allowed and makes the wrapped error the cause.
func Errorf(code, format string, args ...any) *Error {
	wrapped := fmt.Errorf(format, args...)
	return &Error{Code: code, Message: wrapped.Error(), Err: errors.Unwrap(wrapped)}
}

// Invalid returns an EINVALID error about one field of a form.
func Invalid(field, message string) *Error {
	return &Error{Code: EINVALID, Message: message, Field: field}
}

// Wrap returns a coded error with message whose cause is err.
func Wrap(code string, err error, message string) *Error {
	return &Error{Code: code, Message: message, Err: err}
}

// ErrorCode returns the code of the first coded error in err's chain,
// EINTERNAL for any other error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e) && e.Code != "":
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the sentence to show for err: the message of the
// first coded error in its chain, else the error's own text ("" for nil).
// Uncoded errors keep their text because this is a local app: the owner is
// the one reading it, and a vague "internal error" would hide the cause.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e) && e.Message != "":
		return e.Message
	}
	return err.Error()
}

// ErrorField returns the form field of the first coded error in err's
// chain ("" when there is none).
func ErrorField(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

// Is reports whether err carries the given code.
func Is(err error, code string) bool { return err != nil && ErrorCode(err) == code }
