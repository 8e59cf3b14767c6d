package whatsapp_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"chatflow/backend/whatsapp"
	"chatflow/backend/whatsapp/whatsapptest"
)

func TestLookUpPhoneNumber(t *testing.T) {
	g := whatsapptest.NewGraph()
	defer g.Close()
	good := g.Config()
	tests := []struct {
		name      string
		cfg       func(whatsapp.Config) whatsapp.Config
		appSecret string
		code      int
		message   string
	}{
		{name: "works", cfg: func(c whatsapp.Config) whatsapp.Config { return c }},
		{name: "works with the app secret", cfg: func(c whatsapp.Config) whatsapp.Config { return c }, appSecret: whatsapptest.AppSecret},
		{name: "another app's secret", cfg: func(c whatsapp.Config) whatsapp.Config { return c }, appSecret: "not-this-app", code: 100, message: "Invalid appsecret_proof"},
		{name: "expired token", cfg: func(c whatsapp.Config) whatsapp.Config { c.AccessToken = "expired"; return c }, code: 190, message: "Invalid OAuth access token"},
		{name: "unknown phone number id", cfg: func(c whatsapp.Config) whatsapp.Config { c.PhoneNumberID = "999999999"; return c }, code: 100, message: "does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pn, err := whatsapp.Client{}.LookUpPhoneNumber(context.Background(), tt.cfg(good), tt.appSecret)
			if tt.code == 0 {
				if err != nil || pn.ID != whatsapptest.PhoneNumberID || pn.DisplayPhoneNumber != "+1 555-010-0199" || pn.VerifiedName != "Test Number" {
					t.Fatalf("LookUpPhoneNumber = %+v, %v", pn, err)
				}
				return
			}
			var apiErr *whatsapp.APIError
			if !errors.As(err, &apiErr) || apiErr.Code != tt.code || !strings.Contains(apiErr.Message, tt.message) {
				t.Fatalf("error = %#v, want code %d with %q", err, tt.code, tt.message)
			}
		})
	}
	if _, err := (whatsapp.Client{}).LookUpPhoneNumber(context.Background(), whatsapp.Config{GraphURL: g.URL}, ""); !errors.Is(err, whatsapp.ErrNotConfigured) {
		t.Fatalf("without settings: %v", err)
	}
}

func TestAppSecretProof(t *testing.T) {
	// printf token | openssl dgst -sha256 -hmac secret
	if got := whatsapp.AppSecretProof("token", "secret"); got != "e941110e3d2bfe82621f0e3e1434730d7305d106c5f68c87165d0b27a4611a4a" {
		t.Fatalf("proof = %s", got)
	}
}
