package studio

import (
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"chatflow/backend/server"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
	"chatflow/backend/studio/config"
)

// withListener gives st a running webhook listener on a free port.
func withListener(t *testing.T, st *Studio) *server.Listener {
	t.Helper()
	l := server.NewListener("webhook listener", http.NotFoundHandler(), st.log)
	if err := l.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Stop(context.Background()) })
	st.listener = l
	return l
}

func TestSettingsDefaultsSaveAndMasking(t *testing.T) {
	st, _ := newTestStudio(t, nil)
	s := st.Settings
	got, err := s.Get(bg)
	if err != nil {
		t.Fatal(err)
	}
	if got.APIVersion.Value != "v21.0" || got.GraphURL.Value != "https://graph.facebook.com" || got.WebhookAddr.Value != "127.0.0.1:8080" ||
		got.StaleMinutes != 10 || got.RateLimit != 80 || got.CallbackURL != "" || got.AccessToken.Set {
		t.Fatalf("defaults = %+v", got)
	}
	in := config.WhatsAppInput{PhoneNumberID: " 106540352242922 ", AccessToken: "EAAGsecrettokenXYZ9", AppSecret: "appsecret1234abcd",
		VerifyToken: "verify-me", PublicURL: "https://abc.ngrok-free.app/", StaleMinutes: 15, RateLimit: 20}
	got, err = s.Save(bg, in)
	if err != nil {
		t.Fatal(err)
	}
	if got.PhoneNumberID.Value != "106540352242922" || !got.AccessToken.Set || got.AccessToken.Hint != "XYZ9" ||
		got.AppSecret.Hint != "abcd" || got.CallbackURL != "https://abc.ngrok-free.app/webhook/whatsapp" || got.StaleMinutes != 15 || got.RateLimit != 20 {
		t.Fatalf("after save = %+v", got)
	}
	raw, _ := json.Marshal(got)
	for _, secret := range []string{in.AccessToken, in.AppSecret} {
		if strings.Contains(string(raw), secret) {
			t.Fatalf("a secret reached the UI: %s", raw)
		}
	}
	// Empty secrets keep the stored ones; the clear flags remove them.
	in.AccessToken, in.AppSecret = "", ""
	if got, _ = s.Save(bg, in); !got.AccessToken.Set || !got.AppSecret.Set {
		t.Fatal("saving without secrets dropped them")
	}
	in.ClearAccessToken = true
	if got, _ = s.Save(bg, in); got.AccessToken.Set || !got.AppSecret.Set {
		t.Fatalf("clear token: %+v", got)
	}
	rt, err := st.Config().Runtime(bg)
	if err != nil || rt.Graph.PhoneNumberID != "106540352242922" || rt.StaleAge != 15*time.Minute || rt.RatePerSecond != 20 || rt.Graph.AccessToken != "" {
		t.Fatalf("runtime = %+v, %v", rt, err)
	}
	sec, _ := st.Config().WebhookSecrets(bg)
	if sec.VerifyToken != "verify-me" || sec.AppSecret != "appsecret1234abcd" {
		t.Fatalf("secrets = %+v", sec)
	}
}

