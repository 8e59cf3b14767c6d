// Package config is the one owner of Chatflow Studio's runtime settings:
// every key of the settings table, the environment variables and flags that
// override some of them, their defaults, their validation, and the cache
// that spares the live bot's hot path the reads. Nothing else in the
// program names a settings key; other packages ask Config.
package config

import "chatflow/backend/store"

// The settings keys. Each is written and read only through Config, except
// the two the store writes itself inside a webhook's transaction.
const (
	// KeyPhoneNumberID ... KeyPublicURL are the WhatsApp connection on the
	// Settings page.
	KeyPhoneNumberID = "whatsapp.phone_number_id"
	KeyAccessToken   = "whatsapp.access_token"
	KeyAppSecret     = "whatsapp.app_secret"
	KeyVerifyToken   = "whatsapp.verify_token"
	KeyAPIVersion    = "whatsapp.api_version"
	KeyGraphURL      = "whatsapp.graph_url"
	KeyPublicURL     = "whatsapp.public_url"
	// KeyBusinessAccountID is the WhatsApp Business Account (WABA) id that
	// owns the message templates (Templates page, templates sync).
	KeyBusinessAccountID = "whatsapp.business_account_id"
	// KeyWebhookAddr is the webhook listener's address (host:port).
	KeyWebhookAddr = "webhook.addr"
	// KeyStaleAge and KeyRateLimit tune the inbox (Settings page);
	// KeyRateLimit is also what the load benchmark sets before a run.
	KeyStaleAge  = "inbox.stale_age"
	KeyRateLimit = "inbox.rate_limit"
	// KeyResendGrace has no form field: it tunes how long a reply cut off
	// by a crash waits for Meta's status before being sent again.
	KeyResendGrace = "inbox.resend_grace"
	// KeyLastEvent and KeyLastVerified are when the last webhook event and
	// the last verification handshake arrived. The store writes the first
	// inside the webhook's own transaction, so its name is the store's.
	KeyLastEvent    = store.SettingWebhookLastEvent
	KeyLastVerified = store.SettingWebhookLastVerified
	// KeyWindowWidth ... KeyWindowY remember the desktop window's geometry.
	KeyWindowWidth  = "window.width"
	KeyWindowHeight = "window.height"
	KeyWindowX      = "window.x"
	KeyWindowY      = "window.y"
	// KeyCloseAction remembers the answer to "keep the bot running or
	// quit?" when the window closes: "" (ask), "background" or "quit".
	KeyCloseAction = "window.close_action"
	// KeySimulatedAt records that a simulation reached a bot reply, the
	// checklist's "test it in the simulator" step.
	KeySimulatedAt = "firstrun.simulated_at"
)

// Defaults that are not another package's.
const (
	// DefaultWebhookAddr is where the webhook listener binds unless told
	// otherwise: loopback, so only a tunnel on this machine can reach it.
	DefaultWebhookAddr = "127.0.0.1:8080"
	// DefaultUIAddr is where browser mode serves the UI.
	DefaultUIAddr = "127.0.0.1:8081"
	// DefaultWindowWidth and DefaultWindowHeight size the first window.
	DefaultWindowWidth  = 1280
	DefaultWindowHeight = 820
)

// The answers to the close question (KeyCloseAction).
const (
	CloseAsk        = ""
	CloseBackground = "background"
	CloseQuit       = "quit"
)
