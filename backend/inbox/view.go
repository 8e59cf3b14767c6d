package inbox

import (
	"time"

	"chatflow/backend/store"
)

// MessageView is one conversation message as the UI shows it; it is the
// payload of the inbox events and of the Conversations service.
type MessageView struct {
	ID          int64  `json:"id"`
	ContactID   int64  `json:"contactId"`
	Direction   string `json:"direction"`
	WaMessageID string `json:"waMessageId"`
	Type        string `json:"type"`
	Text        string `json:"text"`
	// Details is the type-specific part as JSON (buttons, rows, media...).
	Details string `json:"details"`
	Status  string `json:"status"`
	Error   string `json:"error"`
	Source  string `json:"source"`
	At      string `json:"at"`
	// Attempts counts the failed tries of a reply still queued, and RetryAt
	// (RFC 3339) is when the next one is due; with Error (the last
	// failure's reason) the inbox shows "retrying" instead of a silent
	// "queued". Zero and "" otherwise.
	Attempts int    `json:"attempts"`
	RetryAt  string `json:"retryAt"`
}

// View turns a stored message into its UI form.
func View(m store.Message) MessageView {
	v := MessageView{ID: m.ID, ContactID: m.ContactID, Direction: m.Direction, WaMessageID: m.WaMessageID,
		Type: m.Type, Text: m.Text, Details: m.Payload, Status: m.Status, Error: m.Error, Source: m.Source,
		At: rfc3339(m.CreatedAt)}
	if m.Direction == store.DirectionOut && m.Status == store.MessageQueued && m.Attempts > 0 {
		v.Attempts, v.RetryAt = m.Attempts, rfc3339(m.NextAttemptAt)
	}
	return v
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
