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
