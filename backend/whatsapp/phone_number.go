package whatsapp

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

// PhoneNumber is what Meta says about the business phone number the
// settings point at (GET /{version}/{phone_number_id}).
type PhoneNumber struct {
	ID                 string `json:"id"`
	DisplayPhoneNumber string `json:"display_phone_number"`
	VerifiedName       string `json:"verified_name"`
	QualityRating      string `json:"quality_rating"`
}

// phoneNumberFields are the fields asked for; Meta answers only those.
const phoneNumberFields = "id,display_phone_number,verified_name,quality_rating"

// PhoneNumberURL returns {graph}/{version}/{phone_number_id} with the
// fields asked for and, when appSecret is set, the appsecret_proof that
// lets Meta check the app secret belongs to the token's app.
func (c Config) PhoneNumberURL(appSecret string) string {
	q := url.Values{"fields": {phoneNumberFields}}
	if appSecret != "" {
		q.Set("appsecret_proof", AppSecretProof(c.AccessToken, appSecret))
	}
	return c.graphBase() + "/" + url.PathEscape(c.PhoneNumberID) + "?" + q.Encode()
}

// AppSecretProof is Meta's appsecret_proof: the hex HMAC-SHA256 of the
// access token keyed with the app secret. Meta refuses a call whose proof
// does not match the token's app, which is how a test of the connection
// checks the app secret without waiting for a signed webhook.
func AppSecretProof(accessToken, appSecret string) string {
	m := hmac.New(sha256.New, []byte(appSecret))
	m.Write([]byte(accessToken))
	return hex.EncodeToString(m.Sum(nil))
}

// LookUpPhoneNumber asks the Graph API about cfg's phone number with cfg's
// token, proving the token, the phone number ID and (when given) the app
// secret work together. Failures are *APIError values or ErrNotConfigured.
func (cl Client) LookUpPhoneNumber(ctx context.Context, cfg Config, appSecret string) (PhoneNumber, error) {
	if cfg.PhoneNumberID == "" || cfg.AccessToken == "" {
		return PhoneNumber{}, ErrNotConfigured
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, cfg.PhoneNumberURL(appSecret), nil)
	if err != nil {
		return PhoneNumber{}, fmt.Errorf("whatsapp: build request: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+cfg.AccessToken)
	raw, resp, err := cl.exchange(req, cl.client(), "phone number")
	if err != nil {
		return PhoneNumber{}, err
	}
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		return PhoneNumber{}, graphFailure(resp, raw, "phone number")
	}
	var pn PhoneNumber
	if err := json.Unmarshal(raw, &pn); err != nil || pn.ID == "" {
		return PhoneNumber{}, &APIError{Op: "phone number", HTTPStatus: resp.StatusCode, Message: "the answer is not a phone number",
			Err: errors.Join(err, errors.New("no id"))}
	}
	return pn, nil
}
