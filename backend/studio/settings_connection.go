package studio

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"chatflow/backend/studio/config"
	"chatflow/backend/whatsapp"
)

// ConnectionTest is what "Test connection" found, in one sentence.
type ConnectionTest struct {
	OK      bool   `json:"ok"`
	Message string `json:"message"`
	// PhoneNumber and VerifiedName are what Meta says about the number
	// (when OK).
	PhoneNumber  string `json:"phoneNumber"`
	VerifiedName string `json:"verifiedName"`
}

// CheckWhatsApp returns every problem of the WhatsApp form at once.
func (u *Settings) CheckWhatsApp(in config.WhatsAppInput) []FieldProblem {
	return problems(config.CheckWhatsApp(in))
}

// TestConnection asks the Graph API about the phone number with the form's
// values (an empty secret means the stored one), proving the access token,
// the phone number ID and, through Meta's appsecret_proof, the app secret
// belong together, and says in one sentence what is wrong when they do not.
// Nothing is stored.
func (u *Settings) TestConnection(ctx context.Context, in config.WhatsAppInput) (ConnectionTest, error) {
	if p := config.CheckWhatsApp(in); len(p) > 0 {
		return ConnectionTest{Message: p[0].Message}, nil
	}
	cfg, appSecret, err := u.s.cfg.GraphWith(ctx, in)
	if err != nil {
		return ConnectionTest{}, u.s.internal("read the settings", err)
	}
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	pn, err := whatsapp.Client{}.LookUpPhoneNumber(ctx, cfg, appSecret)
	if err != nil {
		return ConnectionTest{Message: connectionProblem(cfg, err)}, nil
	}
	msg := fmt.Sprintf("Connected to %s", orText(pn.DisplayPhoneNumber, cfg.PhoneNumberID))
	if pn.VerifiedName != "" {
		msg += " (" + pn.VerifiedName + ")"
	}
	if appSecret == "" {
		msg += ". The access token and the phone number ID belong together; the app secret is not set, so it was not checked."
	} else {
		msg += ". The access token, the phone number ID and the app secret belong together."
	}
	return ConnectionTest{OK: true, Message: msg, PhoneNumber: pn.DisplayPhoneNumber, VerifiedName: pn.VerifiedName}, nil
}

// connectionProblem says what a failed lookup means for the owner.
func connectionProblem(cfg whatsapp.Config, err error) string {
	if errors.Is(err, whatsapp.ErrNotConfigured) {
		return "Fill in the phone number ID and the access token first."
	}
	var apiErr *whatsapp.APIError
	if !errors.As(err, &apiErr) {
		return "Could not test the connection: " + strings.TrimSuffix(err.Error(), ".") + "."
	}
	meta := strings.TrimSuffix(apiErr.Message, ".")
	switch {
	case apiErr.HTTPStatus == 0:
		host := cfg.GraphURL
		if u, perr := url.Parse(cfg.GraphURL); perr == nil && u.Host != "" {
			host = u.Host
		}
		return "Could not reach the Graph API at " + host + "; is this computer online, or does a firewall block it?"
	case apiErr.Code == 190:
		return "Meta refused the access token (" + meta + "). A temporary token expires after 24 hours; paste a new one."
	case strings.Contains(strings.ToLower(meta), "appsecret_proof"):
		return "The app secret does not belong to this access token's app; copy the App secret of the same app (App settings › Basic)."
	case apiErr.Code == 100 && (apiErr.Subcode == 33 || strings.Contains(meta, "does not exist")):
		return "Meta does not know the phone number ID " + cfg.PhoneNumberID + " for this token; copy the Phone number ID from WhatsApp › API Setup (not the phone number itself)."
	case apiErr.Code == 10 || apiErr.Code == 200:
		return "The access token may not use this phone number (" + meta + "); give it the whatsapp_business_management and whatsapp_business_messaging permissions."
	}
	return fmt.Sprintf("Meta refused the test: %s (HTTP %d, code %d).", meta, apiErr.HTTPStatus, apiErr.Code)
}

func orText(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
