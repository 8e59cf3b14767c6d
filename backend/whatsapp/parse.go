package whatsapp

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ErrMalformed is wrapped by every Parse error: the body is not a Cloud API
// notification the product can read.
var ErrMalformed = errors.New("whatsapp: malformed notification")

// Parse reads a webhook body into a Notification. Changes other than
// "messages" are ignored, and so are messages without an id or sender.
// Unknown message types come back as TypeUnsupported so they can still be
// shown. Parse never panics on hostile input.
func Parse(body []byte) (Notification, error) {
	var n Notification
	if len(bytes.TrimSpace(body)) == 0 {
		return n, fmt.Errorf("%w: empty body", ErrMalformed)
	}
	var w wireNotification
	if err := json.Unmarshal(body, &w); err != nil {
		return n, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if w.Object != "" && w.Object != "whatsapp_business_account" {
		return n, fmt.Errorf("%w: object %q is not a WhatsApp business account", ErrMalformed, w.Object)
	}
	for _, entry := range w.Entry {
		for _, change := range entry.Changes {
			if change.Field != "" && change.Field != "messages" {
				continue
			}
			parseValue(&n, change.Value)
		}
	}
	return n, nil
}

func parseValue(n *Notification, v wireValue) {
	for _, e := range v.Errors {
		n.Errors = append(n.Errors, convertError(e))
	}
	for _, wm := range v.Messages {
		m, ok := convertMessage(wm, v)
		if ok {
			n.Messages = append(n.Messages, m)
		}
	}
	for _, ws := range v.Statuses {
		if ws.ID == "" || ws.Status == "" {
			continue
		}
		s := Status{
			MessageID: ws.ID,
			Status:    ws.Status,
			Recipient: Contact{WaID: ws.RecipientID, UserID: ws.RecipientUserID},
			Timestamp: parseUnix(ws.Timestamp),
			Callback:  ws.Callback,
		}
		for _, e := range ws.Errors {
			s.Errors = append(s.Errors, convertError(e))
		}
		n.Statuses = append(n.Statuses, s)
	}
}

func convertMessage(wm wireMessage, v wireValue) (Message, bool) {
	from := Contact{WaID: wm.From, UserID: wm.FromUserID}
	if from.Key() == "" || wm.ID == "" {
		return Message{}, false
	}
	for _, c := range v.Contacts {
		if (c.WaID != "" && c.WaID == from.WaID) || (c.UserID != "" && c.UserID == from.UserID) || len(v.Contacts) == 1 {
			from.Name = c.Profile.Name
			if from.UserID == "" {
				from.UserID = c.UserID
			}
			if from.WaID == "" {
				from.WaID = c.WaID
			}
			break
		}
	}
	m := Message{
		ID:            wm.ID,
		PhoneNumberID: v.Metadata.PhoneNumberID,
		From:          from,
		Timestamp:     parseUnix(wm.Timestamp),
		Type:          wm.Type,
	}
	if wm.Context != nil {
		m.ContextID = wm.Context.ID
	}
	for _, e := range wm.Errors {
		m.Errors = append(m.Errors, convertError(e))
	}
	fillContent(&m, wm)
	return m, true
}

// fillContent copies the type-specific part of a message.
func fillContent(m *Message, wm wireMessage) {
	switch wm.Type {
	case TypeText:
		if wm.Text != nil {
			m.Text = wm.Text.Body
		}
	case "interactive":
		fillInteractive(m, wm.Interactive)
	case TypeButton:
		if wm.Button != nil {
			m.Text, m.ReplyID = wm.Button.Text, wm.Button.Payload
		}
	case TypeImage, TypeAudio, TypeVideo, TypeDocument, TypeSticker:
		if media := pickMedia(wm); media != nil {
			m.Media = &Media{ID: media.ID, MimeType: media.MimeType, Caption: media.Caption,
				Filename: media.Filename, SHA256: media.SHA256, Voice: media.Voice}
			m.Text = media.Caption
		}
	case TypeLocation:
		if l := wm.Location; l != nil {
			m.Location = &Location{Latitude: l.Latitude, Longitude: l.Longitude, Name: l.Name, Address: l.Address}
			m.Text = strings.TrimSpace(strings.Join(nonEmpty(l.Name, l.Address), ", "))
			if m.Text == "" {
				m.Text = strconv.FormatFloat(l.Latitude, 'f', -1, 64) + "," + strconv.FormatFloat(l.Longitude, 'f', -1, 64)
			}
		}
	case TypeContacts:
		names := make([]string, 0, len(wm.Contacts))
		for _, c := range wm.Contacts {
			s := Shared{Name: c.Name.FormattedName}
			if s.Name == "" {
				s.Name = strings.TrimSpace(c.Name.FirstName + " " + c.Name.LastName)
			}
			for _, p := range c.Phones {
				s.Phones = append(s.Phones, p.Phone)
			}
			m.Contacts = append(m.Contacts, s)
			names = append(names, s.Name)
		}
		m.Text = strings.Join(names, ", ")
	case TypeReaction:
		if wm.Reaction != nil {
			m.Reaction = &Reaction{MessageID: wm.Reaction.MessageID, Emoji: wm.Reaction.Emoji}
			m.Text = wm.Reaction.Emoji
		}
	case TypeSystem:
		if wm.System != nil {
			m.Text = wm.System.Body
		}
	default:
		m.Type = TypeUnsupported
	}
}

func fillInteractive(m *Message, in *wireInteractive) {
	if in == nil {
		m.Type = TypeUnsupported
		return
	}
	var r *wireReply
	switch in.Type {
	case TypeButtonReply:
		r = in.ButtonReply
	case TypeListReply:
		r = in.ListReply
	}
	if r == nil {
		m.Type = TypeUnsupported
		return
	}
	m.Type, m.Text, m.ReplyID = in.Type, r.Title, r.ID
}

func pickMedia(wm wireMessage) *wireMedia {
	switch wm.Type {
	case TypeImage:
		return wm.Image
	case TypeAudio:
		return wm.Audio
	case TypeVideo:
		return wm.Video
	case TypeDocument:
		return wm.Document
	}
	return wm.Sticker
}

func convertError(e wireError) Error {
	details := e.ErrorData.Details
	if details == "" {
		details = e.Details
	}
	return Error{Code: e.Code, Title: e.Title, Message: e.Message, Details: details}
}

// parseUnix reads Meta's timestamps: Unix seconds as a decimal string.
func parseUnix(s string) time.Time {
	sec, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || sec <= 0 || sec > 1<<40 {
		return time.Time{}
	}
	return time.Unix(sec, 0).UTC()
}

func nonEmpty(parts ...string) []string {
	out := parts[:0]
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

// Summary is a one-line rendering of a message for the inbox list: the text,
// or a bracketed label for content without words.
func (m Message) Summary() string {
	label := ""
	switch m.Type {
	case TypeImage, TypeAudio, TypeVideo, TypeDocument, TypeSticker:
		label = "[" + m.Type + "]"
		if m.Media != nil && m.Media.Filename != "" {
			label = "[" + m.Type + ": " + m.Media.Filename + "]"
		}
	case TypeLocation:
		label = "[location]"
	case TypeContacts:
		label = "[contact card]"
	case TypeReaction:
		if m.Text == "" {
			return "[reaction removed]"
		}
		label = "[reaction]"
	case TypeUnsupported:
		label = "[unsupported message]"
		if len(m.Errors) > 0 {
			label = "[unsupported message: " + m.Errors[0].String() + "]"
		}
	}
	switch {
	case label == "":
		return m.Text
	case m.Text == "":
		return label
	}
	return label + " " + m.Text
}
