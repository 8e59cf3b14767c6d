package whatsapp

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/url"
	"strings"
)

// VerifySubscription answers Meta's webhook verification handshake. It
// returns the challenge to echo and true when hub.mode is "subscribe" and
// hub.verify_token equals token; an empty configured token never verifies.
func VerifySubscription(q url.Values, token string) (string, bool) {
	if token == "" || q.Get("hub.mode") != "subscribe" {
		return "", false
	}
	got := q.Get("hub.verify_token")
	if subtle.ConstantTimeCompare([]byte(got), []byte(token)) != 1 {
		return "", false
	}
	challenge := q.Get("hub.challenge")
	if challenge == "" {
		return "", false
	}
	return challenge, true
}

// Sign returns the X-Hub-Signature-256 value Meta would send for body:
// "sha256=" and the lowercase hex HMAC-SHA256 of the raw bytes keyed with the
// app secret. Tests and the local webhook tester use it to sign payloads.
func Sign(body []byte, appSecret string) string {
	mac := hmac.New(sha256.New, []byte(appSecret))
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

// ValidSignature reports whether header is the X-Hub-Signature-256 of the raw
// body under appSecret. The comparison is constant-time on the decoded MAC.
// An empty secret, a missing header or a malformed one never verifies.
//
// Meta signs the body exactly as sent, which escapes non-ASCII characters
// (äöå arrives as \u00e4\u00f6\u00e5), so the raw bytes must be checked before
// any decoding.
func ValidSignature(body []byte, header, appSecret string) bool {
	if appSecret == "" {
		return false
	}
	hexSig, ok := strings.CutPrefix(strings.TrimSpace(header), "sha256=")
	if !ok || len(hexSig) != sha256.Size*2 {
		return false
	}
	got, err := hex.DecodeString(hexSig)
	if err != nil {
		return false
	}
	mac := hmac.New(sha256.New, []byte(appSecret))
	mac.Write(body)
	return hmac.Equal(got, mac.Sum(nil))
}
