package notify

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"strings"
)

// tokenPrefix starts every trigger token, so one pasted into the wrong
// place (a chat, a log) is recognisable, and secret scanners can match it.
const tokenPrefix = "cft_"

// NewToken returns a new secret token (32 random bytes, base64url), its
// hash (what is stored) and a hint (the first characters, shown in lists so
// the owner can tell tokens apart).
func NewToken() (token, hash, hint string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", "", err
	}
	token = tokenPrefix + base64.RawURLEncoding.EncodeToString(b)
	return token, HashToken(token), token[:len(tokenPrefix)+4], nil
}

// HashToken is the stored form of a token: hex SHA-256. A plain hash is
// enough because the token is 256 random bits; a slow password hash would
// only make every request cost more.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// TokenMatches reports, in constant time, whether token hashes to hash.
func TokenMatches(token, hash string) bool {
	if token == "" || hash == "" {
		return false
	}
	got := HashToken(token)
	return subtle.ConstantTimeCompare([]byte(got), []byte(hash)) == 1
}

// bearer returns the token of an "Authorization: Bearer <token>" header.
func bearer(header string) string {
	scheme, token, ok := strings.Cut(strings.TrimSpace(header), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(token)
}
