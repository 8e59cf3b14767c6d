package e2etest

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/flow"
	"chatflow/backend/store"
	"chatflow/backend/whatsapp"
	"chatflow/backend/whatsapp/whatsapptest"
)

// bin is the chatflow binary under test: $CHATFLOW_BIN, or one built by
// TestMain (a headless build; the UI is not needed here).
var bin string

func TestMain(m *testing.M) {
	flag.Parse()
	bin = os.Getenv("CHATFLOW_BIN")
	if bin == "" && !testing.Short() {
		dir, err := os.MkdirTemp("", "chatflow-e2e")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		bin = filepath.Join(dir, "chatflow")
		args := []string{"build", "-o", bin}
		if raceDetector() {
			args = append(args, "-race")
		}
		build := exec.Command("go", append(args, "chatflow")...)
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "e2e: build chatflow:", err)
			os.Exit(1)
		}
		code := m.Run()
		os.RemoveAll(dir)
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// raceDetector reports whether these tests run with -race; the chatflow
// binary they start is then built with it too, so the crash, fault, disk and
// load tests also check the serving process for data races.
func raceDetector() bool {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range info.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}

const (
	appSecret   = "e2e-app-secret"
	verifyToken = "e2e-verify-token"
)

// world is one test's outside world: the fake Graph API, the fake order
// API, the database file and the running chatflow process.
type world struct {
	t       *testing.T
	graph   *whatsapptest.Graph
	orders  *httptest.Server
	dbPath  string
	addr    string // the webhook listener, fixed across restarts
	uiURL   string // the browser-mode UI server of the running process
	proc    *exec.Cmd
	logs    *lockedBuffer
	posts   int // webhook deliveries, redeliveries included
	retries int // deliveries Meta had to repeat
	mu      sync.Mutex
}

func newWorld(t *testing.T) *world {
	t.Helper()
	if testing.Short() {
		t.Skip("starts the chatflow binary")
	}
	w := &world{t: t, graph: whatsapptest.NewGraph(), dbPath: filepath.Join(t.TempDir(), "chatflow.db"), logs: &lockedBuffer{}}
	w.orders = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		id := strings.TrimPrefix(r.URL.Path, "/orders/")
		rw.Header().Set("Content-Type", "application/json")
		if !strings.HasPrefix(id, "A") {
			rw.WriteHeader(http.StatusNotFound)
			io.WriteString(rw, `{"error":"no such order"}`)
			return
		}
		fmt.Fprintf(rw, `{"order":{"id":%q,"status":"shipped"}}`, id)
	}))
	w.addr = freeAddr(t)
	w.graph.Hook("http://"+w.addr+"/webhook/whatsapp", appSecret)
	t.Cleanup(func() {
		w.kill()
		w.graph.Close()
		w.orders.Close()
		// A -race build reports a race on stderr when it happens, so the
		// report is there even after a SIGKILL.
		if strings.Contains(w.logs.String(), "WARNING: DATA RACE") {
			t.Error("the race detector found a data race in chatflow serve")
		}
		if t.Failed() {
			t.Logf("chatflow log:\n%s", w.logs.String())
		}
	})
	w.prepare()
	return w
}

// prepare writes the bot into the database before the first start: two
// attributes, the "Orders" API and the published "Support" flow.
func (w *world) prepare() {
	ctx := context.Background()
	db, err := store.Open(ctx, w.dbPath)
	if err != nil {
		w.t.Fatal(err)
	}
	defer db.Close()
	for _, name := range []string{"order_id", "order_status"} {
		if err := db.CreateAttribute(ctx, attribute.Definition{Name: name, Type: attribute.Text}); err != nil {
			w.t.Fatal(err)
		}
	}
	if _, err := db.SaveAPI(ctx, apicall.Definition{Name: "Orders", Method: "GET", URL: w.orders.URL + "/orders/{{order_id}}",
		TimeoutMs: 5000, Mappings: []apicall.Mapping{{Path: "order.status", Attribute: "order_status"}}}); err != nil {
		w.t.Fatal(err)
	}
	f, err := db.CreateFlow(ctx, supportFlow(), store.FlowCheck{Valid: true})
	if err != nil {
		w.t.Fatal(err)
	}
	if err := db.PublishFlow(ctx, f.ID); err != nil {
		w.t.Fatal(err)
	}
	// A reply cut off by a kill waits this long for Meta's status.
	if err := db.SetSetting(ctx, "inbox.resend_grace", "3s"); err != nil {
		w.t.Fatal(err)
	}
}

