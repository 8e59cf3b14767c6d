package config

import (
	"context"
	"errors"
	"strings"
	"time"

	"chatflow/backend/inbox"
	"chatflow/backend/whatsapp"
)

// CallbackPath is where Meta posts webhooks, after the public base URL.
const CallbackPath = "/webhook/whatsapp"

// SettingValue is one plain setting and where its value comes from.
type SettingValue struct {
	Value string `json:"value"`
	// Overridden is true when EnvVar is set, which wins over the stored value.
	Overridden bool   `json:"overridden"`
	EnvVar     string `json:"envVar"`
}

// SecretValue describes a secret without revealing it: whether it is set
// and its last four characters.
type SecretValue struct {
	Set        bool   `json:"set"`
	Hint       string `json:"hint"`
	Overridden bool   `json:"overridden"`
	EnvVar     string `json:"envVar"`
}

// WhatsApp is the WhatsApp connection as the Settings form shows it:
// secrets masked, overrides marked.
type WhatsApp struct {
	PhoneNumberID SettingValue `json:"phoneNumberId"`
	// BusinessAccountID is the WABA id templates are synced from.
	BusinessAccountID SettingValue `json:"businessAccountId"`
	AccessToken       SecretValue  `json:"accessToken"`
	AppSecret         SecretValue  `json:"appSecret"`
	VerifyToken       SettingValue `json:"verifyToken"`
	APIVersion        SettingValue `json:"apiVersion"`
	GraphURL          SettingValue `json:"graphUrl"`
	WebhookAddr       SettingValue `json:"webhookAddr"`
	PublicURL         SettingValue `json:"publicUrl"`
	StaleMinutes      int          `json:"staleMinutes"`
	RateLimit         int          `json:"rateLimit"`
	// CallbackURL is the public base URL + /webhook/whatsapp, to paste into
	// Meta's dashboard ("" until a public URL is set).
	CallbackURL string `json:"callbackUrl"`
}

// Missing lists what must still be filled in to answer customers.
func (w WhatsApp) Missing() []string {
	var out []string
	for _, m := range []struct {
		missing bool
		what    string
	}{
		{w.PhoneNumberID.Value == "", "phone number ID"},
		{!w.AccessToken.Set, "access token"},
		{!w.AppSecret.Set, "app secret"},
		{w.VerifyToken.Value == "", "verify token"},
		{w.PublicURL.Value == "", "public base URL"},
	} {
		if m.missing {
			out = append(out, m.what)
		}
	}
	return out
}

// WhatsAppInput is a save from the form. An empty AccessToken or AppSecret
// keeps the stored secret; the Clear flags remove it.
type WhatsAppInput struct {
	PhoneNumberID     string `json:"phoneNumberId"`
	BusinessAccountID string `json:"businessAccountId"`
	AccessToken       string `json:"accessToken"`
	ClearAccessToken  bool   `json:"clearAccessToken"`
	AppSecret         string `json:"appSecret"`
	ClearAppSecret    bool   `json:"clearAppSecret"`
	VerifyToken       string `json:"verifyToken"`
	APIVersion        string `json:"apiVersion"`
	GraphURL          string `json:"graphUrl"`
	WebhookAddr       string `json:"webhookAddr"`
	PublicURL         string `json:"publicUrl"`
	StaleMinutes      int    `json:"staleMinutes"`
	RateLimit         int    `json:"rateLimit"`
}

