package flow

import (
	"strings"
	"unicode/utf8"
)

// TypeMessage sends a text, or media with a caption.
const TypeMessage = "message"

// Limits of a message node's media: the address of a linked file and the
// name of an attached one.
const (
	MaxMediaURLLength  = 2000
	MaxMediaNameLength = 200
)

// MediaTypes lists the media kinds a message node can send.
var MediaTypes = []string{"image", "video", "audio", "document"}

var messageDef = Def{
	Type:        TypeMessage,
	Label:       "Message",
	Description: "Sends a text, or an image, video, audio or document with a caption.",
	Group:       GroupConversation,
	Fields: []Field{
		{Name: "text", Kind: KindTemplate},
		{Name: "mediaUrl", Kind: KindTemplate},
		{Name: "mediaType", Kind: KindText},
		{Name: "mediaFile", Kind: KindText},
		{Name: "mediaName", Kind: KindText},
	},
	Defaults: NodeData{Text: "Hello {{contact.name}}!"},
	Outputs:  []OutputRule{Fixed(HandleOut, "")},
	Limits:   []Limit{{"text", MaxText}, {"caption", MaxCaption}, {"mediaUrl", MaxMediaURLLength}, {"mediaName", MaxMediaNameLength}},
	check:    checkMessage,
	sends:    always,
}

func checkMessage(v *validator, n Node) {
	d := n.Data
	if d.MediaURL == "" && d.MediaFile == "" {
		if d.MediaType != "" {
			v.add(SeverityError, n.ID, "mediaUrl", "Attach the %s to send, or give its address.", d.MediaType)
		}
		v.requireText(n, "text", d.Text, MaxText)
		return
	}
	if !contains(MediaTypes, d.MediaType) {
		v.add(SeverityError, n.ID, "mediaType", "Choose the media type: image, video, audio or document.")
	}
	if d.MediaFile != "" {
		checkMediaFile(v, n)
	} else {
		checkMediaURL(v, n)
	}
	if d.MediaType == "audio" && d.Text != "" {
		v.add(SeverityWarning, n.ID, "text", "WhatsApp shows no caption under audio; the text will not be sent.")
	}
	v.checkText(n, "text", d.Text, MaxCaption)
}

// checkMediaURL checks the link of a message node that sends media by link.
func checkMediaURL(v *validator, n Node) {
	d := n.Data
	lower := strings.ToLower(d.MediaURL)
	if !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(d.MediaURL, "{{") {
		v.add(SeverityError, n.ID, "mediaUrl", "The media address must start with https://.")
	}
	if utf8.RuneCountInString(d.MediaURL) > MaxMediaURLLength {
		v.add(SeverityError, n.ID, "mediaUrl", "The media address is longer than %d characters.", MaxMediaURLLength)
	}
	v.checkPlaceholders(n, "mediaUrl", d.MediaURL)
}

// checkMediaFile checks a message node that sends an attached file: a key
// of the media store (a SHA-256 in hex), and no link besides.
func checkMediaFile(v *validator, n Node) {
	d := n.Data
	if d.MediaURL != "" {
		v.add(SeverityError, n.ID, "mediaUrl", "Send either an attached file or an address, not both.")
	}
	if len(d.MediaFile) != 64 || strings.Trim(d.MediaFile, "0123456789abcdef") != "" {
		v.add(SeverityError, n.ID, "mediaFile", "The attached file is not one this app stored; attach it again.")
	} else if mc, ok := v.env.(MediaChecker); ok && !mc.MediaFileExists(d.MediaFile) {
		v.add(SeverityError, n.ID, "mediaFile", "The attached file is not on this computer; attach it again.")
	}
	if utf8.RuneCountInString(d.MediaName) > MaxMediaNameLength {
		v.add(SeverityError, n.ID, "mediaName", "The file name is longer than %d characters.", MaxMediaNameLength)
	}
}
