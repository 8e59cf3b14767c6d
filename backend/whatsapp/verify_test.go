package whatsapp_test

import (
	"net/url"
	"strings"
	"testing"

	"chatflow/backend/whatsapp"
)

func TestVerifySubscription(t *testing.T) {
	tests := []struct {
		name      string
		query     string
		token     string
		challenge string
		ok        bool
	}{
		{"matching token", "hub.mode=subscribe&hub.verify_token=meatyhamhock&hub.challenge=1158201444", "meatyhamhock", "1158201444", true},
		{"wrong token", "hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1158201444", "meatyhamhock", "", false},
		{"wrong mode", "hub.mode=unsubscribe&hub.verify_token=meatyhamhock&hub.challenge=1", "meatyhamhock", "", false},
		{"no token configured", "hub.mode=subscribe&hub.verify_token=&hub.challenge=1", "", "", false},
		{"no challenge", "hub.mode=subscribe&hub.verify_token=meatyhamhock", "meatyhamhock", "", false},
		{"empty query", "", "meatyhamhock", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := whatsapp.VerifySubscription(q, tt.token)
			if got != tt.challenge || ok != tt.ok {
				t.Fatalf("VerifySubscription = %q, %v; want %q, %v", got, ok, tt.challenge, tt.ok)
			}
		})
	}
}

// Meta documents one concrete rule for its signature: it is computed over the
// body as sent, where non-ASCII text is escaped ("äöå" travels as
// "\u00e4\u00f6\u00e5"), so a check over the decoded text must fail. The
// X-Hub-Signature-256 scheme (sha256= + hex HMAC-SHA256 of the raw body) is
// shared with GitHub, whose documentation gives a full vector: secret
// "It's a Secret to Everybody", body "Hello, World!".
const (
	documentedSecret    = "It's a Secret to Everybody"
	documentedBody      = "Hello, World!"
	documentedSignature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
)

func TestValidSignature(t *testing.T) {
	escaped := []byte(`{"text":{"body":"\u00e4\u00f6\u00e5"}}`)
	decoded := []byte(`{"text":{"body":"äöå"}}`)
	secret := "app-secret"
	tests := []struct {
		name   string
		body   []byte
		header string
		secret string
		want   bool
	}{
		{"documented vector", []byte(documentedBody), documentedSignature, documentedSecret, true},
		{"documented vector, upper-case hex", []byte(documentedBody), "sha256=757107EA0EB2509FC211221CCE984B8A37570B6D7586C22C46F4379C8B043E17", documentedSecret, true},
		{"documented vector, other secret", []byte(documentedBody), documentedSignature, "another secret", false},
		{"documented vector, body changed", []byte(documentedBody + " "), documentedSignature, documentedSecret, false},
		{"escaped unicode signed as sent", escaped, whatsapp.Sign(escaped, secret), secret, true},
		{"decoded unicode does not match the escaped signature", decoded, whatsapp.Sign(escaped, secret), secret, false},
		{"missing header", escaped, "", secret, false},
		{"sha1 prefix", escaped, "sha1=" + whatsapp.Sign(escaped, secret)[7:], secret, false},
		{"no prefix", escaped, whatsapp.Sign(escaped, secret)[7:], secret, false},
		{"not hex", escaped, "sha256=" + string(make([]byte, 64)), secret, false},
		{"truncated", escaped, whatsapp.Sign(escaped, secret)[:40], secret, false},
		{"empty secret never verifies", escaped, whatsapp.Sign(escaped, ""), "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := whatsapp.ValidSignature(tt.body, tt.header, tt.secret); got != tt.want {
				t.Fatalf("ValidSignature = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSignMatchesDocumentedVector(t *testing.T) {
	if got := whatsapp.Sign([]byte(documentedBody), documentedSecret); got != documentedSignature {
		t.Fatalf("Sign = %s, want %s", got, documentedSignature)
	}
}

func FuzzValidSignature(f *testing.F) {
	f.Add([]byte(documentedBody), documentedSignature, documentedSecret)
	f.Add([]byte(`{"object":"whatsapp_business_account"}`), "sha256=00", "s")
	f.Add([]byte{}, "", "")
	f.Fuzz(func(t *testing.T, body []byte, header, secret string) {
		got := whatsapp.ValidSignature(body, header, secret)
		if secret != "" && !whatsapp.ValidSignature(body, whatsapp.Sign(body, secret), secret) {
			t.Fatal("a body signed with Sign must verify")
		}
		if got && !equalFoldHex(strings.TrimSpace(header), whatsapp.Sign(body, secret)) {
			t.Fatalf("accepted a header %q that is not the signature", header)
		}
	})
}

func equalFoldHex(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range len(a) {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'F' {
			x += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
