package whatsapp_test

import (
	"strings"
	"testing"

	"chatflow/backend/whatsapp"
)

func TestReEngagementErrorsCarryTheHint(t *testing.T) {
	fromMeta := whatsapp.Error{Code: 131047, Title: "Re-engagement message", Message: "Re-engagement message",
		Details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number."}
	got := fromMeta.String()
	if !strings.HasPrefix(got, "Re-engagement message: Message failed to send") || !strings.Contains(got, "(code 131047). "+whatsapp.ReEngagementHint) {
		t.Fatalf("Meta's 131047 reads %q", got)
	}
	own := whatsapp.WindowClosed().String()
	if !strings.Contains(own, "code 131047") || !strings.HasSuffix(own, whatsapp.ReEngagementHint) {
		t.Fatalf("the product's own refusal reads %q", own)
	}
	other := whatsapp.Error{Code: 131026, Title: "Message undeliverable"}.String()
	if strings.Contains(other, whatsapp.ReEngagementHint) {
		t.Fatalf("another error got the hint: %q", other)
	}
}
