package app

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strings"
	"time"

	"chatflow/backend/inbox"
	"chatflow/backend/server"
	"chatflow/backend/store"
	"chatflow/backend/whatsapp"
)

// Settings keys of the WhatsApp connection. The webhook listen address uses
// settingWebhookAddr (core.go), shared with the command line.
const (
	settingPhoneNumberID = "whatsapp.phone_number_id"
	settingAccessToken   = "whatsapp.access_token"
	settingAppSecret     = "whatsapp.app_secret"
	settingVerifyToken   = "whatsapp.verify_token"
	settingAPIVersion    = "whatsapp.api_version"
	settingGraphURL      = "whatsapp.graph_url"
	settingPublicURL     = "whatsapp.public_url"
	settingStaleAge      = "inbox.stale_age"
	settingRateLimit     = "inbox.rate_limit"
	// settingResendGrace has no form field: it tunes how long a reply cut
	// off by a crash waits for Meta's status before being sent again.
	settingResendGrace = "inbox.resend_grace"
)

// The environment variables that override stored settings (for servers and
// tests); the Settings page shows them as "overridden by environment".
const (
	envAccessToken   = "WHATSAPP_TOKEN"
	envPhoneNumberID = "WHATSAPP_PHONE_NUMBER_ID"
	envAppSecret     = "WHATSAPP_APP_SECRET"
	envVerifyToken   = "WHATSAPP_VERIFY_TOKEN"
	envGraphURL      = "WHATSAPP_GRAPH_URL"
	envAPIVersion    = "WHATSAPP_API_VERSION"
)

// CallbackPath is where Meta posts webhooks, after the public base URL.
const CallbackPath = "/webhook/whatsapp"

// Settings is the Settings page's WhatsApp connection: the Cloud API
// credentials, the webhook listener, the inbox limits and the live state.
type Settings struct {
	deps *Deps
	// tunnelAPI is ngrok's local agent API (a test points it elsewhere).
	tunnelAPI string
	// cache spares the live bot's hot path the settings reads.
	cache settingsCache
}

// NewSettings returns the Settings service.
func NewSettings(deps *Deps) *Settings {
	return &Settings{deps: deps, tunnelAPI: "http://127.0.0.1:4040/api/tunnels"}
}

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

// WhatsAppSettings is what the Settings form shows.
type WhatsAppSettings struct {
	PhoneNumberID SettingValue `json:"phoneNumberId"`
	AccessToken   SecretValue  `json:"accessToken"`
	AppSecret     SecretValue  `json:"appSecret"`
	VerifyToken   SettingValue `json:"verifyToken"`
	APIVersion    SettingValue `json:"apiVersion"`
	GraphURL      SettingValue `json:"graphUrl"`
	WebhookAddr   SettingValue `json:"webhookAddr"`
	PublicURL     SettingValue `json:"publicUrl"`
	StaleMinutes  int          `json:"staleMinutes"`
	RateLimit     int          `json:"rateLimit"`
	// CallbackURL is the public base URL + /webhook/whatsapp, to paste into
	// Meta's dashboard ("" until a public URL is set).
	CallbackURL string `json:"callbackUrl"`
}

// WhatsAppSettingsInput is a save from the form. An empty AccessToken or
// AppSecret keeps the stored secret; the Clear flags remove it.
type WhatsAppSettingsInput struct {
	PhoneNumberID    string `json:"phoneNumberId"`
	AccessToken      string `json:"accessToken"`
	ClearAccessToken bool   `json:"clearAccessToken"`
	AppSecret        string `json:"appSecret"`
	ClearAppSecret   bool   `json:"clearAppSecret"`
	VerifyToken      string `json:"verifyToken"`
	APIVersion       string `json:"apiVersion"`
	GraphURL         string `json:"graphUrl"`
	WebhookAddr      string `json:"webhookAddr"`
	PublicURL        string `json:"publicUrl"`
	StaleMinutes     int    `json:"staleMinutes"`
	RateLimit        int    `json:"rateLimit"`
}

