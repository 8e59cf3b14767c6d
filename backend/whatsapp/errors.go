package whatsapp

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

// APIError is a failed send: either the Graph API answered with an error, or
// no answer was read at all (network failure, timeout), in which case
// HTTPStatus is 0.
type APIError struct {
	HTTPStatus int
	Code       int
	Subcode    int
	// Message is Meta's explanation, shown in the inbox for failed messages.
	Message   string
	TraceID   string
	Retryable bool
	// RetryAfter is the wait Meta asked for in a Retry-After header, if any.
	RetryAfter time.Duration
	Err        error
	// Op names the request that failed in Error ("send" when empty; the
	// media requests say "upload media", "media information", "download media").
	Op string
}

// Error returns one readable sentence.
func (e *APIError) Error() string {
	op := e.Op
	if op == "" {
		op = "send"
	}
	switch {
	case e.HTTPStatus == 0 && e.Err != nil:
		return fmt.Sprintf("whatsapp: %s: %v", op, e.Err)
	case e.Code != 0:
		return fmt.Sprintf("whatsapp: %s: %s (HTTP %d, code %d)", op, e.Message, e.HTTPStatus, e.Code)
	}
	return fmt.Sprintf("whatsapp: %s: %s (HTTP %d)", op, e.Message, e.HTTPStatus)
}

// Unwrap exposes the network error, if any.
func (e *APIError) Unwrap() error { return e.Err }

// retryableCodes are Graph API error codes that describe a temporary
// condition: throttling (4, 80007, 130429, 131056), or Meta's own trouble
// (1, 2, 131000, 131016). The same request may succeed later.
var retryableCodes = map[int]bool{
	1: true, 2: true, 4: true, 80007: true, 130429: true, 131000: true, 131016: true, 131056: true,
}

// classify decides whether a failed answer is worth retrying: throttling
// (HTTP 429 or a rate-limit code) and server errors are; other 4xx answers
// are permanent, because sending the same request again cannot succeed.
func classify(httpStatus, code int) bool {
	switch {
	case httpStatus == http.StatusTooManyRequests, httpStatus >= 500:
		return true
	case retryableCodes[code]:
		return true
	}
	return false
}

// IsRetryable reports whether err is a send failure that may succeed later.
// Errors that are not an *APIError (a message that cannot be rendered, a
// missing setting) are not retryable.
func IsRetryable(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.Retryable
}

// Reason returns the text the inbox shows for a failed send.
func Reason(err error) string {
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		if apiErr.HTTPStatus == 0 {
			return "Could not reach WhatsApp: " + apiErr.Err.Error()
		}
		return withHint(apiErr.Message, apiErr.Code)
	}
	if err == nil {
		return ""
	}
	return err.Error()
}
