package whatsapptest

import (
	"encoding/json"
	"strconv"
	"time"
)

// Inbound describes one customer message to wrap in a webhook body.
type Inbound struct {
	From string // wa_id
	Name string
	ID   string // wamid
	At   time.Time
	// Text is a text message; ReplyID (with Text as the title) makes it a
	// tapped reply button, and ListReply a tapped list row.
	Text      string
	ReplyID   string
	ListReply bool
}

// Body returns the Cloud API webhook body carrying the messages, in Meta's
// documented shape.
func Body(msgs ...Inbound) []byte {
	contacts := []map[string]any{}
	messages := []map[string]any{}
	seen := map[string]bool{}
	for _, m := range msgs {
		if !seen[m.From] {
			seen[m.From] = true
			contacts = append(contacts, map[string]any{"profile": map[string]string{"name": m.Name}, "wa_id": m.From})
		}
		at := m.At
		if at.IsZero() {
			at = time.Now()
		}
		msg := map[string]any{"from": m.From, "id": m.ID, "timestamp": strconv.FormatInt(at.Unix(), 10)}
		switch {
		case m.ReplyID != "" && m.ListReply:
			msg["type"] = "interactive"
			msg["interactive"] = map[string]any{"type": "list_reply", "list_reply": map[string]string{"id": m.ReplyID, "title": m.Text}}
		case m.ReplyID != "":
			msg["type"] = "interactive"
			msg["interactive"] = map[string]any{"type": "button_reply", "button_reply": map[string]string{"id": m.ReplyID, "title": m.Text}}
		default:
			msg["type"] = "text"
			msg["text"] = map[string]string{"body": m.Text}
		}
		messages = append(messages, msg)
	}
	return envelope(map[string]any{"messaging_product": "whatsapp",
		"metadata": map[string]string{"display_phone_number": "15550783881", "phone_number_id": PhoneNumberID},
		"contacts": contacts, "messages": messages})
}

// StatusBody returns a webhook body with one delivery status.
func StatusBody(wamid, status, recipient string, at time.Time) []byte {
	return statusBody(wamid, status, recipient, "", at)
}

func statusBody(wamid, status, recipient, callback string, at time.Time) []byte {
	st := map[string]any{"id": wamid, "status": status, "timestamp": strconv.FormatInt(at.Unix(), 10), "recipient_id": recipient}
	if callback != "" {
		st["biz_opaque_callback_data"] = callback
	}
	if status == "failed" {
		st["errors"] = []map[string]any{{"code": 131026, "title": "Message undeliverable", "message": "Message undeliverable",
			"error_data": map[string]string{"details": "The recipient's phone cannot receive this message."}}}
	}
	return envelope(map[string]any{"messaging_product": "whatsapp",
		"metadata": map[string]string{"display_phone_number": "15550783881", "phone_number_id": PhoneNumberID},
		"statuses": []map[string]any{st}})
}

func envelope(value map[string]any) []byte {
	// Maps of strings and numbers always encode.
	b, _ := json.Marshal(map[string]any{"object": "whatsapp_business_account", "entry": []map[string]any{{
		"id": "102290129340398", "changes": []map[string]any{{"value": value, "field": "messages"}}}}})
	return b
}
