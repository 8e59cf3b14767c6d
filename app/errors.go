package app

import "chatflow/backend/apperr"

// ErrorDTO is how a failed call reaches the UI in the desktop window: the
// promise rejects with this object. The browser transport sends the same
// three fields ({"error", "code", "field"}, see backend/server/rpc.go), and
// frontend/src/lib/errors.ts turns both into an AppError.
type ErrorDTO struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}

// FormatError is the window's options.App.ErrorFormatter: every error a
// bound method returns becomes an ErrorDTO, coded or not.
func FormatError(err error) any {
	return ErrorDTO{Code: apperr.ErrorCode(err), Message: apperr.ErrorMessage(err), Field: apperr.ErrorField(err)}
}
