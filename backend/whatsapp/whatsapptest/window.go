package whatsapptest

import (
	"strconv"
	"time"
)

// CloseWindow makes the fake treat the given customers as outside the
// 24-hour window, like Meta: a message that is not a template is accepted
// (HTTP 200, a message id) and then reported failed with error 131047 in a
// status webhook. OpenWindow undoes it.
func (g *Graph) CloseWindow(to ...string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed == nil {
		g.closed = map[string]bool{}
	}
	for _, t := range to {
		g.closed[t] = true
	}
}

// OpenWindow lets plain messages reach the given customers again.
func (g *Graph) OpenWindow(to ...string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, t := range to {
		delete(g.closed, t)
	}
}

// reEngagementStatus is the failed status Meta posts for a message sent
// outside the window.
func reEngagementStatus(wamid, recipient, callback string, at time.Time) []byte {
	st := map[string]any{"id": wamid, "status": "failed", "timestamp": strconv.FormatInt(at.Unix(), 10),
		"recipient_id": recipient,
		"errors": []map[string]any{{"code": 131047, "title": "Re-engagement message", "message": "Re-engagement message",
			"error_data": map[string]string{"details": "Message failed to send because more than 24 hours have passed since the customer last replied to this number."},
			"href":       "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"}}}
	if callback != "" {
		st["biz_opaque_callback_data"] = callback
	}
	return envelope(map[string]any{"messaging_product": "whatsapp",
		"metadata": map[string]string{"display_phone_number": "15550783881", "phone_number_id": PhoneNumberID},
		"statuses": []map[string]any{st}})
}
