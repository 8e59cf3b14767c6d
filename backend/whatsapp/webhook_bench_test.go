package whatsapp_test

import (
	"testing"

	"chatflow/backend/whatsapp"
)

// BenchmarkWebhook measures what the webhook does with every POST before it
// touches the database: check the signature of the raw body, then parse it.
// The payloads are Meta's documented shapes from testdata.
func BenchmarkWebhook(b *testing.B) {
	const secret = "bench-app-secret"
	for _, name := range []string{"text.json", "interactive_button_reply.json", "status_delivered.json", "two_contacts.json"} {
		body := readPayload(b, name)
		header := whatsapp.Sign(body, secret)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				if !whatsapp.ValidSignature(body, header, secret) {
					b.Fatal("signature did not verify")
				}
				if _, err := whatsapp.Parse(body); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkValidSignature isolates the HMAC check on a typical text message.
func BenchmarkValidSignature(b *testing.B) {
	body := readPayload(b, "text.json")
	header := whatsapp.Sign(body, "s")
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if !whatsapp.ValidSignature(body, header, "s") {
			b.Fatal("signature did not verify")
		}
	}
}