func TestSettingsEnvironmentOverrides(t *testing.T) {
	env := map[string]string{"WHATSAPP_TOKEN": "EAAGfromtheenv0001", "WHATSAPP_PHONE_NUMBER_ID": "999000111",
		"WHATSAPP_APP_SECRET": "envsecret99", "WHATSAPP_VERIFY_TOKEN": "envverify", "WHATSAPP_GRAPH_URL": "http://127.0.0.1:9",
		"WHATSAPP_API_VERSION": "v22.0"}
	st, _ := newTestStudio(t, env)
	s := st.Settings
	if _, err := s.Save(bg, config.WhatsAppInput{PhoneNumberID: "12345", AccessToken: "storedtoken123", VerifyToken: "stored"}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Get(bg)
	for name, v := range map[string]config.SettingValue{"phone": got.PhoneNumberID, "verify": got.VerifyToken, "graph": got.GraphURL, "version": got.APIVersion} {
		if !v.Overridden || v.EnvVar == "" {
			t.Errorf("%s not shown as overridden: %+v", name, v)
		}
	}
	if !got.AccessToken.Overridden || got.AccessToken.Hint != "0001" || got.WebhookAddr.Overridden {
		t.Errorf("token %+v, addr %+v", got.AccessToken, got.WebhookAddr)
	}
	rt, _ := st.Config().Runtime(bg)
	if rt.Graph.AccessToken != "EAAGfromtheenv0001" || rt.Graph.PhoneNumberID != "999000111" || rt.Graph.GraphURL != "http://127.0.0.1:9" || rt.Graph.APIVersion != "v22.0" {
		t.Fatalf("runtime ignores the environment: %+v", rt.Graph)
	}
	sec, _ := st.Config().WebhookSecrets(bg)
	if sec.AppSecret != "envsecret99" || sec.VerifyToken != "envverify" {
		t.Fatalf("secrets ignore the environment: %+v", sec)
	}
}

func TestSettingsValidation(t *testing.T) {
	st, _ := newTestStudio(t, nil)
	s := st.Settings
	tests := []struct {
		name string
		in   config.WhatsAppInput
		want string
	}{
		{"phone number id with letters", config.WhatsAppInput{PhoneNumberID: "abc123"}, "digits only"},
		{"business account id with letters", config.WhatsAppInput{BusinessAccountID: "WABA-1"}, "Business Account ID"},
		{"api version", config.WhatsAppInput{APIVersion: "21"}, "v21.0"},
		{"graph url", config.WhatsAppInput{GraphURL: "graph.facebook.com"}, "http or https"},
		{"public url over http", config.WhatsAppInput{PublicURL: "http://abc.ngrok.app"}, "https"},
		{"stale age", config.WhatsAppInput{StaleMinutes: 5000}, "between 1 minute and 24 hours"},
		{"rate", config.WhatsAppInput{RateLimit: 5000}, "between 1 and 1000"},
		{"address", config.WhatsAppInput{WebhookAddr: "8080"}, "host:port"},
		{"address host", config.WhatsAppInput{WebhookAddr: "example.com:8080"}, "host:port"},
		{"token with spaces", config.WhatsAppInput{AccessToken: "EAA G"}, "spaces"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Save(bg, tt.in)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasSuffix(err.Error(), ".") {
				t.Fatalf("err = %v, want a sentence with %q", err, tt.want)
			}
		})
	}
	a, _ := s.GenerateVerifyToken()
	b, _ := s.GenerateVerifyToken()
	if len(a) < 20 || a == b {
		t.Fatalf("generated tokens %q and %q", a, b)
	}
}

