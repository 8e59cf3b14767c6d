package config

import (
	"net"
	"net/url"
	"regexp"
	"strings"

	"chatflow/backend/apperr"
)

var (
	digits     = regexp.MustCompile(`^[0-9]{5,30}$`)
	apiVersion = regexp.MustCompile(`^v[0-9]{1,3}\.[0-9]{1,2}$`)
)

// validate checks the form and returns one clear sentence naming the field
// at fault (the form's JSON field name).
func validate(in WhatsAppInput) error {
	switch {
	case in.PhoneNumberID != "" && !digits.MatchString(in.PhoneNumberID):
		return apperr.Invalid("phoneNumberId", "The phone number ID is the long number from Meta's API Setup page, digits only.")
	case in.BusinessAccountID != "" && !digits.MatchString(in.BusinessAccountID):
		return apperr.Invalid("businessAccountId", "The WhatsApp Business Account ID is the long number from Meta's API Setup page, digits only.")
	case in.APIVersion != "" && !apiVersion.MatchString(in.APIVersion):
		return apperr.Invalid("apiVersion", "The Graph API version looks like v21.0.")
	case in.GraphURL != "" && !isHTTPURL(in.GraphURL, false):
		return apperr.Invalid("graphUrl", "The Graph base URL must be an http or https address, such as https://graph.facebook.com.")
	case in.PublicURL != "" && !isHTTPURL(in.PublicURL, true):
		return apperr.Invalid("publicUrl", "The public base URL must be an https address, such as the one ngrok or cloudflared gives you.")
	case in.StaleMinutes < 0 || in.StaleMinutes > 24*60:
		return apperr.Invalid("staleMinutes", "The age limit for messages must be between 1 minute and 24 hours.")
	case in.RateLimit < 0 || in.RateLimit > 1000:
		return apperr.Invalid("rateLimit", "The send rate must be between 1 and 1000 messages per second.")
	}
	for field, v := range map[string]string{"accessToken": in.AccessToken, "appSecret": in.AppSecret, "verifyToken": in.VerifyToken} {
		if strings.ContainsAny(v, " \t\n") {
			return apperr.Invalid(field, "Tokens and secrets cannot contain spaces; paste them again.")
		}
	}
	if in.WebhookAddr != "" {
		host, port, err := net.SplitHostPort(in.WebhookAddr)
		if err != nil || port == "" || (host != "" && net.ParseIP(host) == nil && host != "localhost") {
			return apperr.Invalid("webhookAddr", "The webhook listen address is host:port, such as 127.0.0.1:8080.")
		}
	}
	return nil
}

func isHTTPURL(s string, httpsOnly bool) bool {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.User != nil {
		return false
	}
	return u.Scheme == "https" || (!httpsOnly && u.Scheme == "http")
}

func trimInput(in WhatsAppInput) WhatsAppInput {
	for _, p := range []*string{&in.PhoneNumberID, &in.BusinessAccountID, &in.AccessToken, &in.AppSecret, &in.VerifyToken, &in.APIVersion,
		&in.GraphURL, &in.WebhookAddr, &in.PublicURL} {
		*p = strings.TrimSpace(*p)
	}
	return in
}
