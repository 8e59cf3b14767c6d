package whatsapp_test

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"net/url"
	"strings"
	"testing"

	"chatflow/backend/whatsapp"
)

func TestParseMediaInfo(t *testing.T) {
	tests := []struct {
		name string
		body string
		want whatsapp.MediaInfo
		err  string
	}{
		{name: "Meta's documented answer", body: `{"file_size":"303833","id":"2621233374848975","messaging_product":"whatsapp","mime_type":"image/jpeg","sha256":"ab","url":"https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1"}`,
			want: whatsapp.MediaInfo{ID: "2621233374848975", URL: "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1", MimeType: "image/jpeg", SHA256: "ab", FileSize: 303833}},
		{name: "size as a number", body: `{"url":"https://x.example/f","file_size":12,"mime_type":" audio/ogg; codecs=opus "}`,
			want: whatsapp.MediaInfo{URL: "https://x.example/f", FileSize: 12, MimeType: "audio/ogg; codecs=opus"}},
		{name: "no size", body: `{"url":"http://127.0.0.1:9/f"}`, want: whatsapp.MediaInfo{URL: "http://127.0.0.1:9/f"}},
		{name: "negative size", body: `{"url":"https://x.example/f","file_size":"-1"}`, err: "not a byte count"},
		{name: "size in words", body: `{"url":"https://x.example/f","file_size":"big"}`, err: "not a byte count"},
		{name: "no address", body: `{"id":"1","mime_type":"image/jpeg"}`, err: "no usable download address"},
		{name: "a file address", body: `{"url":"file:///etc/passwd"}`, err: "no usable download address"},
		{name: "an error object", body: `{"error":{"message":"Unsupported get request","code":100}}`, err: "Unsupported get request"},
		{name: "not JSON", body: `<html>`, err: "unreadable media information"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := whatsapp.ParseMediaInfo([]byte(tt.body))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || !errors.Is(err, whatsapp.ErrMediaInfo) {
					t.Fatalf("err = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("got %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

func TestChecksumMatches(t *testing.T) {
	sum := sha256.Sum256([]byte("photo"))
	other := sha256.Sum256([]byte("other"))
	for _, tt := range []struct {
		announced string
		want      bool
	}{
		{hex.EncodeToString(sum[:]), true},
		{strings.ToUpper(hex.EncodeToString(sum[:])), true},
		{base64.StdEncoding.EncodeToString(sum[:]), true},
		{base64.RawURLEncoding.EncodeToString(sum[:]), true},
		{hex.EncodeToString(other[:]), false},
		{base64.StdEncoding.EncodeToString(other[:]), false},
		{"", true},                 // nothing announced
		{"IMAGE_HASH", true},       // a placeholder says nothing
		{"not even base64!", true}, // unreadable says nothing
	} {
		if got := whatsapp.ChecksumMatches(tt.announced, sum); got != tt.want {
			t.Errorf("ChecksumMatches(%q) = %v, want %v", tt.announced, got, tt.want)
		}
	}
}

func TestMediaOutgoingBody(t *testing.T) {
	tests := []struct {
		name string
		msg  whatsapp.Outgoing
		want string
		err  bool
	}{
		{"document by id with its name", whatsapp.Outgoing{Kind: "media", To: "1", MediaType: "document", MediaFile: "ab12", MediaID: "77", Filename: "menu.pdf", Text: "Our menu"},
			`{"document":{"caption":"Our menu","filename":"menu.pdf","id":"77"},"messaging_product":"whatsapp","recipient_type":"individual","to":"1","type":"document"}`, false},
		{"image by id has no file name", whatsapp.Outgoing{Kind: "media", To: "1", MediaType: "image", MediaID: "78", Filename: "x.jpg"},
			`{"image":{"id":"78"},"messaging_product":"whatsapp","recipient_type":"individual","to":"1","type":"image"}`, false},
		{"a stored file not uploaded yet", whatsapp.Outgoing{Kind: "media", To: "1", MediaType: "document", MediaFile: "ab12"}, ``, true},
		{"neither link nor file", whatsapp.Outgoing{Kind: "media", To: "1", MediaType: "image"}, ``, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, err := tt.msg.Body()
			if tt.err {
				if !errors.Is(err, whatsapp.ErrInvalidMessage) {
					t.Fatalf("err = %v, want ErrInvalidMessage", err)
				}
				return
			}
			if err != nil || string(body) != tt.want {
				t.Fatalf("Body\n got %s (%v)\nwant %s", body, err, tt.want)
			}
		})
	}
	if !(whatsapp.Outgoing{Kind: "media", MediaFile: "ab"}).NeedsUpload() || (whatsapp.Outgoing{Kind: "media", MediaFile: "ab", MediaID: "1"}).NeedsUpload() {
		t.Fatal("NeedsUpload is true only for a stored file without an id")
	}
}

func TestConfigMediaURLs(t *testing.T) {
	cfg := whatsapp.Config{GraphURL: "https://graph.example/", APIVersion: "v21.0", PhoneNumberID: "106"}
	if got := cfg.MediaInfoURL("123"); got != "https://graph.example/v21.0/123?phone_number_id=106" {
		t.Fatalf("MediaInfoURL = %s", got)
	}
	if got := cfg.MediaUploadURL(); got != "https://graph.example/v21.0/106/media" {
		t.Fatalf("MediaUploadURL = %s", got)
	}
}

func FuzzParseMediaInfo(f *testing.F) {
	f.Add([]byte(`{"file_size":"303833","id":"2621233374848975","messaging_product":"whatsapp","mime_type":"image/jpeg","sha256":"<HASH>","url":"https://lookaside.fbsbx.com/x"}`))
	f.Add([]byte(`{"url":"http://[::1]:80/x","file_size":1e400}`))
	f.Add([]byte(`{"url":"https://x","file_size":"\u0000"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		info, err := whatsapp.ParseMediaInfo(body)
		if err != nil {
			if !errors.Is(err, whatsapp.ErrMediaInfo) {
				t.Fatalf("error %v does not wrap ErrMediaInfo", err)
			}
			return
		}
		u, perr := url.Parse(info.URL)
		if info.FileSize < 0 || perr != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			t.Fatalf("accepted %+v", info)
		}
	})
}
