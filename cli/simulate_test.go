package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the chatflow command line in-process with stdin and returns
// the exit code, stdout and stderr.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := testEnv(&out, &errOut)
	env.Stdin = strings.NewReader(stdin)
	code := Main(context.Background(), args, env)
	return code, out.String(), errOut.String()
}

// importedExample imports the example bundle (API pointed at base) into a
// new database and returns its path.
func importedExample(t *testing.T, base string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "chatflow.db")
	if code, _, stderr := runCLI(t, "", "import", exampleFile(t, base), "--db", db); code != 0 {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	return db
}

const (
	greeting  = `{"type":"buttons","text":"Hi Test customer! How can we help you today?","buttons":[{"id":"track","title":"Track my order"},{"id":"human","title":"Talk to a person"}]}`
	askNumber = `{"type":"text","text":"What is your order number? It looks like A1001."}`
	retry     = `{"type":"text","text":"Order numbers are one letter and four digits, like A1001. Please try again."}`
	bye       = `{"type":"text","text":"Anything else? Send hi to start again."}`
	person    = `{"type":"text","text":"A person from our team will answer you here shortly."}`
	apiDown   = `{"type":"text","text":"Our order system is not answering right now, so a person from our team will reply here shortly."}`
	wait      = `{"type":"wait"}`
	end       = `{"type":"end"}`
)

// TestSimulateConversations runs whole conversations of the example flow
// through `chatflow simulate --json` against a local order-status API.
func TestSimulateConversations(t *testing.T) {
	api := orderAPI(t)
	db := importedExample(t, api.URL)
	tests := []struct {
		name  string
		args  []string
		lines []string
		want  []string
	}{
		{"shipped order by option number", nil, []string{"hi", "1", "A1001"}, []string{
			greeting, wait, askNumber, wait,
			`{"type":"text","text":"Good news! Order A1001 is on its way and should arrive on Saturday 2 May."}`, bye, end}},
		{"processing order by title, lower case id", nil, []string{"Hello!", "track my order", "a1002"}, []string{
			greeting, wait, askNumber, wait,
			`{"type":"text","text":"Order a1002 is processing. We will message you as soon as it ships."}`, bye, end}},
		{"unknown order then a delivered one, by option id", nil, []string{"hi", "track", "Z9999", "A1003"}, []string{
			greeting, wait, askNumber, wait,
			`{"type":"text","text":"I could not find order Z9999. Please check the number and send it again."}`, askNumber, wait,
			`{"type":"text","text":"Order A1003 was delivered on Monday 20 April. We hope you enjoy it!"}`, bye, end}},
		{"three wrong answers hand over", nil, []string{"hi", "1", "x", "12", "order?"}, []string{
			greeting, wait, askNumber, wait, retry, wait, retry, wait, person, end}},
		{"API error takes others", nil, []string{"hi", "1", "E5000"}, []string{
			greeting, wait, askNumber, wait, apiDown, end}},
		{"talk to a person", nil, []string{"hi", "Talk to a person", "anyone there?"}, []string{
			greeting, wait, person, end, end}},
		{"restart after a handoff", nil, []string{"hi", "2", "restart"}, []string{
			greeting, wait, person, end, greeting, wait}},
		{"first message must be a keyword", nil, []string{"good morning", "menu"}, []string{end, greeting, wait}},
		{"unknown option re-asks", nil, []string{"hi", "maybe", "1"}, []string{greeting, wait, greeting, wait, askNumber, wait}},
		{"restart keyword mid-run", nil, []string{"hi", "1", "restart", "2"}, []string{
			greeting, wait, askNumber, wait, greeting, wait, person, end}},
		{"--set fills attributes", []string{"--set", "contact.name=Ana"}, []string{"hi"}, []string{
			`{"type":"buttons","text":"Hi Ana! How can we help you today?","buttons":[{"id":"track","title":"Track my order"},{"id":"human","title":"Talk to a person"}]}`, wait}},
		{"blank lines are skipped", nil, []string{"", "hi", "  "}, []string{greeting, wait}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"simulate", "--flow", "Order status", "--json", "--db", db}, tt.args...)
			code, stdout, stderr := runCLI(t, strings.Join(tt.lines, "\n")+"\n", args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			got := strings.Split(strings.TrimSpace(stdout), "\n")
			for _, line := range got {
				if !json.Valid([]byte(line)) {
					t.Fatalf("not one JSON object per line: %q", line)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Fatalf("got:\n%s\nwant:\n%s\nstderr: %s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"), stderr)
			}
		})
	}
}

func TestSimulateAPIUnreachable(t *testing.T) {
	api := orderAPI(t)
	db := importedExample(t, api.URL)
	api.Close() // connection refused from now on
	code, stdout, _ := runCLI(t, "hi\n1\nA1001\n", "simulate", "--flow", "Order status", "--json", "--db", db)
	if code != 0 || !strings.HasSuffix(strings.TrimSpace(stdout), apiDown+"\n"+end) {
		t.Fatalf("exit %d, stdout:\n%s", code, stdout)
	}
}

func TestSimulateTextMode(t *testing.T) {
	api := orderAPI(t)
	db := importedExample(t, api.URL)
	code, stdout, stderr := runCLI(t, "hi\n2\n", "simulate", "--flow", "order STATUS", "--db", db)
	want := "Hi Test customer! How can we help you today?\n  1) Track my order\n  2) Talk to a person\n" +
		"A person from our team will answer you here shortly.\n"
	if code != 0 || stdout != want {
		t.Fatalf("exit %d\nstdout:\n%q\nwant:\n%q", code, stdout, want)
	}
	if !strings.Contains(stderr, "handed the conversation to a person") {
		t.Fatalf("stderr %q", stderr)
	}
}

func TestSimulateErrors(t *testing.T) {
	api := orderAPI(t)
	db := importedExample(t, api.URL)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no flow flag", []string{"simulate", "--db", db}, 2, "--flow NAME is required"},
		{"unknown flow", []string{"simulate", "--flow", "Nope", "--db", db}, 1, `There is no flow named "Nope".`},
		{"bad --set", []string{"simulate", "--flow", "Order status", "--set", "novalue", "--db", db}, 2, `"novalue" is not attr=value`},
		{"unknown attribute", []string{"simulate", "--flow", "Order status", "--set", "zip=1", "--db", db}, 1, `There is no attribute named "zip".`},
		{"value of the wrong type", []string{"simulate", "--flow", "Order status", "--set", "order_eta=soon", "--db", db}, 1, `order_eta: "soon" is not a date (use YYYY-MM-DD).`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, "hi\n", tt.args...)
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			if code != tt.code || !strings.Contains(lines[len(lines)-1], tt.stderr) || code == 1 && len(lines) != 1 {
				t.Fatalf("exit %d, stderr %q; want %d ending with %q (one line for errors)", code, stderr, tt.code, tt.stderr)
			}
		})
	}
}
