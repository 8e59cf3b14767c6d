package whatsapp_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"chatflow/backend/whatsapp"
)

func TestClientSend(t *testing.T) {
	tests := []struct {
		name       string
		status     int
		body       string
		header     map[string]string
		wantID     string
		wantErr    bool
		retryable  bool
		reason     string
		retryAfter time.Duration
	}{
		{name: "accepted", status: 200, body: `{"messaging_product":"whatsapp","contacts":[{"input":"16505551234","wa_id":"16505551234"}],"messages":[{"id":"wamid.SENT1"}]}`, wantID: "wamid.SENT1"},
		{name: "accepted without an id is still sent", status: 200, body: `not json`, wantID: ""},
		{name: "throttled", status: 429, body: `{"error":{"message":"(#130429) Rate limit hit","type":"OAuthException","code":130429,"fbtrace_id":"A1"}}`,
			header: map[string]string{"Retry-After": "3"}, wantErr: true, retryable: true, reason: "(#130429) Rate limit hit", retryAfter: 3 * time.Second},
		{name: "rate limit code on a 400", status: 400, body: `{"error":{"message":"(#130429) Rate limit hit","code":130429}}`, wantErr: true, retryable: true, reason: "(#130429) Rate limit hit"},
		{name: "pair rate limit", status: 400, body: `{"error":{"message":"(#131056) Pair rate limit hit","code":131056}}`, wantErr: true, retryable: true, reason: "(#131056) Pair rate limit hit"},
		{name: "server error", status: 500, body: `{"error":{"message":"An unknown error occurred","code":1}}`, wantErr: true, retryable: true, reason: "An unknown error occurred"},
		{name: "bad gateway without a body", status: 502, body: ``, wantErr: true, retryable: true, reason: "Bad Gateway"},
		{name: "outside the window", status: 400, body: `{"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,"error_data":{"messaging_product":"whatsapp","details":"More than 24 hours have passed since the recipient last replied to the sender number."}}}`,
			wantErr: true, reason: "(#131047) Re-engagement message: More than 24 hours have passed since the recipient last replied to the sender number. " + whatsapp.ReEngagementHint},
		{name: "bad token", status: 401, body: `{"error":{"message":"Invalid OAuth access token - Cannot parse access token","type":"OAuthException","code":190}}`,
			wantErr: true, reason: "Invalid OAuth access token - Cannot parse access token"},
		{name: "recipient not allowed", status: 400, body: `{"error":{"message":"(#131030) Recipient phone number not in allowed list","code":131030}}`,
			wantErr: true, reason: "(#131030) Recipient phone number not in allowed list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var gotPath, gotAuth string
			var gotBody map[string]any
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				gotPath, gotAuth = r.Method+" "+r.URL.Path, r.Header.Get("Authorization")
				b, _ := io.ReadAll(r.Body)
				_ = json.Unmarshal(b, &gotBody)
				for k, v := range tt.header {
					w.Header().Set(k, v)
				}
				w.WriteHeader(tt.status)
				_, _ = io.WriteString(w, tt.body)
			}))
			defer srv.Close()
			cfg := whatsapp.Config{GraphURL: srv.URL + "/", APIVersion: "v21.0", PhoneNumberID: "106540352242922", AccessToken: "EAAG"}
			id, err := whatsapp.Client{}.Send(context.Background(), cfg, whatsapp.Outgoing{Kind: "text", To: "16505551234", Text: "hi"})
			if gotPath != "POST /v21.0/106540352242922/messages" || gotAuth != "Bearer EAAG" {
				t.Fatalf("request %q with %q", gotPath, gotAuth)
			}
			if gotBody["to"] != "16505551234" || gotBody["type"] != "text" {
				t.Fatalf("body %v", gotBody)
			}
			if id != tt.wantID || (err != nil) != tt.wantErr {
				t.Fatalf("Send = %q, %v", id, err)
			}
			if !tt.wantErr {
				return
			}
			if got := whatsapp.IsRetryable(err); got != tt.retryable {
				t.Errorf("IsRetryable = %v, want %v", got, tt.retryable)
			}
			if got := whatsapp.Reason(err); got != tt.reason {
				t.Errorf("Reason = %q, want %q", got, tt.reason)
			}
			var apiErr *whatsapp.APIError
			if !errors.As(err, &apiErr) || apiErr.HTTPStatus != tt.status || apiErr.RetryAfter != tt.retryAfter {
				t.Errorf("APIError = %+v", apiErr)
			}
		})
	}
}

func TestClientSendFailuresBeforeAnAnswer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	url := srv.URL
	srv.Close() // nothing listens any more: a refused connection
	cfg := whatsapp.Config{GraphURL: url, PhoneNumberID: "1", AccessToken: "t"}
	_, err := whatsapp.Client{HTTP: &http.Client{Timeout: 2 * time.Second}}.Send(context.Background(), cfg, whatsapp.Outgoing{Kind: "text", To: "1", Text: "x"})
	if !whatsapp.IsRetryable(err) || !strings.HasPrefix(whatsapp.Reason(err), "Could not reach WhatsApp") {
		t.Fatalf("refused connection: %v (retryable %v)", err, whatsapp.IsRetryable(err))
	}

	_, err = whatsapp.Client{}.Send(context.Background(), whatsapp.Config{}, whatsapp.Outgoing{Kind: "text", To: "1", Text: "x"})
	if !errors.Is(err, whatsapp.ErrNotConfigured) || whatsapp.IsRetryable(err) {
		t.Fatalf("missing settings: %v", err)
	}
	_, err = whatsapp.Client{}.Send(context.Background(), cfg, whatsapp.Outgoing{Kind: "text", Text: "x"})
	if !errors.Is(err, whatsapp.ErrInvalidMessage) || whatsapp.IsRetryable(err) {
		t.Fatalf("no recipient: %v", err)
	}
}

func TestMessagesURLDefaults(t *testing.T) {
	got := whatsapp.Config{PhoneNumberID: "42"}.MessagesURL()
	if got != "https://graph.facebook.com/v21.0/42/messages" {
		t.Fatalf("MessagesURL = %s", got)
	}
}
