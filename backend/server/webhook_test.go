package server_test

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chatflow/backend/inbox"
	"chatflow/backend/server"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
	"chatflow/backend/whatsapp"
	"chatflow/backend/whatsapp/whatsapptest"
)

const (
	appSecret   = "test-app-secret"
	verifyToken = "meatyhamhock"
)

// webhookEnv is a webhook listener over a fresh database. The inbox is not
// started, so what a request stored can be counted before any worker runs.
type webhookEnv struct {
	db       *store.DB
	handler  http.Handler
	verified []time.Time
}

func newWebhookEnv(t *testing.T) *webhookEnv {
	t.Helper()
	env := &webhookEnv{db: storetest.NewDB(t)}
	svc := inbox.New(env.db, inbox.Options{Runtime: func(context.Context) (inbox.Runtime, error) { return inbox.Runtime{}, nil }})
	wh := &server.WhatsAppWebhook{
		Secrets: func(context.Context) (server.WebhookSecrets, error) {
			return server.WebhookSecrets{VerifyToken: verifyToken, AppSecret: appSecret}, nil
		},
		Inbox:    svc,
		Verified: func(at time.Time) { env.verified = append(env.verified, at) },
	}
	env.handler = server.NewWebhookMux(server.Health{Version: "test", Started: time.Now()}, wh)
	// A message the business sent earlier, so status webhooks have a target.
	err := env.db.Tx(context.Background(), func(tx *sql.Tx) error {
		c, err := env.db.ResolveContactTx(context.Background(), tx, "16505551234", "", "Sheena Nelson")
		if err != nil {
			return err
		}
		_, err = store.InsertMessageTx(context.Background(), tx, store.Message{ContactID: c.ID, Direction: store.DirectionOut,
			WaMessageID: "wamid.OURREPLY1", Type: "text", Text: "Thanks!", Status: store.MessageSent, Source: store.SourceBot})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return env
}

func (e *webhookEnv) count(t *testing.T, query string) int {
	t.Helper()
	var n int
	if err := e.db.R.QueryRow(query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func payload(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "whatsapp", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestWebhookHandshake(t *testing.T) {
	tests := []struct {
		name   string
		query  string
		status int
		body   string
	}{
		{"token matches", "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=" + verifyToken, 200, "1158201444"},
		{"wrong token", "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=nope", 403, "verification failed\n"},
		{"wrong mode", "hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=" + verifyToken, 403, "verification failed\n"},
		{"no parameters", "", 403, "verification failed\n"},
		{"oversized challenge", "hub.mode=subscribe&hub.verify_token=" + verifyToken + "&hub.challenge=" + strings.Repeat("9", 300), 403, "verification failed\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newWebhookEnv(t)
			rec := httptest.NewRecorder()
			env.handler.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/webhook/whatsapp?"+tt.query, nil))
			if rec.Code != tt.status || rec.Body.String() != tt.body {
				t.Fatalf("GET = %d %q, want %d %q", rec.Code, rec.Body.String(), tt.status, tt.body)
			}
			if verified := len(env.verified) == 1; verified != (tt.status == 200) {
				t.Fatalf("verification recorded = %v", verified)
			}
		})
	}
}

func TestWebhookEvents(t *testing.T) {
	escaped := []byte(`{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"contacts":[{"profile":{"name":"J\u00f6rg"},"wa_id":"49170"}],"messages":[{"from":"49170","id":"wamid.UNICODE","timestamp":"1749416383","type":"text","text":{"body":"\u00e4\u00f6\u00e5"}}]}}]}]}`)
	decoded := []byte(strings.NewReplacer(`\u00e4`, "ä", `\u00f6`, "ö", `\u00e5`, "å").Replace(string(escaped)))
	huge := append([]byte(`{"object":"whatsapp_business_account","entry":[],"pad":"`), bytes.Repeat([]byte("x"), whatsapp.MaxBodyBytes)...)
	huge = append(huge, []byte(`"}`)...)
	tests := []struct {
		name      string
		body      []byte
		signature string // "" signs body with the app secret; "-" sends none
		status    int
		messages  int // customer messages stored
		statuses  string
	}{
		{name: "text", body: payload(t, "text.json"), status: 200, messages: 1},
		{name: "button reply", body: payload(t, "interactive_button_reply.json"), status: 200, messages: 1},
		{name: "list reply", body: payload(t, "interactive_list_reply.json"), status: 200, messages: 1},
		{name: "template quick reply", body: payload(t, "button.json"), status: 200, messages: 1},
		{name: "image", body: payload(t, "image.json"), status: 200, messages: 1},
		{name: "audio", body: payload(t, "audio.json"), status: 200, messages: 1},
		{name: "video", body: payload(t, "video.json"), status: 200, messages: 1},
		{name: "document", body: payload(t, "document.json"), status: 200, messages: 1},
		{name: "sticker", body: payload(t, "sticker.json"), status: 200, messages: 1},
		{name: "location", body: payload(t, "location.json"), status: 200, messages: 1},
		{name: "contacts", body: payload(t, "contacts.json"), status: 200, messages: 1},
		{name: "reaction", body: payload(t, "reaction.json"), status: 200, messages: 1},
		{name: "unsupported", body: payload(t, "unsupported.json"), status: 200, messages: 1},
		{name: "system", body: payload(t, "system.json"), status: 200, messages: 1},
		{name: "business-scoped user without a number", body: payload(t, "bsuid_text.json"), status: 200, messages: 1},
		{name: "two contacts at once", body: payload(t, "two_contacts.json"), status: 200, messages: 2},
		{name: "stale message is still stored", body: whatsapptest.Body(whatsapptest.Inbound{From: "1", ID: "wamid.OLD", Text: "hi", At: time.Now().Add(-time.Hour)}), status: 200, messages: 1},
		{name: "status sent", body: payload(t, "status_sent.json"), status: 200, statuses: "sent"},
		{name: "status delivered", body: payload(t, "status_delivered.json"), status: 200, statuses: "delivered"},
		{name: "status read", body: payload(t, "status_read.json"), status: 200, statuses: "read"},
		{name: "status failed", body: payload(t, "status_failed.json"), status: 200, statuses: "failed"},
		{name: "errors of a change", body: payload(t, "value_errors.json"), status: 200},
		{name: "escaped unicode signed as sent", body: escaped, status: 200, messages: 1},
		{name: "signature of the decoded text", body: escaped, signature: whatsapp.Sign(decoded, appSecret), status: 401},
		{name: "no signature", body: payload(t, "text.json"), signature: "-", status: 401},
		{name: "signed with another secret", body: payload(t, "text.json"), signature: whatsapp.Sign(payload(t, "text.json"), "other"), status: 401},
		{name: "sha1 signature", body: payload(t, "text.json"), signature: "sha1=abc", status: 401},
		{name: "malformed JSON", body: []byte(`{"object":"whatsapp_business_account","entry":[`), status: 400},
		{name: "not a WhatsApp notification", body: []byte(`{"object":"page","entry":[]}`), status: 400},
		{name: "oversized", body: huge, status: 413},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newWebhookEnv(t)
			req := httptest.NewRequest(http.MethodPost, "/webhook/whatsapp", bytes.NewReader(tt.body))
			switch tt.signature {
			case "":
				req.Header.Set(whatsapp.SignatureHeader, whatsapp.Sign(tt.body, appSecret))
			case "-":
			default:
				req.Header.Set(whatsapp.SignatureHeader, tt.signature)
			}
			rec := httptest.NewRecorder()
			env.handler.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("POST = %d %q, want %d", rec.Code, rec.Body.String(), tt.status)
			}
			if got := env.count(t, `SELECT COUNT(*) FROM messages WHERE direction = 'in'`); got != tt.messages {
				t.Fatalf("%d customer messages stored, want %d", got, tt.messages)
			}
			if got := env.count(t, `SELECT COUNT(*) FROM messages WHERE direction = 'in' AND status = 'received'`); got != tt.messages {
				t.Fatalf("%d messages waiting for their turn, want %d", got, tt.messages)
			}
			var status string
			env.db.R.QueryRow(`SELECT status FROM messages WHERE wa_message_id = 'wamid.OURREPLY1'`).Scan(&status)
			if want := map[bool]string{true: "sent", false: tt.statuses}[tt.statuses == ""]; status != want {
				t.Fatalf("our message's status = %s, want %s", status, want)
			}
			events := env.count(t, `SELECT COUNT(*) FROM settings WHERE key = '`+store.SettingWebhookLastEvent+`'`)
			if (events == 1) != (tt.status == 200) {
				t.Fatalf("last event time recorded = %v for status %d", events == 1, tt.status)
			}
		})
	}
}

func TestWebhookDuplicatesAndStoreFailure(t *testing.T) {
	env := newWebhookEnv(t)
	body := payload(t, "text.json")
	for i := range 3 {
		req := httptest.NewRequest(http.MethodPost, "/webhook/whatsapp", bytes.NewReader(body))
		req.Header.Set(whatsapp.SignatureHeader, whatsapp.Sign(body, appSecret))
		rec := httptest.NewRecorder()
		env.handler.ServeHTTP(rec, req)
		if rec.Code != 200 {
			t.Fatalf("delivery %d = %d", i+1, rec.Code)
		}
	}
	if n := env.count(t, `SELECT COUNT(*) FROM messages WHERE direction = 'in'`); n != 1 {
		t.Fatalf("three deliveries of one message queued %d rows", n)
	}

	// The database goes away: the webhook must not acknowledge.
	env.db.W.Close()
	req := httptest.NewRequest(http.MethodPost, "/webhook/whatsapp", bytes.NewReader(payload(t, "image.json")))
	req.Header.Set(whatsapp.SignatureHeader, whatsapp.Sign(payload(t, "image.json"), appSecret))
	rec := httptest.NewRecorder()
	env.handler.ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("POST with the store down = %d, want 503", rec.Code)
	}
}

func TestWebhookOverRealHTTP(t *testing.T) {
	env := newWebhookEnv(t)
	srv := httptest.NewServer(env.handler)
	defer srv.Close()
	body := payload(t, "location.json")
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/webhook/whatsapp", bytes.NewReader(body))
	req.Header.Set(whatsapp.SignatureHeader, whatsapp.Sign(body, appSecret))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, path := range []string{"/rpc/System.Version", "/events", "/"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s on the webhook listener = %d, want 404 (the UI is never exposed)", path, resp.StatusCode)
		}
	}
	resp, err = http.Post(srv.URL+"/webhook/whatsapp", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Fatalf("unsigned POST = %d", resp.StatusCode)
	}
	req, _ = http.NewRequest(http.MethodPut, srv.URL+"/webhook/whatsapp", nil)
	resp, _ = http.DefaultClient.Do(req)
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Fatalf("PUT = %d, want 405", resp.StatusCode)
	}
}
