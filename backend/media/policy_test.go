package media_test

import (
	"errors"
	"strings"
	"testing"

	"chatflow/backend/media"
)

// Heads of real files of each family (their first bytes).
var (
	jpegHead = []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
	pngHead  = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	webpHead = []byte("RIFF\x24\x00\x00\x00WEBPVP8 ")
	pdfHead  = []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	zipHead  = []byte("PK\x03\x04\x14\x00\x06\x00")
	oleHead  = []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00")
	mp4Head  = []byte("\x00\x00\x00\x20ftypisom\x00\x00\x02\x00")
	m4aHead  = []byte("\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00")
	gpHead   = []byte("\x00\x00\x00\x18ftyp3gp4\x00\x00\x00\x00")
	oggHead  = []byte("OggS\x00\x02\x00\x00\x00\x00")
	amrHead  = []byte("#!AMR\n\x3c")
	mp3Head  = []byte("ID3\x04\x00\x00\x00\x00\x00")
	mp3Frame = []byte("\xff\xfb\x90\x64\x00")
	aacHead  = []byte("\xff\xf1\x50\x80\x02\x1f\xfc")
	textHead = []byte("Order 1234\nDelivered to: Ana\n")
	htmlHead = []byte("  <!DOCTYPE html><html><script>alert(1)</script>")
	gifHead  = []byte("GIF89a\x01\x00")
)

