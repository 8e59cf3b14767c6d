package whatsapp

import (
	"fmt"
	"strings"
)

// A media message is sent either by link (MediaURL: WhatsApp fetches the
// file itself) or by id: a file of the product's media store (MediaFile,
// its content key) is uploaded once with POST /{phone_number_id}/media and
// the sender fills MediaID before Send. The outbox stores MediaFile, never
// the id, because ids expire (30 days) and the upload cache renews them.

// NeedsUpload reports whether m attaches a stored file that has no media id
// yet: the sender must upload it (or take the id from its cache) first.
func (m Outgoing) NeedsUpload() bool {
	return m.Kind == KindMedia && m.MediaFile != "" && m.MediaID == ""
}

// mediaObject is the image/video/audio/document/sticker object of a media
// message: {"id"} or {"link"}, the caption where WhatsApp shows one, and
// the file name of a document.
func (m Outgoing) mediaObject(kind string) (map[string]string, error) {
	media := map[string]string{}
	switch {
	case m.MediaID != "":
		media["id"] = m.MediaID
	case m.MediaFile != "":
		return nil, fmt.Errorf("%w: the attached file was not uploaded", ErrInvalidMessage)
	case strings.HasPrefix(m.MediaURL, "https://") || strings.HasPrefix(m.MediaURL, "http://"):
		media["link"] = m.MediaURL
	default:
		return nil, fmt.Errorf("%w: media needs an http(s) link or an uploaded file", ErrInvalidMessage)
	}
	if m.Text != "" && kind != "audio" && kind != "sticker" {
		media["caption"] = m.Text
	}
	if kind == "document" && strings.TrimSpace(m.Filename) != "" {
		media["filename"] = Truncate(strings.TrimSpace(m.Filename), MaxFilename)
	}
	return media, nil
}

// MaxFilename bounds the document file name sent to WhatsApp.
const MaxFilename = 240
