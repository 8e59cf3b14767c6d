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

// validate checks the form and returns its first problem, a coded error
// naming the field at fault (the form's JSON field name).
func validate(in WhatsAppInput) error {
	if problems := CheckWhatsApp(in); len(problems) > 0 {
		return problems[0]
	}
	return nil
}

// CheckWhatsApp returns every problem of the form, each naming its field,
// so the form can show them all at once under their fields.
func CheckWhatsApp(in WhatsAppInput) []*apperr.Error {
	in = trimInput(in)
	var out []*apperr.Error
	add := func(bad bool, field, msg string) {
		if bad {
			out = append(out, apperr.Invalid(field, msg))
		}
	}
	add(in.PhoneNumberID != "" && !digits.MatchString(in.PhoneNumberID), "phoneNumberId",
		"The phone number ID is the long number from Meta's API Setup page, digits only.")
	add(in.BusinessAccountID != "" && !digits.MatchString(in.BusinessAccountID), "businessAccountId",
		"The WhatsApp Business Account ID is the long number from Meta's API Setup page, digits only.")
	for _, f := range []struct{ field, value string }{{"accessToken", in.AccessToken}, {"appSecret", in.AppSecret}, {"verifyToken", in.VerifyToken}} {
		add(strings.ContainsAny(f.value, " \t\n"), f.field, "Tokens and secrets cannot contain spaces; paste them again.")
	}
	add(in.APIVersion != "" && !apiVersion.MatchString(in.APIVersion), "apiVersion", "The Graph API version looks like v21.0.")
	add(in.GraphURL != "" && !isHTTPURL(in.GraphURL, false), "graphUrl",
		"The Graph base URL must be an http or https address, such as https://graph.facebook.com.")
	add(in.PublicURL != "" && !isHTTPURL(in.PublicURL, true), "publicUrl",
		"The public base URL must be an https address, such as the one ngrok or cloudflared gives you.")
	if in.WebhookAddr != "" {
		host, port, err := net.SplitHostPort(in.WebhookAddr)
		add(err != nil || port == "" || (host != "" && net.ParseIP(host) == nil && host != "localhost"), "webhookAddr",
			"The webhook listen address is host:port, such as 127.0.0.1:8080.")
	}
	add(in.StaleMinutes < 0 || in.StaleMinutes > 24*60, "staleMinutes", "The age limit for messages must be between 1 minute and 24 hours.")
	add(in.RateLimit < 0 || in.RateLimit > 1000, "rateLimit", "The send rate must be between 1 and 1000 messages per second.")
	return out
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
