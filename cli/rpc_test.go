package cli

import (
	"bufio"
	"chatflow/app"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// serveForTest runs `chatflow serve` in-process and returns the UI base URL
// (token "tok"); the server stops when the test ends.
func serveForTest(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out := lineWriter{lines: make(chan string, 16)}
	done := make(chan int, 1)
	db := filepath.Join(t.TempDir(), "c.db")
	go func() {
		done <- Main(ctx, []string{"serve", "--db", db, "--webhook-addr", "127.0.0.1:0", "--ui-addr", "127.0.0.1:0", "--ui-token", "tok"}, testEnv(out, io.Discard))
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop")
		}
	})
	for {
		select {
		case l := <-out.lines:
			if u, ok := strings.CutPrefix(l, "ui: "); ok {
				return strings.TrimSuffix(u, "/?token=tok")
			}
		case <-time.After(10 * time.Second):
			t.Fatal("serve did not print its address")
		}
	}
}

// rpcFailure is the body of a failed call.
type rpcFailure struct {
	Error string `json:"error"`
	Code  string `json:"code"`
	Field string `json:"field"`
}

// rpcFail calls a method that must fail and returns its status and body.
func rpcFail(t *testing.T, base, method string, args ...any) (int, rpcFailure) {
	t.Helper()
	body, _ := json.Marshal(args)
	res, err := http.Post(base+"/rpc/"+method+"?token=tok", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var f rpcFailure
	if err := json.NewDecoder(res.Body).Decode(&f); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	return res.StatusCode, f
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestCodedErrorsOverRPC checks that the use cases' coded errors reach the
// browser with the sentence in "error" (the old contract) and "code" and
// "field" beside it, under the status of their code.
func TestCodedErrorsOverRPC(t *testing.T) {
	api := orderAPI(t)
	base := serveForTest(t)
	bundleText := readFile(t, exampleFile(t, api.URL))
	rpc(t, base, "Flows.ImportBundle", nil, bundleText, false)
	tests := []struct {
		method string
		args   []any
		status int
		want   rpcFailure
	}{
		{"Flows.ImportBundle", []any{bundleText, false}, 409, rpcFailure{Code: "ECONFLICT",
			Error: `Attribute "order_id": already exists; import with replace to overwrite it (and 4 more problems).`}},
		{"Flows.Create", []any{" "}, 422, rpcFailure{Code: "EINVALID", Field: "name", Error: "Give the flow a name."}},
		{"Flows.Create", []any{"order STATUS"}, 409, rpcFailure{Code: "ECONFLICT", Field: "name", Error: `A flow named "order STATUS" already exists.`}},
		{"Flows.Get", []any{4242}, 404, rpcFailure{Code: "ENOTFOUND", Error: "This flow no longer exists."}},
		{"APIs.Save", []any{map[string]any{"name": "X", "url": "https://x.test",
			"mappings": []map[string]string{{"path": "a", "attribute": "api.status"}}}}, 422,
			rpcFailure{Code: "EINVALID", Field: "mappings.0.attribute", Error: "Mapping 1 sets api.status, which is built in; map it to a custom attribute."}},
		{"Data.Quit", nil, 503, rpcFailure{Code: "EUNAVAILABLE", Error: "Browser mode has no window to quit; stop chatflow serve where it runs."}},
		{"Flows.Get", []any{"not a number"}, 400, rpcFailure{Code: "EINVALID"}},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			status, got := rpcFail(t, base, tt.method, tt.args...)
			if tt.want.Error == "" {
				tt.want.Error = got.Error // bad arguments: only the code is the contract
			}
			if status != tt.status || got != tt.want {
				t.Fatalf("%s = %d %+v, want %d %+v", tt.method, status, got, tt.status, tt.want)
			}
		})
	}
}

// rpc calls one bound method over the browser transport and decodes the result.
func rpc(t *testing.T, base, method string, out any, args ...any) {
	t.Helper()
	body, _ := json.Marshal(args)
	res, err := http.Post(base+"/rpc/"+method+"?token=tok", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 {
		t.Fatalf("%s: %d %s", method, res.StatusCode, raw)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			t.Fatalf("%s: %v in %s", method, err, raw)
		}
	}
}

// TestFlowsAndSimulatorOverRPC drives the Flows and Simulator services the
// way the browser UI does: import the example, edit and save, and chat in
// the simulator, with the simulator:turn event arriving over /events.
func TestFlowsAndSimulatorOverRPC(t *testing.T) {
	api := orderAPI(t)
	base := serveForTest(t)

	events, err := http.Get(base + "/events?token=tok")
	if err != nil {
		t.Fatal(err)
	}
	defer events.Body.Close()
	turns := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(events.Body)
		for sc.Scan() {
			if strings.Contains(sc.Text(), `"simulator:turn"`) {
				turns <- sc.Text()
			}
		}
	}()

	var imported struct{ Published string }
	bundleText := readFile(t, exampleFile(t, api.URL))
	rpc(t, base, "Flows.ImportBundle", &imported, bundleText, false)
	if imported.Published != "Order status" {
		t.Fatalf("import %+v", imported)
	}
	var list []app.FlowSummary
	rpc(t, base, "Flows.List", &list)
	if len(list) != 1 || !list[0].Published || !list[0].Valid {
		t.Fatalf("list %+v", list)
	}
	// Edit the greeting and save the document as the editor does.
	var doc map[string]any
	rpc(t, base, "Flows.Get", &doc, list[0].ID)
	nodes := doc["nodes"].([]any)
	nodes[1].(map[string]any)["data"].(map[string]any)["text"] = "Welcome, {{contact.name}}!"
	var saved app.SaveResult
	rpc(t, base, "Flows.Save", &saved, doc)
	if saved.Flow.Version != 2 || len(saved.Problems) != 0 {
		t.Fatalf("save %+v", saved)
	}

	var ss app.SimSession
	rpc(t, base, "Simulator.Start", &ss, list[0].ID)
	var turn app.SimTurn
	rpc(t, base, "Simulator.Send", &turn, ss.ID, "hi", "")
	if turn.State != "wait" || turn.Replies[0].Text != "Welcome, Test customer!" {
		t.Fatalf("the simulator runs the saved draft: %+v", turn)
	}
	rpc(t, base, "Simulator.Send", &turn, ss.ID, "", "track")
	rpc(t, base, "Simulator.Send", &turn, ss.ID, "A1002", "")
	if turn.State != "end" || len(turn.Calls) != 1 || turn.Calls[0].Route != "200" ||
		turn.Replies[0].Text != "Order A1002 is processing. We will message you as soon as it ships." {
		t.Fatalf("turn %+v", turn)
	}
	select {
	case ev := <-turns:
		if !strings.Contains(ev, ss.ID) {
			t.Fatalf("event %s", ev)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no simulator:turn event on /events")
	}
}
