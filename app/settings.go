package app

import (
	"chatflow/backend/studio"
	"chatflow/backend/studio/config"
)

// Settings is the Settings page's WhatsApp connection: the Cloud API
// credentials, the webhook listener, the inbox limits and the live state.
// Secrets never leave Go: the DTOs carry whether each is set and its last
// four characters.
type Settings struct{ d *Deps }

// WhatsAppSettings is what the Settings form shows.
type WhatsAppSettings config.WhatsApp

// WhatsAppSettingsInput is a save from the form. An empty AccessToken or
// AppSecret keeps the stored secret; the Clear flags remove it.
type WhatsAppSettingsInput config.WhatsAppInput

// WhatsAppStatus is the live state shown beside the settings form.
type WhatsAppStatus studio.Status

// Tunnel is a public address found in a tunnel agent on this machine.
type Tunnel studio.Tunnel

func (s *Settings) use() *studio.Settings { return s.d.Studio.Settings }

// Get returns the current settings, secrets masked.
func (s *Settings) Get() (WhatsAppSettings, error) {
	w, err := s.use().Get(s.d.Ctx)
	return WhatsAppSettings(w), err
}

// Save validates and stores the form; a new webhook address moves the
// listener at once.
func (s *Settings) Save(in WhatsAppSettingsInput) (WhatsAppSettings, error) {
	w, err := s.use().Save(s.d.Ctx, config.WhatsAppInput(in))
	return WhatsAppSettings(w), err
}

// GenerateVerifyToken returns a new random verify token for the form.
func (s *Settings) GenerateVerifyToken() (string, error) { return s.use().GenerateVerifyToken() }

// Status reports the listener, the handshake and event times, and what is
// missing for a live bot.
func (s *Settings) Status() (WhatsAppStatus, error) {
	st, err := s.use().Status(s.d.Ctx)
	return WhatsAppStatus(st), err
}

// DetectTunnel asks ngrok's local agent for a running https tunnel.
func (s *Settings) DetectTunnel() (Tunnel, error) {
	t, err := s.use().DetectTunnel(s.d.Ctx)
	return Tunnel(t), err
}

// PublicAddress is the Settings page's "Public address": the built-in
// tunnel or the owner's own address, the callback URL and verify token,
// and the webhook checks.
type PublicAddress studio.PublicAddress

// PublicAddressInput is a save from the Public address panel.
type PublicAddressInput config.PublicAddressInput

// PublicAddress returns the public address and the tunnel's state.
func (s *Settings) PublicAddress() (PublicAddress, error) {
	a, err := s.use().PublicAddress(s.d.Ctx)
	return PublicAddress(a), err
}

// CheckPublicAddress returns every problem of the panel's input at once.
func (s *Settings) CheckPublicAddress(in PublicAddressInput) ([]studio.FieldProblem, error) {
	return s.use().CheckPublicAddress(s.d.Ctx, config.PublicAddressInput(in))
}

// SavePublicAddress stores the public address and opens or closes the
// built-in tunnel accordingly.
func (s *Settings) SavePublicAddress(in PublicAddressInput) (PublicAddress, error) {
	a, err := s.use().SavePublicAddress(s.d.Ctx, config.PublicAddressInput(in))
	return PublicAddress(a), err
}

// RetryTunnel restarts the built-in tunnel now.
func (s *Settings) RetryTunnel() (PublicAddress, error) {
	a, err := s.use().RetryTunnel(s.d.Ctx)
	return PublicAddress(a), err
}

// Check returns every problem of the WhatsApp form at once.
func (s *Settings) Check(in WhatsAppSettingsInput) ([]studio.FieldProblem, error) {
	return s.use().CheckWhatsApp(config.WhatsAppInput(in)), nil
}

// TestConnection asks the Graph API about the phone number with the form's
// values and says in one sentence what is wrong.
func (s *Settings) TestConnection(in WhatsAppSettingsInput) (studio.ConnectionTest, error) {
	return s.use().TestConnection(s.d.Ctx, config.WhatsAppInput(in))
}
