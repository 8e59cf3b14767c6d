package inbox

import (
	"time"

	"chatflow/backend/store"
	"chatflow/backend/whatsapp"
)

// The 24-hour window is checked before a message is queued, not left to
// Meta alone: the product knows when each customer last wrote (the window
// is stored on the contact), so a message WhatsApp would refuse is recorded
// at once as failed, with Meta's error 131047 and the hint to use a
// template, instead of being sent to collect the same refusal a moment
// later in a status webhook. Meta's own 131047 (sync or in a status) still
// covers what the product cannot see, and reads the same in the inbox.

// windowStatus returns the status and error a new outgoing message starts
// with: queued, or failed when it is not a template and would leave after
// the contact's window has closed.
func windowStatus(c store.Contact, out whatsapp.Outgoing, sendAt time.Time) (string, string) {
	if out.Kind == whatsapp.KindTemplate || sendAt.Before(c.WindowExpiresAt) {
		return store.MessageQueued, ""
	}
	return store.MessageFailed, whatsapp.WindowClosed().String()
}
