// Package media keeps the files of conversations: the photos, documents,
// voice notes, videos and stickers customers send (downloaded from the Graph
// API at once, in the background, with retries) and the files a flow's
// message node attaches (uploaded to WhatsApp once and sent by media id).
//
// Files live in one content-addressed folder beside the database
// (<db folder>/<db name>-media/ab/<sha256>.<ext>): a file's name is its
// SHA-256 and an extension chosen from its checked type, so no name from
// outside ever becomes a path, the same bytes are stored once, and a file
// can be shared by many messages and flows. Every file is size-capped per
// kind (WhatsApp's own limits) and type-checked: the first bytes must be
// what Meta (or the browser) said the file is, and that type must be one
// WhatsApp allows for the kind.
package media

import (
	"errors"
	"fmt"
	"mime"
	"path/filepath"
	"strings"
)

// The kinds of media WhatsApp carries (its message types).
const (
	KindImage    = "image"
	KindAudio    = "audio"
	KindVideo    = "video"
	KindDocument = "document"
	KindSticker  = "sticker"
)

// Kinds lists every kind.
var Kinds = []string{KindImage, KindAudio, KindVideo, KindDocument, KindSticker}

// Limits are WhatsApp's size limits per kind: the largest file a customer
// can send or the Cloud API accepts (an animated sticker's 500 KB covers
// static ones).
var Limits = map[string]int64{
	KindImage:    5 << 20,
	KindAudio:    16 << 20,
	KindVideo:    16 << 20,
	KindDocument: 100 << 20,
	KindSticker:  500 << 10,
}

// MaxLimit is the largest of Limits.
const MaxLimit = 100 << 20

// allowed lists the file types WhatsApp supports per kind, with the file
// family their first bytes must show (sniff.go) and the extension a stored
// file gets. Inbound documents also take CSV, which customers' phones send
// as text/csv; it is stored and shown like plain text.
var allowed = map[string][]fileType{
	KindImage:   {{"image/jpeg", famJPEG, ".jpg"}, {"image/png", famPNG, ".png"}},
	KindSticker: {{"image/webp", famWebP, ".webp"}},
	KindAudio: {{"audio/aac", famAAC, ".aac"}, {"audio/amr", famAMR, ".amr"}, {"audio/mpeg", famMP3, ".mp3"},
		{"audio/mp4", famMP4, ".m4a"}, {"audio/ogg", famOgg, ".ogg"}},
	KindVideo: {{"video/mp4", famMP4, ".mp4"}, {"video/3gpp", fam3GP, ".3gp"}},
	KindDocument: {
		{"application/pdf", famPDF, ".pdf"},
		{"text/plain", famText, ".txt"},
		{"text/csv", famText, ".csv"},
		{"application/msword", famOLE, ".doc"},
		{"application/vnd.ms-excel", famOLE, ".xls"},
		{"application/vnd.ms-powerpoint", famOLE, ".ppt"},
		{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", famZip, ".docx"},
		{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", famZip, ".xlsx"},
		{"application/vnd.openxmlformats-officedocument.presentationml.presentation", famZip, ".pptx"},
	},
}

// fileType is one allowed type.
type fileType struct {
	mime   string
	family string
	ext    string
}

// aliases are other names phones and browsers use for allowed types.
var aliases = map[string]string{
	"image/jpg":       "image/jpeg",
	"image/pjpeg":     "image/jpeg",
	"video/3gp":       "video/3gpp",
	"audio/x-m4a":     "audio/mp4",
	"audio/m4a":       "audio/mp4",
	"audio/mp3":       "audio/mpeg",
	"audio/opus":      "audio/ogg",
	"audio/x-aac":     "audio/aac",
	"application/csv": "text/csv",
}

// ErrRefused wraps every reason a file is not kept: too large, a type the
// kind does not allow, or bytes that are not what was announced.
var ErrRefused = errors.New("media: file refused")

// ValidKind reports whether kind is a WhatsApp media kind.
func ValidKind(kind string) bool {
	_, ok := Limits[kind]
	return ok
}

// BaseMIME lower-cases a MIME type, drops its parameters ("audio/ogg;
// codecs=opus" is audio/ogg) and resolves aliases.
func BaseMIME(t string) string {
	base, _, err := mime.ParseMediaType(t)
	if err != nil {
		base, _, _ = strings.Cut(t, ";")
	}
	base = strings.ToLower(strings.TrimSpace(base))
	if a, ok := aliases[base]; ok {
		return a
	}
	return base
}

// Check decides whether a file of kind, announced as declared, whose first
// bytes are head, is kept. It returns the type to store it under (declared,
// normalized). Refusals wrap ErrRefused and say why in one sentence.
func Check(kind, declared string, head []byte) (string, error) {
	types, ok := allowed[kind]
	if !ok {
		return "", fmt.Errorf("%w: %q is not a kind of media", ErrRefused, kind)
	}
	base := BaseMIME(declared)
	for _, t := range types {
		if t.mime != base {
			continue
		}
		if got := Sniff(head); !compatible(t.family, got) {
			return "", fmt.Errorf("%w: the file was announced as %s but its content is %s", ErrRefused, base, describeFamily(got))
		}
		return t.mime, nil
	}
	return "", fmt.Errorf("%w: %s files are not accepted as %s (WhatsApp allows %s)", ErrRefused, orUnknown(base), kindWord(kind), allowedList(kind))
}

// Extension is the extension a stored file of type mimeType gets.
func Extension(mimeType string) string {
	for _, types := range allowed {
		for _, t := range types {
			if t.mime == mimeType {
				return t.ext
			}
		}
	}
	return ""
}

// TypeForUpload guesses the type of a file someone attaches in the editor
// from its bytes and, for formats whose bytes are shared (Office files, MP4
// audio and video), its name and kind; "" when it is none of kind's types.
func TypeForUpload(kind, name string, head []byte) string {
	fam := Sniff(head)
	ext := strings.ToLower(filepath.Ext(name))
	var byFamily string
	for _, t := range allowed[kind] {
		if !compatible(t.family, fam) {
			continue
		}
		if t.ext == ext || (ext == ".jpeg" && t.ext == ".jpg") {
			return t.mime
		}
		if byFamily == "" {
			byFamily = t.mime
		}
	}
	return byFamily
}

// KindOf returns the kind an allowed type belongs to, for a file attached
// without one ("" when none).
func KindOf(mimeType string) string {
	for _, k := range Kinds {
		for _, t := range allowed[k] {
			if t.mime == mimeType {
				return k
			}
		}
	}
	return ""
}

func allowedList(kind string) string {
	var exts []string
	for _, t := range allowed[kind] {
		exts = append(exts, strings.ToUpper(strings.TrimPrefix(t.ext, ".")))
	}
	return strings.Join(exts, ", ")
}

func kindWord(kind string) string {
	switch kind {
	case KindImage:
		return "a photo"
	case KindAudio:
		return "audio"
	case KindVideo:
		return "a video"
	case KindSticker:
		return "a sticker"
	}
	return "a document"
}

func orUnknown(s string) string {
	if s == "" {
		return "untyped"
	}
	return s
}
