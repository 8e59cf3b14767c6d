package config

import "strings"

// The environment variables Chatflow Studio reads.
const (
	// EnvDB names the database file when --db is not given.
	EnvDB = "CHATFLOW_DB"
	// EnvPprof opts into the loopback profiling listener (docs/performance.md).
	EnvPprof = "CHATFLOW_PPROF"
	// EnvAccessToken ... EnvAPIVersion override stored WhatsApp settings
	// (for servers and tests); the Settings page shows them as overridden.
	EnvAccessToken   = "WHATSAPP_TOKEN"
	EnvPhoneNumberID = "WHATSAPP_PHONE_NUMBER_ID"
	EnvAppSecret     = "WHATSAPP_APP_SECRET"
	EnvVerifyToken   = "WHATSAPP_VERIFY_TOKEN"
	EnvGraphURL      = "WHATSAPP_GRAPH_URL"
	EnvAPIVersion    = "WHATSAPP_API_VERSION"
	// EnvBusinessAccountID overrides the WhatsApp Business Account id.
	EnvBusinessAccountID = "WHATSAPP_WABA_ID"
)

// Override is one command-line flag that stands for an environment
// variable: flag, then environment, then the stored setting.
type Override struct {
	Flag, Env, Usage string
}

// Overrides are the WhatsApp flags of the desktop and serve commands.
var Overrides = []Override{
	{"whatsapp-token", EnvAccessToken, "Cloud API access `token` (overrides the Settings page)"},
	{"whatsapp-phone-number-id", EnvPhoneNumberID, "WhatsApp phone number `id`"},
	{"whatsapp-app-secret", EnvAppSecret, "Meta app `secret` that signs webhooks"},
	{"whatsapp-verify-token", EnvVerifyToken, "webhook verification `token`"},
	{"whatsapp-graph-url", EnvGraphURL, "Graph API base `url` (default https://graph.facebook.com)"},
	{"whatsapp-api-version", EnvAPIVersion, "Graph API `version`, such as v21.0"},
	{"whatsapp-waba-id", EnvBusinessAccountID, "WhatsApp Business Account `id` (owns the message templates)"},
}

// Overlay returns a getenv that answers the non-empty values of set (by
// environment variable name) and asks base for the rest, so flags can be
// laid over the process environment.
func Overlay(base func(string) string, set map[string]string) func(string) string {
	kept := map[string]string{}
	for k, v := range set {
		if v = strings.TrimSpace(v); v != "" {
			kept[k] = v
		}
	}
	if len(kept) == 0 {
		return base
	}
	return func(name string) string {
		if v, ok := kept[name]; ok {
			return v
		}
		if base == nil {
			return ""
		}
		return base(name)
	}
}