// Get returns the current settings, secrets masked.
func (s *Settings) Get() (WhatsAppSettings, error) {
	ctx := s.deps.Ctx
	plain := func(key, env, def string) (SettingValue, error) {
		v, over, err := s.value(ctx, key, env, def)
		return SettingValue{Value: v, Overridden: over, EnvVar: env}, err
	}
	secret := func(key, env string) (SecretValue, error) {
		v, over, err := s.value(ctx, key, env, "")
		return SecretValue{Set: v != "", Hint: lastFour(v), Overridden: over, EnvVar: env}, err
	}
	var out WhatsAppSettings
	var errs []error
	var err error
	out.PhoneNumberID, err = plain(settingPhoneNumberID, envPhoneNumberID, "")
	errs = append(errs, err)
	out.AccessToken, err = secret(settingAccessToken, envAccessToken)
	errs = append(errs, err)
	out.AppSecret, err = secret(settingAppSecret, envAppSecret)
	errs = append(errs, err)
	out.VerifyToken, err = plain(settingVerifyToken, envVerifyToken, "")
	errs = append(errs, err)
	out.APIVersion, err = plain(settingAPIVersion, envAPIVersion, whatsapp.DefaultAPIVersion)
	errs = append(errs, err)
	out.GraphURL, err = plain(settingGraphURL, envGraphURL, whatsapp.DefaultGraphURL)
	errs = append(errs, err)
	out.WebhookAddr, err = plain(settingWebhookAddr, "", DefaultWebhookAddr)
	errs = append(errs, err)
	out.PublicURL, err = plain(settingPublicURL, "", "")
	errs = append(errs, err)
	stale, err := s.deps.DB.DurationSetting(ctx, settingStaleAge, inbox.DefaultStaleAge)
	errs = append(errs, err)
	out.StaleMinutes = int(stale / time.Minute)
	out.RateLimit, err = s.deps.DB.IntSetting(ctx, settingRateLimit, inbox.DefaultRate)
	errs = append(errs, err)
	if err := errors.Join(errs...); err != nil {
		return WhatsAppSettings{}, s.fail("read the settings", err)
	}
	out.CallbackURL = callbackURL(out.PublicURL.Value)
	return out, nil
}

// Save validates and stores the form. Values overridden by the environment
// are stored too but keep losing to it. A new webhook address moves the
// listener at once; when the port is taken the settings are still saved and
// Status reports the listener's failure.
func (s *Settings) Save(in WhatsAppSettingsInput) (WhatsAppSettings, error) {
	ctx := s.deps.Ctx
	in = trimInput(in)
	if err := validateSettings(in); err != nil {
		return WhatsAppSettings{}, err
	}
	defer s.cache.clear()
	oldAddr, _ := s.deps.DB.StringSetting(ctx, settingWebhookAddr, DefaultWebhookAddr)
	plain := map[string]string{
		settingPhoneNumberID: in.PhoneNumberID, settingVerifyToken: in.VerifyToken,
		settingAPIVersion:  orDefault(in.APIVersion, whatsapp.DefaultAPIVersion),
		settingGraphURL:    strings.TrimRight(orDefault(in.GraphURL, whatsapp.DefaultGraphURL), "/"),
		settingWebhookAddr: orDefault(in.WebhookAddr, DefaultWebhookAddr),
		settingPublicURL:   strings.TrimRight(in.PublicURL, "/"),
	}
	for key, v := range plain {
		if err := s.deps.DB.SetSetting(ctx, key, v); err != nil {
			return WhatsAppSettings{}, s.fail("save the settings", err)
		}
	}
	for key, sec := range map[string]struct {
		value string
		clear bool
	}{settingAccessToken: {in.AccessToken, in.ClearAccessToken}, settingAppSecret: {in.AppSecret, in.ClearAppSecret}} {
		var err error
		switch {
		case sec.clear:
			err = s.deps.DB.DeleteSetting(ctx, key)
		case sec.value != "":
			err = s.deps.DB.SetSetting(ctx, key, sec.value)
		}
		if err != nil {
			return WhatsAppSettings{}, s.fail("save the settings", err)
		}
	}
	stale := time.Duration(orDefaultInt(in.StaleMinutes, int(inbox.DefaultStaleAge/time.Minute))) * time.Minute
	if err := errors.Join(s.deps.DB.SetDurationSetting(ctx, settingStaleAge, stale),
		s.deps.DB.SetIntSetting(ctx, settingRateLimit, orDefaultInt(in.RateLimit, inbox.DefaultRate))); err != nil {
		return WhatsAppSettings{}, s.fail("save the settings", err)
	}
	if addr := plain[settingWebhookAddr]; addr != oldAddr && s.deps.Webhook != nil {
		if err := s.deps.Webhook.Restart(ctx, addr); err != nil {
			s.deps.Log.Warn("settings: webhook listener not moved", "addr", addr, "err", err)
		}
	}
	return s.Get()
}

