package app

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
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
	rpc(t, base, "Flows.ImportBundle", &imported, string(exampleBundle(t, api.URL)), false)
	if imported.Published != "Order status" {
		t.Fatalf("import %+v", imported)
	}
	var list []FlowSummary
	rpc(t, base, "Flows.List", &list)
	if len(list) != 1 || !list[0].Published || !list[0].Valid {
		t.Fatalf("list %+v", list)
	}
	// Edit the greeting and save the document as the editor does.
	var doc map[string]any
	rpc(t, base, "Flows.Get", &doc, list[0].ID)
	nodes := doc["nodes"].([]any)
	nodes[1].(map[string]any)["data"].(map[string]any)["text"] = "Welcome, {{contact.name}}!"
	var saved SaveResult
	rpc(t, base, "Flows.Save", &saved, doc)
	if saved.Flow.Version != 2 || len(saved.Problems) != 0 {
		t.Fatalf("save %+v", saved)
	}

	var ss SimSession
	rpc(t, base, "Simulator.Start", &ss, list[0].ID)
	var turn SimTurn
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
