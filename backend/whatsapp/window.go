package whatsapp

import "strings"

// CodeReEngagement is Meta's error 131047 ("Re-engagement message"): more
// than 24 hours have passed since the customer last wrote, so only an
// approved template may be sent to them.
const CodeReEngagement = 131047

// ReEngagementHint is added to every 131047 the inbox shows, so the owner
// knows what to do about it.
const ReEngagementHint = "To reach this customer now, send a template (from the conversation, or with a template node)."

// WindowClosed is the error the product records for a message it does not
// send because the customer's 24-hour window is closed. It is worded like
// Meta's own 131047 so that the inbox shows one explanation whichever side
// noticed first.
func WindowClosed() Error {
	return Error{Code: CodeReEngagement, Title: "Re-engagement message",
		Details: "More than 24 hours have passed since the customer last replied, so WhatsApp only delivers approved templates."}
}

// withHint appends the re-engagement hint to text for error code 131047.
func withHint(text string, code int) string {
	if code != CodeReEngagement || strings.Contains(text, ReEngagementHint) {
		return text
	}
	if !strings.HasSuffix(text, ".") {
		text += "."
	}
	return text + " " + ReEngagementHint
}
