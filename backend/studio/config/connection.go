package config

import (
	"context"
	"errors"
	"strings"

	"chatflow/backend/whatsapp"
)

// GraphWith returns the Graph API connection and app secret the form's
// input describes, for a test before saving: the environment still wins
// (as it does for the live bot), an empty secret means the stored one, and
// a secret marked for removal is absent.
func (c *Config) GraphWith(ctx context.Context, in WhatsAppInput) (whatsapp.Config, string, error) {
	in = trimInput(in)
	pick := func(key, env, typed, def string, clear bool) (string, error) {
		v, over, err := c.value(ctx, key, env, def)
		switch {
		case err != nil || over:
			return v, err
		case clear:
			return "", nil
		case typed != "":
			return typed, nil
		}
		return v, nil
	}
	var cfg whatsapp.Config
	var errs [5]error
	var secret string
	cfg.PhoneNumberID, errs[0] = pick(KeyPhoneNumberID, EnvPhoneNumberID, in.PhoneNumberID, "", false)
	cfg.AccessToken, errs[1] = pick(KeyAccessToken, EnvAccessToken, in.AccessToken, "", in.ClearAccessToken)
	cfg.APIVersion, errs[2] = pick(KeyAPIVersion, EnvAPIVersion, in.APIVersion, whatsapp.DefaultAPIVersion, false)
	cfg.GraphURL, errs[3] = pick(KeyGraphURL, EnvGraphURL, strings.TrimRight(in.GraphURL, "/"), whatsapp.DefaultGraphURL, false)
	secret, errs[4] = pick(KeyAppSecret, EnvAppSecret, in.AppSecret, "", in.ClearAppSecret)
	return cfg, secret, errors.Join(errs[:]...)
}
