package whatsapp

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// MediaInfo is the Graph API's answer to GET /{media-id}: where the file
// can be fetched (for about five minutes) and what Meta says it is.
type MediaInfo struct {
	ID       string `json:"id"`
	URL      string `json:"url"`
	MimeType string `json:"mimeType"`
	// SHA256 is the file's checksum as Meta wrote it (hex or base64).
	SHA256 string `json:"sha256"`
	// FileSize is the size Meta announced in bytes; 0 when it did not say.
	FileSize int64 `json:"fileSize"`
}

// wireMediaInfo is GET /{media-id}'s JSON. Meta documents file_size as a
// string ("303833") but numbers have been seen too, hence json.RawMessage.
type wireMediaInfo struct {
	ID       string          `json:"id"`
	URL      string          `json:"url"`
	MimeType string          `json:"mime_type"`
	SHA256   string          `json:"sha256"`
	FileSize json.RawMessage `json:"file_size"`
	Error    *wireGraphError `json:"error"`
}

// ErrMediaInfo wraps every reason ParseMediaInfo refuses an answer.
var ErrMediaInfo = errors.New("whatsapp: unreadable media information")

// maxMediaURL bounds the download address Meta may hand out.
const maxMediaURL = 4096

// ParseMediaInfo reads the answer to GET /{media-id}. It refuses an answer
// without a usable http(s) download address or with a negative or
// unreadable size; it never panics on hostile input.
func ParseMediaInfo(raw []byte) (MediaInfo, error) {
	var w wireMediaInfo
	if err := json.Unmarshal(bytes.TrimSpace(raw), &w); err != nil {
		return MediaInfo{}, fmt.Errorf("%w: %v", ErrMediaInfo, err)
	}
	if w.Error != nil {
		return MediaInfo{}, fmt.Errorf("%w: %s", ErrMediaInfo, w.Error.Message)
	}
	size, err := parseFileSize(w.FileSize)
	if err != nil {
		return MediaInfo{}, err
	}
	if len(w.URL) > maxMediaURL {
		return MediaInfo{}, fmt.Errorf("%w: the download address is too long", ErrMediaInfo)
	}
	u, err := url.Parse(w.URL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return MediaInfo{}, fmt.Errorf("%w: no usable download address", ErrMediaInfo)
	}
	return MediaInfo{ID: w.ID, URL: w.URL, MimeType: strings.TrimSpace(w.MimeType), SHA256: strings.TrimSpace(w.SHA256),
		FileSize: size}, nil
}

// parseFileSize reads file_size written as a JSON string or number.
func parseFileSize(raw json.RawMessage) (int64, error) {
	s := strings.TrimSpace(string(raw))
	if s == "" || s == "null" {
		return 0, nil
	}
	if unq, err := strconv.Unquote(s); err == nil {
		s = strings.TrimSpace(unq)
	}
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%w: file size %.20q is not a byte count", ErrMediaInfo, s)
	}
	return n, nil
}

// ChecksumMatches reports whether announced, Meta's sha256 of a file (hex in
// the media endpoint's answer, base64 in webhooks), equals sum. An empty or
// unreadable announcement says nothing and matches.
func ChecksumMatches(announced string, sum [sha256.Size]byte) bool {
	a := strings.TrimSpace(announced)
	if a == "" {
		return true
	}
	if b, err := hex.DecodeString(a); err == nil && len(b) == sha256.Size {
		return bytes.Equal(b, sum[:])
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(a); err == nil && len(b) == sha256.Size {
			return bytes.Equal(b, sum[:])
		}
	}
	return true
}

// validMediaID reports whether id can be put in a Graph API path: Meta's
// ids are digits, and anything that could change the path is refused.
func validMediaID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for _, r := range id {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// graphBase returns {graph}/{version}.
func (c Config) graphBase() string {
	base := strings.TrimRight(orDefault(c.GraphURL, DefaultGraphURL), "/")
	return base + "/" + strings.Trim(orDefault(c.APIVersion, DefaultAPIVersion), "/")
}

// MediaInfoURL returns {graph}/{version}/{media_id}, asking Meta to check
// that the media belongs to the configured phone number.
func (c Config) MediaInfoURL(mediaID string) string {
	u := c.graphBase() + "/" + url.PathEscape(mediaID)
	if c.PhoneNumberID != "" {
		u += "?phone_number_id=" + url.QueryEscape(c.PhoneNumberID)
	}
	return u
}

// MediaUploadURL returns {graph}/{version}/{phone_number_id}/media.
func (c Config) MediaUploadURL() string {
	return c.graphBase() + "/" + c.PhoneNumberID + "/media"
}

// mayCarryToken reports whether the access token may be sent to a download
// address from Meta's answer: only over https, or to the Graph API's own
// host (a loopback fake in tests), so a forged answer cannot collect it.
func (c Config) mayCarryToken(download string) bool {
	u, err := url.Parse(download)
	if err != nil {
		return false
	}
	if u.Scheme == "https" {
		return true
	}
	g, err := url.Parse(orDefault(c.GraphURL, DefaultGraphURL))
	return err == nil && u.Scheme == g.Scheme && strings.EqualFold(u.Host, g.Host)
}
