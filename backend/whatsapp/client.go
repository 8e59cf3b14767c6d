package whatsapp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Config is what the sender needs to reach the Graph API.
type Config struct {
	GraphURL      string
	APIVersion    string
	PhoneNumberID string
	AccessToken   string
	// BusinessAccountID is the WhatsApp Business Account (WABA) id, which
	// owns the message templates.
	BusinessAccountID string
}

// ErrNotConfigured is returned by Send when the phone number ID or access
// token is missing; nothing was sent.
var ErrNotConfigured = errors.New("whatsapp: the phone number ID and access token are not set")

// Client sends messages through the Cloud API. Its zero HTTP client is
// replaced by a shared one with a 30-second timeout.
type Client struct {
	HTTP *http.Client
}

// defaultHTTP is shared by every zero Client so connections to the Graph API
// are reused: the sender posts in parallel, and http.DefaultTransport keeps
// only two idle connections per host, so the others were reopened per send.
var defaultHTTP = func() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 16
	return &http.Client{Timeout: 30 * time.Second, Transport: t}
}()

// MessagesURL returns {graph}/{version}/{phone_number_id}/messages.
func (c Config) MessagesURL() string {
	base := strings.TrimRight(orDefault(c.GraphURL, DefaultGraphURL), "/")
	return base + "/" + strings.Trim(orDefault(c.APIVersion, DefaultAPIVersion), "/") + "/" + c.PhoneNumberID + "/messages"
}

// maxResponseBytes bounds how much of a Graph API answer is read.
const maxResponseBytes = 1 << 20

// Send posts one message (already passed through Expand) and returns the
// WhatsApp message id Meta assigned. Failures are *APIError values, except
// for ErrNotConfigured and ErrInvalidMessage, which are never retryable.
func (cl Client) Send(ctx context.Context, cfg Config, m Outgoing) (string, error) {
	if cfg.PhoneNumberID == "" || cfg.AccessToken == "" {
		return "", ErrNotConfigured
	}
	body, err := m.Body()
	if err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, cfg.MessagesURL(), bytes.NewReader(body))
	if err != nil {
		return "", fmt.Errorf("whatsapp: build request: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+cfg.AccessToken)
	req.Header.Set("Content-Type", "application/json")
	httpClient := cl.HTTP
	if httpClient == nil {
		httpClient = defaultHTTP
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		return "", &APIError{Retryable: true, Err: err}
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
	if err != nil {
		return "", &APIError{HTTPStatus: resp.StatusCode, Retryable: true, Err: err, Message: "unreadable answer"}
	}
	var out wireSendResponse
	jsonErr := json.Unmarshal(raw, &out)
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		// Meta accepted the message. An answer without a readable id is
		// still a success: sending again would answer the customer twice.
		if jsonErr == nil && len(out.Messages) > 0 {
			return out.Messages[0].ID, nil
		}
		return "", nil
	}
	return "", answerError(resp, out.Error, raw)
}

// answerError builds the APIError for a Graph API answer that was not a
// success.
func answerError(resp *http.Response, ge *wireGraphError, raw []byte) *APIError {
	e := &APIError{HTTPStatus: resp.StatusCode, RetryAfter: retryAfter(resp.Header.Get("Retry-After"))}
	if ge != nil {
		e.Code, e.Subcode, e.TraceID = ge.Code, ge.ErrorSubcode, ge.FBTraceID
		e.Message = ge.Message
		if ge.ErrorData.Details != "" && !strings.Contains(e.Message, ge.ErrorData.Details) {
			e.Message += ": " + ge.ErrorData.Details
		}
	}
	if e.Message == "" {
		e.Message = http.StatusText(resp.StatusCode)
		if len(raw) > 0 && ge == nil {
			e.Message += ": " + Truncate(strings.TrimSpace(string(raw)), 200)
		}
	}
	e.Retryable = classify(resp.StatusCode, e.Code)
	return e
}

func retryAfter(h string) time.Duration {
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(strings.TrimSpace(h)); err == nil && s > 0 {
		return min(time.Duration(s)*time.Second, time.Hour)
	}
	if t, err := http.ParseTime(h); err == nil {
		if d := time.Until(t); d > 0 {
			return min(d, time.Hour)
		}
	}
	return 0
}