// supportFlow: a menu with two buttons; "Track order" asks for the order
// number, calls the Orders API and answers per status code.
func supportFlow() flow.Flow {
	n := func(id, typ string, d flow.NodeData) flow.Node { return flow.Node{ID: id, Type: typ, Data: d} }
	e := func(src, handle, dst string) flow.Edge {
		return flow.Edge{ID: src + "-" + handle, Source: src, SourceHandle: handle, Target: dst}
	}
	return flow.Flow{Name: "Support", Nodes: []flow.Node{
		n("start", flow.TypeStart, flow.NodeData{}),
		n("menu", flow.TypeButtons, flow.NodeData{Text: "Welcome {{contact.name}}! What do you need?",
			Buttons: []flow.Option{{ID: "track", Title: "Track order"}, {ID: "agent", Title: "Talk to us"}}}),
		n("ask", flow.TypeQuestion, flow.NodeData{Text: "What is your order number?", Attribute: "order_id"}),
		n("lookup", flow.TypeAPI, flow.NodeData{API: "Orders", Routes: []string{"200", "404"}}),
		n("found", flow.TypeMessage, flow.NodeData{Text: "Order {{order_id}}: {{order_status}}"}),
		n("missing", flow.TypeMessage, flow.NodeData{Text: "We could not find order {{order_id}}."}),
		n("down", flow.TypeMessage, flow.NodeData{Text: "Our order system is down, please try later."}),
		n("bye", flow.TypeEnd, flow.NodeData{Text: "Thanks for writing!"}),
		n("agent", flow.TypeHandoff, flow.NodeData{Text: "A person will answer you soon."}),
	}, Edges: []flow.Edge{
		e("start", "out", "menu"), e("menu", "track", "ask"), e("menu", "agent", "agent"), e("ask", "out", "lookup"),
		e("lookup", "200", "found"), e("lookup", "404", "missing"), e("lookup", "others", "down"),
		e("found", "out", "bye"), e("missing", "out", "bye"), e("down", "out", "bye"),
	}}
}

// start runs `chatflow serve` and waits until it prints its addresses.
func (w *world) start() {
	w.t.Helper()
	cmd := exec.Command(bin, "serve", "--db", w.dbPath, "--webhook-addr", w.addr, "--ui-addr", "127.0.0.1:0", "--ui-token", "e2e")
	cmd.Env = append(os.Environ(), "WHATSAPP_GRAPH_URL="+w.graph.URL, "WHATSAPP_TOKEN="+whatsapptest.Token,
		"WHATSAPP_PHONE_NUMBER_ID="+whatsapptest.PhoneNumberID, "WHATSAPP_APP_SECRET="+appSecret,
		"WHATSAPP_VERIFY_TOKEN="+verifyToken, "WHATSAPP_API_VERSION="+whatsapptest.Version)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		w.t.Fatal(err)
	}
	cmd.Stderr = w.logs
	if err := cmd.Start(); err != nil {
		w.t.Fatal(err)
	}
	w.mu.Lock()
	w.proc = cmd
	w.mu.Unlock()
	ready := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if ui, ok := strings.CutPrefix(sc.Text(), "ui: "); ok {
				if u, err := url.Parse(strings.TrimSpace(ui)); err == nil {
					w.mu.Lock()
					w.uiURL = u.Scheme + "://" + u.Host
					w.mu.Unlock()
				}
			}
			if strings.HasPrefix(sc.Text(), "webhook: ") {
				ready <- true
			}
		}
		ready <- false
	}()
	select {
	case ok := <-ready:
		if !ok {
			w.t.Fatalf("chatflow serve exited before it was ready")
		}
	case <-time.After(60 * time.Second):
		w.t.Fatal("chatflow serve did not start within a minute")
	}
}

// kill stops the process with SIGKILL: no cleanup of any kind runs.
func (w *world) kill() {
	w.mu.Lock()
	cmd := w.proc
	w.proc = nil
	w.mu.Unlock()
	if cmd != nil && cmd.Process != nil {
		cmd.Process.Kill()
		cmd.Wait()
	}
}

// deliver posts one signed webhook body the way Meta does: again and again
// until the webhook answers 200 (it redelivers anything not acknowledged).
func (w *world) deliver(body []byte) {
	w.t.Helper()
	client := &http.Client{Timeout: 10 * time.Second}
	deadline := time.Now().Add(2 * time.Minute)
	for attempt := 0; ; attempt++ {
		req, _ := http.NewRequest(http.MethodPost, "http://"+w.addr+"/webhook/whatsapp", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set(whatsapp.SignatureHeader, whatsapp.Sign(body, appSecret))
		resp, err := client.Do(req)
		ok := err == nil && resp.StatusCode == http.StatusOK
		if err == nil {
			resp.Body.Close()
		}
		w.mu.Lock()
		w.posts++
		if attempt > 0 {
			w.retries++
		}
		w.mu.Unlock()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			w.t.Errorf("webhook never acknowledged a delivery (last: %v)", err)
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// waitReplies waits until the Graph API accepted at least n messages for to.
func (w *world) waitReplies(to string, n int) bool {
	deadline := time.Now().Add(90 * time.Second)
	for len(w.graph.AcceptedTo(to)) < n {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(20 * time.Millisecond)
	}
	return true
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// lockedBuffer collects the process's log safely.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
