package apicall_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
)

func TestLogEntryRedactsSecrets(t *testing.T) {
	srv, _ := echoServer(t)
	values := attribute.Values{"key": "live-key-9f8e", "tok": "jwt.header.sig", "pw": "hunter2!", "sid": "sess-42"}
	tests := []struct {
		name    string
		def     apicall.Definition
		secrets []string
	}{
		{"api key header", apicall.Definition{Auth: apicall.Auth{Type: apicall.AuthAPIKey, In: apicall.InHeader, Name: "X-Shop-Key", Value: "{{key}}"},
			Body: `{"echo": "{{key}}"}`}, []string{"live-key-9f8e"}},
		{"api key query", apicall.Definition{Auth: apicall.Auth{Type: apicall.AuthAPIKey, In: apicall.InQuery, Name: "k", Value: "{{key}}"}},
			[]string{"live-key-9f8e"}},
		{"bearer", apicall.Definition{Auth: apicall.Auth{Type: apicall.AuthBearer, Token: "{{tok}}"}}, []string{"jwt.header.sig"}},
		{"basic", apicall.Definition{Auth: apicall.Auth{Type: apicall.AuthBasic, Username: "shop", Password: "{{pw}}"}},
			[]string{"hunter2!", "c2hvcDpodW50ZXIyIQ=="}},
		{"secret-looking header and param", apicall.Definition{
			Headers: []apicall.KV{{Key: "Cookie", Value: "sid={{sid}}"}, {Key: "X-Access-Token", Value: "tok-abc"}},
			Query:   []apicall.KV{{Key: "access_token", Value: "q-secret"}, {Key: "page", Value: "2"}}},
			[]string{"sess-42", "tok-abc", "q-secret"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			def := tt.def
			def.ID, def.Name, def.URL = 7, "Orders", srv.URL+"/orders"
			res := apicall.Execute(context.Background(), def, values, nil)
			if res.Status != 200 {
				t.Fatalf("status %d: %s", res.Status, res.Error)
			}
			e := apicall.NewLogEntry(def, res, apicall.SourceTest, 3, time.Unix(100, 0))
			raw, _ := json.Marshal(e)
			for _, s := range tt.secrets {
				if strings.Contains(string(raw), s) {
					t.Errorf("log entry leaks %q: %s", s, raw)
				}
			}
			if !strings.Contains(string(raw), apicall.Mask) {
				t.Errorf("log entry has no mask: %s", raw)
			}
			if e.APIID != 7 || e.APIName != "Orders" || e.ContactID != 3 || e.Source != "test" || e.Method != "GET" || e.Status != 200 {
				t.Errorf("entry fields %+v", e)
			}
			if !strings.HasPrefix(e.URL, srv.URL+"/orders") {
				t.Errorf("URL %q", e.URL)
			}
		})
	}
}

func TestRedactKeepsSchemeAndPlainValues(t *testing.T) {
	req := apicall.Request{
		Method:  "GET",
		URL:     "https://user:pa55@shop.test/x?page=2&token=abc&name=Ann",
		Headers: []apicall.KV{{Key: "Authorization", Value: "Bearer abcdef"}, {Key: "Accept", Value: "application/json"}},
		Secrets: []string{"abcdef"},
	}
	got := apicall.Redact(req, apicall.Definition{})
	if got.URL != "https://user:••••@shop.test/x?page=2&token=••••&name=Ann" {
		t.Errorf("URL = %s", got.URL)
	}
	if got.Headers[0].Value != "Bearer ••••" || got.Headers[1].Value != "application/json" {
		t.Errorf("headers = %v", got.Headers)
	}
	if req.Headers[0].Value != "Bearer abcdef" {
		t.Error("Redact modified its input")
	}
}

func TestLogEntryTruncatesResponse(t *testing.T) {
	body := strings.Repeat("é", apicall.MaxLoggedResponse) // 2 bytes per rune
	e := apicall.NewLogEntry(apicall.Definition{Name: "x"}, apicall.Response{Status: 200, Body: body}, apicall.SourceLive, 0, time.Now())
	if !e.ResponseTruncated || len(e.ResponseBody) > apicall.MaxLoggedResponse || !strings.HasSuffix(e.ResponseBody, "é") {
		t.Fatalf("truncated=%v len=%d", e.ResponseTruncated, len(e.ResponseBody))
	}
	short := apicall.NewLogEntry(apicall.Definition{Name: "x"}, apicall.Response{Body: "ok"}, apicall.SourceLive, 0, time.Now())
	if short.ResponseTruncated || short.ResponseBody != "ok" {
		t.Fatalf("short body changed: %+v", short)
	}
}
