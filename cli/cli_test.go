package cli

import (
	"bufio"
	"bytes"
	"chatflow/app"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func testEnv(stdout, stderr io.Writer) Env {
	return Env{
		Stdin:  strings.NewReader(""),
		Stdout: stdout,
		Stderr: stderr,
		Assets: fstest.MapFS{"index.html": {Data: []byte("<html><head></head><body>ui</body></html>")}},
		Getenv: func(string) string { return "" },
	}
}

func TestMainExitCodes(t *testing.T) {
	cases := []struct {
		name       string
		args       []string
		wantCode   int
		wantOut    string
		wantStderr string
	}{
		{"version", []string{"version"}, 0, "chatflow dev", ""},
		{"help", []string{"help"}, 0, "serve", ""},
		{"help for a command", []string{"help", "serve"}, 0, "", "-ui-token"},
		{"unknown command", []string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{"unknown flag", []string{"version", "--nope"}, 2, "", "flag provided but not defined"},
		{"stray argument", []string{"version", "extra"}, 2, "", `unexpected argument "extra"`},
		{"help for unknown", []string{"help", "nope"}, 2, "", "unknown command"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := Main(context.Background(), c.args, testEnv(&out, &errOut))
			if code != c.wantCode {
				t.Fatalf("exit %d, want %d (stderr %q)", code, c.wantCode, errOut.String())
			}
			if !strings.Contains(out.String(), c.wantOut) {
				t.Errorf("stdout %q lacks %q", out.String(), c.wantOut)
			}
			if !strings.Contains(errOut.String(), c.wantStderr) {
				t.Errorf("stderr %q lacks %q", errOut.String(), c.wantStderr)
			}
		})
	}
}

func TestServeReportsBusyPortWithOneLine(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	var out, errOut bytes.Buffer
	db := filepath.Join(t.TempDir(), "c.db")
	code := Main(context.Background(), []string{"serve", "--db", db, "--webhook-addr", busy.Addr().String(), "--ui-addr", "127.0.0.1:0"}, testEnv(&out, &errOut))
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(errOut.String()), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "chatflow: webhook listener: ") || !strings.Contains(last, "already in use") {
		t.Errorf("last stderr line %q", last)
	}
}

// lineWriter hands each line serve prints to the test goroutine.
type lineWriter struct{ lines chan string }

func (w lineWriter) Write(p []byte) (int, error) {
	sc := bufio.NewScanner(bytes.NewReader(p))
	for sc.Scan() {
		w.lines <- sc.Text()
	}
	return len(p), nil
}

func TestServeAnswersRPCAndStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	out := lineWriter{lines: make(chan string, 16)}
	done := make(chan int, 1)
	db := filepath.Join(t.TempDir(), "c.db")
	go func() {
		done <- Main(ctx, []string{"serve", "--db", db, "--webhook-addr", "127.0.0.1:0", "--ui-addr", "127.0.0.1:0", "--ui-token", "tok"}, testEnv(out, io.Discard))
	}()
	var uiURL, webhookURL string
	for uiURL == "" || webhookURL == "" {
		select {
		case l := <-out.lines:
			if u, ok := strings.CutPrefix(l, "ui: "); ok {
				uiURL = u
			}
			if u, ok := strings.CutPrefix(l, "webhook: "); ok {
				webhookURL = u
			}
		case <-time.After(10 * time.Second):
			t.Fatal("serve did not print its addresses")
		}
	}
	if !strings.HasSuffix(uiURL, "/?token=tok") {
		t.Errorf("ui line %q", uiURL)
	}
	base := strings.TrimSuffix(uiURL, "/?token=tok")
	res, err := http.Post(base+"/rpc/System.Info?token=tok", "application/json", strings.NewReader("[]"))
	if err != nil {
		t.Fatal(err)
	}
	var info app.SystemInfo
	json.NewDecoder(res.Body).Decode(&info)
	res.Body.Close()
	if info.Mode != "browser" || info.DBPath != db || info.WebhookAddr == "" {
		t.Errorf("info %+v", info)
	}
	res, err = http.Get(webhookURL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("healthz %d", res.StatusCode)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after cancel", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}

func TestWhatsAppFlagsOverrideSettings(t *testing.T) {
	fl := newFlags("serve", testEnv(io.Discard, io.Discard))
	apply := addWhatsAppFlags(fl)
	if err := parseFlags(fl, []string{"--whatsapp-phone-number-id", "12345", "--whatsapp-api-version", "v22.0"}, 0); err != nil {
		t.Fatal(err)
	}
	env := testEnv(io.Discard, io.Discard)
	env.Getenv = func(name string) string {
		if name == "WHATSAPP_API_VERSION" {
			return "v19.0"
		}
		if name == "WHATSAPP_TOKEN" {
			return "from-env"
		}
		return ""
	}
	apply(&env)
	cases := map[string]string{
		"WHATSAPP_PHONE_NUMBER_ID": "12345",    // flag
		"WHATSAPP_API_VERSION":     "v22.0",    // flag beats environment
		"WHATSAPP_TOKEN":           "from-env", // environment kept
		"WHATSAPP_APP_SECRET":      "",
	}
	for name, want := range cases {
		if got := env.Getenv(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}