func TestSettingsMovesTheListenerAndReportsStatus(t *testing.T) {
	studio, _ := newTestStudio(t, nil)
	withListener(t, studio)
	s := studio.Settings

	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	if _, err := s.Save(bg, config.WhatsAppInput{WebhookAddr: busy.Addr().String()}); err != nil {
		t.Fatalf("saving a busy address must still save: %v", err)
	}
	st, err := s.Status(bg)
	if err != nil || st.Listener.State != server.StateFailed || !strings.Contains(st.Listener.Error, "already in use") {
		t.Fatalf("status with a busy port = %+v, %v", st.Listener, err)
	}
	free, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := free.Addr().String()
	free.Close()
	if _, err := s.Save(bg, config.WhatsAppInput{WebhookAddr: addr}); err != nil {
		t.Fatal(err)
	}
	if st, _ = s.Status(bg); st.Listener.State != server.StateListening || st.Listener.Addr != addr {
		t.Fatalf("status after moving = %+v", st.Listener)
	}
	if strings.Join(st.Missing, ",") != "phone number ID,access token,app secret,verify token,public address" {
		t.Fatalf("missing = %v", st.Missing)
	}
	if st.LastVerifiedAt != "" || st.LastEventAt != "" {
		t.Fatalf("times before any webhook: %+v", st)
	}
	studio.Config().NoteVerified(bg, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if err := store.NoteWebhookEventTx(context.Background(), studio.db.W, time.Date(2026, 1, 2, 3, 5, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if st, _ = s.Status(bg); st.LastVerifiedAt != "2026-01-02T03:04:05Z" || st.LastEventAt != "2026-01-02T03:05:00Z" {
		t.Fatalf("times = %q %q", st.LastVerifiedAt, st.LastEventAt)
	}

	// A reply that failed three times: the status says why and when it is
	// tried again (issue 14, finding 3).
	c := storetest.Contact(t, studio.db, "111", "Ana")
	retryAt := time.Date(2026, 1, 2, 12, 3, 0, 0, time.UTC)
	err = studio.db.Tx(bg, func(tx *sql.Tx) error {
		m, err := store.InsertMessageTx(bg, tx, store.Message{ContactID: c.ID, Direction: store.DirectionOut, Type: "text",
			Text: "hi", Payload: `{"kind":"text","text":"hi"}`, Status: store.MessageQueued, Source: store.SourceBot})
		if err != nil {
			return err
		}
		_, err = tx.Exec(`UPDATE messages SET attempts = 3, next_attempt_at = ?, error = 'Could not reach WhatsApp: connection refused'
			WHERE id = ?`, retryAt.UnixMilli(), m.ID)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	st, _ = s.Status(bg)
	want := SendTrouble{Waiting: 1, Retrying: 1, Reason: "Could not reach WhatsApp: connection refused", NextAttempt: 4,
		RetryAt: "2026-01-02T12:03:00Z"}
	if st.Queued != 1 || st.Sending != want {
		t.Fatalf("queued %d, sending = %+v; want %+v", st.Queued, st.Sending, want)
	}
}

func TestDetectTunnel(t *testing.T) {
	st, _ := newTestStudio(t, nil)
	l := withListener(t, st)
	port := l.Addr()[strings.LastIndex(l.Addr(), ":")+1:]
	tests := []struct {
		name   string
		answer string
		found  bool
		url    string
		note   string
	}{
		{"https tunnel to the listener", `{"tunnels":[{"public_url":"http://a.ngrok.app","proto":"http","config":{"addr":"http://localhost:` + port + `"}},
			{"public_url":"https://other.ngrok.app","proto":"https","config":{"addr":"http://localhost:3000"}},
			{"public_url":"https://a.ngrok.app","proto":"https","config":{"addr":"http://localhost:` + port + `"}}]}`,
			true, "https://a.ngrok.app", "forwards https://a.ngrok.app to the webhook listener"},
		{"tunnel to another port", `{"tunnels":[{"public_url":"https://b.ngrok.app","proto":"https","config":{"addr":"http://localhost:3000"}}]}`,
			true, "https://b.ngrok.app", "not to the webhook listener's port"},
		{"no https tunnel", `{"tunnels":[{"public_url":"tcp://0.tcp.ngrok.io:1","proto":"tcp"}]}`, false, "", "no https tunnel"},
		{"not ngrok", `<html>`, false, "", "not ngrok's agent API"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, tt.answer) }))
			defer srv.Close()
			s := st.Settings
			s.TunnelAPI = srv.URL + "/api/tunnels"
			got, err := s.DetectTunnel(bg)
			if err != nil || got.Found != tt.found || got.PublicURL != tt.url || !strings.Contains(got.Note, tt.note) {
				t.Fatalf("DetectTunnel = %+v, %v", got, err)
			}
		})
	}
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close()
	s := st.Settings
	s.TunnelAPI = srv.URL
	if got, err := s.DetectTunnel(bg); err != nil || got.Found || !strings.Contains(got.Note, "ngrok http "+port) {
		t.Fatalf("no agent: %+v, %v", got, err)
	}
}
