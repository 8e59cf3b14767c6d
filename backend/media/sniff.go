package media

import (
	"bytes"
	"unicode/utf8"
)

// SniffLen is how many leading bytes Sniff looks at.
const SniffLen = 1024

// File families Sniff recognises. Several types share one family: every
// Office Open XML file is a ZIP, every legacy Office file an OLE2 compound
// file, M4A audio and MP4 video are both ISO media files.
const (
	famJPEG    = "JPEG image"
	famPNG     = "PNG image"
	famWebP    = "WebP image"
	famGIF     = "GIF image"
	famPDF     = "PDF document"
	famZip     = "ZIP archive"
	famOLE     = "legacy Office document"
	famMP4     = "MP4 media"
	fam3GP     = "3GPP media"
	famOgg     = "Ogg audio"
	famAMR     = "AMR audio"
	famMP3     = "MP3 audio"
	famAAC     = "AAC audio"
	famHTML    = "web page (HTML, SVG or XML)"
	famText    = "plain text"
	famUnknown = ""
)

// Sniff names the family of a file from its first bytes (at most SniffLen
// are read). It recognises the formats WhatsApp carries, plus HTML and GIF
// so that those can be named when refused; anything else is unknown ("").
// It never panics on any input.
func Sniff(head []byte) string {
	if len(head) > SniffLen {
		head = head[:SniffLen]
	}
	switch {
	case bytes.HasPrefix(head, []byte("\xff\xd8\xff")):
		return famJPEG
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return famPNG
	case len(head) >= 12 && bytes.Equal(head[:4], []byte("RIFF")) && bytes.Equal(head[8:12], []byte("WEBP")):
		return famWebP
	case bytes.HasPrefix(head, []byte("GIF87a")), bytes.HasPrefix(head, []byte("GIF89a")):
		return famGIF
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return famZip
	case bytes.HasPrefix(head, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return famOLE
	case len(head) >= 12 && bytes.Equal(head[4:8], []byte("ftyp")):
		if brand := head[8:11]; bytes.Equal(brand, []byte("3gp")) || bytes.Equal(brand, []byte("3g2")) {
			return fam3GP
		}
		return famMP4
	case bytes.HasPrefix(head, []byte("OggS")):
		return famOgg
	case bytes.HasPrefix(head, []byte("#!AMR")):
		return famAMR
	case bytes.HasPrefix(head, []byte("ID3")):
		return famMP3
	case len(head) >= 2 && head[0] == 0xff && head[1]&0xf6 == 0xf0:
		return famAAC // ADTS: 12-bit sync, layer 00
	case len(head) >= 2 && head[0] == 0xff && head[1]&0xe0 == 0xe0 && head[1]&0x06 != 0:
		return famMP3 // MPEG audio frame sync with a layer
	}
	// A PDF may have a little junk before its header.
	if i := bytes.Index(head, []byte("%PDF-")); i >= 0 {
		return famPDF
	}
	if looksHTML(head) {
		return famHTML
	}
	if looksText(head) {
		return famText
	}
	return famUnknown
}

// compatible reports whether a file of family got may be stored as a type
// of family want.
func compatible(want, got string) bool {
	switch {
	case want == got:
		return true
	case want == fam3GP && got == famMP4, want == famMP4 && got == fam3GP:
		return true // phones label one as the other
	case want == famAAC && got == famMP4:
		return true // AAC in an MP4 container is often sent as audio/aac
	}
	return false
}

func describeFamily(fam string) string {
	if fam == famUnknown {
		return "of an unknown type"
	}
	return "a " + fam + " file"
}

// looksHTML reports whether the file starts like a web page, which must
// never be stored as a document the UI could show.
func looksHTML(head []byte) bool {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	lower := bytes.ToLower(trimmed[:min(len(trimmed), 16)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<script", "<body", "<svg", "<?xml"} {
		if bytes.HasPrefix(lower, []byte(p)) {
			return true
		}
	}
	return false
}

// looksText reports whether head is UTF-8 text: no NUL, few control
// characters, and valid encoding (a rune cut at the end of head is fine).
func looksText(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if len(head) == 0 {
		return false
	}
	controls := 0
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && size <= 1 {
			if len(head)-i < utf8.UTFMax && !utf8.FullRune(head[i:]) {
				break
			}
			return false
		}
		switch {
		case r == 0:
			return false
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f':
			controls++
		}
		i += size
	}
	return controls*100 <= len(head)
}
