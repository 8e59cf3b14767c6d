package app

import (
	"flag"
	"strings"
)

// whatsappOverrides maps each WhatsApp flag to the environment variable it
// stands for. The Settings service reads overrides through Env.Getenv, so a
// flag is simply laid over the environment: flag, then environment, then the
// value saved on the Settings page.
var whatsappOverrides = []struct{ flag, env, usage string }{
	{"whatsapp-token", "WHATSAPP_TOKEN", "Cloud API access `token` (overrides the Settings page)"},
	{"whatsapp-phone-number-id", "WHATSAPP_PHONE_NUMBER_ID", "WhatsApp phone number `id`"},
	{"whatsapp-app-secret", "WHATSAPP_APP_SECRET", "Meta app `secret` that signs webhooks"},
	{"whatsapp-verify-token", "WHATSAPP_VERIFY_TOKEN", "webhook verification `token`"},
	{"whatsapp-graph-url", "WHATSAPP_GRAPH_URL", "Graph API base `url` (default https://graph.facebook.com)"},
	{"whatsapp-api-version", "WHATSAPP_API_VERSION", "Graph API `version`, such as v21.0"},
}

// addWhatsAppFlags adds the override flags to fl and returns a function that,
// after parsing, lays the given ones over env.Getenv.
func addWhatsAppFlags(fl *flag.FlagSet) func(env *Env) {
	values := make([]*string, len(whatsappOverrides))
	for i, o := range whatsappOverrides {
		values[i] = fl.String(o.flag, "", o.usage)
	}
	return func(env *Env) {
		set := map[string]string{}
		for i, o := range whatsappOverrides {
			if v := strings.TrimSpace(*values[i]); v != "" {
				set[o.env] = v
			}
		}
		if len(set) == 0 {
			return
		}
		base := env.Getenv
		env.Getenv = func(name string) string {
			if v, ok := set[name]; ok {
				return v
			}
			return base(name)
		}
	}
}