// GenerateVerifyToken returns a new random verify token for the form (it is
// stored when the form is saved).
func (s *Settings) GenerateVerifyToken() (string, error) {
	b := make([]byte, 18)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("Could not generate a token: %s.", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// value returns the environment override when set, else the stored value,
// else def.
func (s *Settings) value(ctx context.Context, key, env, def string) (string, bool, error) {
	if env != "" && s.deps.Getenv != nil {
		if v := strings.TrimSpace(s.deps.Getenv(env)); v != "" {
			return v, true, nil
		}
	}
	v, err := s.deps.DB.StringSetting(ctx, key, "")
	if v == "" {
		v = def
	}
	return v, false, err
}

// runtime is what the inbox reads before each piece of work.
func (s *Settings) runtime(ctx context.Context) (inbox.Runtime, error) {
	now := time.Now()
	if rt, ok := s.cache.runtime(now); ok {
		return rt, nil
	}
	var rt inbox.Runtime
	var errs [4]error
	var e error
	rt.Graph.PhoneNumberID, _, errs[0] = s.value(ctx, settingPhoneNumberID, envPhoneNumberID, "")
	rt.Graph.AccessToken, _, errs[1] = s.value(ctx, settingAccessToken, envAccessToken, "")
	rt.Graph.APIVersion, _, errs[2] = s.value(ctx, settingAPIVersion, envAPIVersion, whatsapp.DefaultAPIVersion)
	rt.Graph.GraphURL, _, errs[3] = s.value(ctx, settingGraphURL, envGraphURL, whatsapp.DefaultGraphURL)
	rt.StaleAge, e = s.deps.DB.DurationSetting(ctx, settingStaleAge, inbox.DefaultStaleAge)
	rt.RatePerSecond, _ = s.deps.DB.IntSetting(ctx, settingRateLimit, inbox.DefaultRate)
	rt.ResendGrace, _ = s.deps.DB.DurationSetting(ctx, settingResendGrace, inbox.DefaultResendGrace)
	err := errors.Join(errors.Join(errs[:]...), e)
	if err == nil {
		s.cache.keepRuntime(rt, now)
	}
	return rt, err
}

// secrets is what the webhook checks requests against.
func (s *Settings) secrets(ctx context.Context) (server.WebhookSecrets, error) {
	now := time.Now()
	if sec, ok := s.cache.webhookSecrets(now); ok {
		return sec, nil
	}
	token, _, err1 := s.value(ctx, settingVerifyToken, envVerifyToken, "")
	secret, _, err2 := s.value(ctx, settingAppSecret, envAppSecret, "")
	sec := server.WebhookSecrets{VerifyToken: token, AppSecret: secret}
	err := errors.Join(err1, err2)
	if err == nil {
		s.cache.keepSecrets(sec, now)
	}
	return sec, err
}

// noteVerified records a successful verification handshake.
func (s *Settings) noteVerified(at time.Time) {
	if err := s.deps.DB.SetSetting(s.deps.Ctx, store.SettingWebhookLastVerified, at.UTC().Format(time.RFC3339Nano)); err != nil {
		s.deps.Log.Warn("settings: record verification", "err", err)
	}
}

func (s *Settings) fail(what string, err error) error {
	s.deps.Log.Error("settings: "+what, "err", err)
	return fmt.Errorf("Could not %s: %s.", what, strings.TrimSuffix(err.Error(), "."))
}

var (
	digits     = regexp.MustCompile(`^[0-9]{5,30}$`)
	apiVersion = regexp.MustCompile(`^v[0-9]{1,3}\.[0-9]{1,2}$`)
)

// validateSettings checks the form and returns one clear sentence.
func validateSettings(in WhatsAppSettingsInput) error {
	switch {
	case in.PhoneNumberID != "" && !digits.MatchString(in.PhoneNumberID):
		return errors.New("The phone number ID is the long number from Meta's API Setup page, digits only.")
	case in.APIVersion != "" && !apiVersion.MatchString(in.APIVersion):
		return errors.New("The Graph API version looks like v21.0.")
	case in.GraphURL != "" && !isHTTPURL(in.GraphURL, false):
		return errors.New("The Graph base URL must be an http or https address, such as https://graph.facebook.com.")
	case in.PublicURL != "" && !isHTTPURL(in.PublicURL, true):
		return errors.New("The public base URL must be an https address, such as the one ngrok or cloudflared gives you.")
	case in.StaleMinutes < 0 || in.StaleMinutes > 24*60:
		return errors.New("The age limit for messages must be between 1 minute and 24 hours.")
	case in.RateLimit < 0 || in.RateLimit > 1000:
		return errors.New("The send rate must be between 1 and 1000 messages per second.")
	case strings.ContainsAny(in.AccessToken+in.AppSecret+in.VerifyToken, " \t\n"):
		return errors.New("Tokens and secrets cannot contain spaces; paste them again.")
	}
	if in.WebhookAddr != "" {
		host, port, err := net.SplitHostPort(in.WebhookAddr)
		if err != nil || port == "" || (host != "" && net.ParseIP(host) == nil && host != "localhost") {
			return errors.New("The webhook listen address is host:port, such as 127.0.0.1:8080.")
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

func trimInput(in WhatsAppSettingsInput) WhatsAppSettingsInput {
	for _, p := range []*string{&in.PhoneNumberID, &in.AccessToken, &in.AppSecret, &in.VerifyToken, &in.APIVersion,
		&in.GraphURL, &in.WebhookAddr, &in.PublicURL} {
		*p = strings.TrimSpace(*p)
	}
	return in
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