// WhatsApp returns the current connection settings, secrets masked.
func (c *Config) WhatsApp(ctx context.Context) (WhatsApp, error) {
	var errs []error
	plain := func(key, env, def string) SettingValue {
		v, over, err := c.value(ctx, key, env, def)
		errs = append(errs, err)
		return SettingValue{Value: v, Overridden: over, EnvVar: env}
	}
	secret := func(key, env string) SecretValue {
		v, over, err := c.value(ctx, key, env, "")
		errs = append(errs, err)
		return SecretValue{Set: v != "", Hint: lastFour(v), Overridden: over, EnvVar: env}
	}
	out := WhatsApp{
		PhoneNumberID:     plain(KeyPhoneNumberID, EnvPhoneNumberID, ""),
		BusinessAccountID: plain(KeyBusinessAccountID, EnvBusinessAccountID, ""),
		AccessToken:       secret(KeyAccessToken, EnvAccessToken),
		AppSecret:         secret(KeyAppSecret, EnvAppSecret),
		VerifyToken:       plain(KeyVerifyToken, EnvVerifyToken, ""),
		APIVersion:        plain(KeyAPIVersion, EnvAPIVersion, whatsapp.DefaultAPIVersion),
		GraphURL:          plain(KeyGraphURL, EnvGraphURL, whatsapp.DefaultGraphURL),
		WebhookAddr:       plain(KeyWebhookAddr, "", DefaultWebhookAddr),
		PublicURL:         plain(KeyPublicURL, "", ""),
	}
	stale, err := c.db.DurationSetting(ctx, KeyStaleAge, inbox.DefaultStaleAge)
	errs = append(errs, err)
	out.StaleMinutes = int(stale / time.Minute)
	out.RateLimit, err = c.db.IntSetting(ctx, KeyRateLimit, inbox.DefaultRate)
	errs = append(errs, err)
	if err := errors.Join(errs...); err != nil {
		return WhatsApp{}, err
	}
	out.CallbackURL = callbackURL(out.PublicURL.Value)
	return out, nil
}

// SaveWhatsApp validates and stores the form and returns the webhook
// address saved before and after. Values overridden by the environment are
// stored too but keep losing to it. A validation failure is a coded EINVALID
// error naming the field; nothing is stored then.
func (c *Config) SaveWhatsApp(ctx context.Context, in WhatsAppInput) (oldAddr, newAddr string, err error) {
	in = trimInput(in)
	if err := validate(in); err != nil {
		return "", "", err
	}
	defer c.cache.clear()
	oldAddr, _ = c.db.StringSetting(ctx, KeyWebhookAddr, DefaultWebhookAddr)
	newAddr = orDefault(in.WebhookAddr, DefaultWebhookAddr)
	plain := map[string]string{
		KeyPhoneNumberID: in.PhoneNumberID, KeyVerifyToken: in.VerifyToken,
		KeyBusinessAccountID: in.BusinessAccountID,
		KeyAPIVersion:        orDefault(in.APIVersion, whatsapp.DefaultAPIVersion),
		KeyGraphURL:          strings.TrimRight(orDefault(in.GraphURL, whatsapp.DefaultGraphURL), "/"),
		KeyWebhookAddr:       newAddr,
		KeyPublicURL:         strings.TrimRight(in.PublicURL, "/"),
	}
	for key, v := range plain {
		if err := c.set(ctx, key, v); err != nil {
			return "", "", err
		}
	}
	for key, sec := range map[string]struct {
		value string
		clear bool
	}{KeyAccessToken: {in.AccessToken, in.ClearAccessToken}, KeyAppSecret: {in.AppSecret, in.ClearAppSecret}} {
		switch {
		case sec.clear:
			err = c.db.DeleteSetting(ctx, key)
		case sec.value != "":
			err = c.db.SetSetting(ctx, key, sec.value)
		}
		if err != nil {
			return "", "", err
		}
	}
	stale := time.Duration(orDefaultInt(in.StaleMinutes, int(inbox.DefaultStaleAge/time.Minute))) * time.Minute
	if err := errors.Join(c.db.SetDurationSetting(ctx, KeyStaleAge, stale),
		c.db.SetIntSetting(ctx, KeyRateLimit, orDefaultInt(in.RateLimit, inbox.DefaultRate))); err != nil {
		return "", "", err
	}
	return oldAddr, newAddr, nil
}

func callbackURL(publicURL string) string {
	if publicURL == "" {
		return ""
	}
	return strings.TrimRight(publicURL, "/") + CallbackPath
}

func lastFour(s string) string {
	r := []rune(s)
	if len(r) < 8 {
		return ""
	}
	return string(r[len(r)-4:])
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func orDefaultInt(n, def int) int {
	if n <= 0 {
		return def
	}
	return n
}