func TestCheckAccepts(t *testing.T) {
	tests := []struct {
		kind, declared string
		head           []byte
		want           string
	}{
		{"image", "image/jpeg", jpegHead, "image/jpeg"},
		{"image", "IMAGE/JPG", jpegHead, "image/jpeg"},
		{"image", "image/png", pngHead, "image/png"},
		{"sticker", "image/webp", webpHead, "image/webp"},
		{"audio", "audio/ogg; codecs=opus", oggHead, "audio/ogg"},
		{"audio", "audio/mpeg", mp3Head, "audio/mpeg"},
		{"audio", "audio/mpeg", mp3Frame, "audio/mpeg"},
		{"audio", "audio/aac", aacHead, "audio/aac"},
		{"audio", "audio/aac", m4aHead, "audio/aac"},
		{"audio", "audio/amr", amrHead, "audio/amr"},
		{"audio", "audio/mp4", m4aHead, "audio/mp4"},
		{"video", "video/mp4", mp4Head, "video/mp4"},
		{"video", "video/3gp", gpHead, "video/3gpp"},
		{"video", "video/3gpp", mp4Head, "video/3gpp"},
		{"document", "application/pdf", pdfHead, "application/pdf"},
		{"document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", zipHead,
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
		{"document", "application/vnd.ms-excel", oleHead, "application/vnd.ms-excel"},
		{"document", "text/plain", textHead, "text/plain"},
		{"document", "text/csv", []byte("id;name\n1;Ana\n"), "text/csv"},
		{"document", "text/plain", []byte("Preço: 10 €\n"), "text/plain"},
	}
	for _, tt := range tests {
		got, err := media.Check(tt.kind, tt.declared, tt.head)
		if err != nil || got != tt.want {
			t.Errorf("Check(%s, %s) = %q, %v; want %q", tt.kind, tt.declared, got, err, tt.want)
		}
	}
}

func TestCheckRefuses(t *testing.T) {
	tests := []struct {
		kind, declared string
		head           []byte
		why            string
	}{
		{"image", "image/jpeg", pngHead, "announced as image/jpeg but its content is a PNG image file"},
		{"image", "image/gif", gifHead, "image/gif files are not accepted as a photo (WhatsApp allows JPG, PNG)"},
		{"image", "image/jpeg", htmlHead, "content is a web page"},
		{"document", "application/pdf", htmlHead, "content is a web page"},
		{"document", "text/plain", htmlHead, "content is a web page"},
		{"document", "text/html", htmlHead, "text/html files are not accepted as a document"},
		{"document", "application/zip", zipHead, "application/zip files are not accepted"},
		{"document", "application/msword", zipHead, "content is a ZIP archive"},
		{"document", "text/plain", []byte("bin\x00ary"), "of an unknown type"},
		{"document", "", pdfHead, "untyped files are not accepted"},
		{"audio", "audio/ogg", mp3Head, "content is a MP3 audio"},
		{"sticker", "image/png", pngHead, "not accepted as a sticker"},
		{"video", "video/mp4", jpegHead, "content is a JPEG image"},
		{"spreadsheet", "text/plain", textHead, "not a kind of media"},
		{"image", "image/jpeg", nil, "of an unknown type"},
	}
	for _, tt := range tests {
		_, err := media.Check(tt.kind, tt.declared, tt.head)
		if !errors.Is(err, media.ErrRefused) || !strings.Contains(err.Error(), tt.why) {
			t.Errorf("Check(%s, %s, %q) = %v; want a refusal containing %q", tt.kind, tt.declared, tt.head, err, tt.why)
		}
	}
}

func TestTypeForUpload(t *testing.T) {
	tests := []struct {
		kind, name string
		head       []byte
		want       string
	}{
		{"document", "Menu.PDF", pdfHead, "application/pdf"},
		{"document", "prices.xlsx", zipHead, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		{"document", "deck.ppt", oleHead, "application/vnd.ms-powerpoint"},
		{"document", "notes", textHead, "text/plain"},
		{"document", "page.html", htmlHead, ""},
		{"image", "photo.jpeg", jpegHead, "image/jpeg"},
		{"image", "photo.png", jpegHead, "image/jpeg"}, // the bytes win over a wrong extension
		{"image", "doc.pdf", pdfHead, ""},
		{"audio", "voice.m4a", m4aHead, "audio/mp4"},
		{"video", "clip.3gp", gpHead, "video/3gpp"},
		{"video", "clip.mp4", mp4Head, "video/mp4"},
	}
	for _, tt := range tests {
		if got := media.TypeForUpload(tt.kind, tt.name, tt.head); got != tt.want {
			t.Errorf("TypeForUpload(%s, %s) = %q, want %q", tt.kind, tt.name, got, tt.want)
		}
	}
}

func TestExtensionAndKind(t *testing.T) {
	for mimeType, want := range map[string]string{"image/jpeg": ".jpg", "audio/mp4": ".m4a", "video/3gpp": ".3gp",
		"application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx", "text/html": ""} {
		if got := media.Extension(mimeType); got != want {
			t.Errorf("Extension(%s) = %q, want %q", mimeType, got, want)
		}
	}
	if media.KindOf("image/webp") != "sticker" || media.KindOf("application/pdf") != "document" || media.KindOf("x/y") != "" {
		t.Error("KindOf")
	}
}

// FuzzCheck feeds any announced type and any bytes through the sniffer and
// the policy: it never panics, and whatever it accepts is an allowed type of
// the kind whose stored extension is known.
func FuzzCheck(f *testing.F) {
	for _, h := range [][]byte{jpegHead, pngHead, webpHead, pdfHead, zipHead, oleHead, mp4Head, gpHead, oggHead, amrHead, mp3Head, aacHead, textHead, htmlHead} {
		f.Add("document", "application/pdf", h)
		f.Add("image", "image/jpeg", h)
	}
	f.Add("audio", "audio/ogg; codecs=\"opus\"", oggHead)
	f.Add("video", ";;;", []byte("\xff"))
	f.Fuzz(func(t *testing.T, kind, declared string, head []byte) {
		_ = media.Sniff(head)
		got, err := media.Check(kind, declared, head)
		if err != nil {
			if !errors.Is(err, media.ErrRefused) {
				t.Fatalf("error %v does not wrap ErrRefused", err)
			}
			return
		}
		if media.KindOf(got) != kind || media.Extension(got) == "" {
			t.Fatalf("accepted %q as %s", got, kind)
		}
	})
}
