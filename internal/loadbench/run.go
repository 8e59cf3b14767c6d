//go:build linux

package loadbench

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/whatsapp/whatsapptest"
)

// AppSecret signs the load's webhooks (both targets are told it).
const AppSecret = "loadbench-app-secret"

// Config describes one benchmark run.
type Config struct {
	// Bin is the chatflow binary to measure.
	Bin string
	// Self is an executable that serves the baseline when run with
	// BaselineArgs (cmd/loadbench passes itself).
	Self string
	// Contacts write to the bot; InFlight messages are outstanding in the
	// closed loop, which runs for Closed after a Warmup; the open loop
	// posts Rate messages per second for Paced.
	Contacts int
	InFlight int
	Warmup   time.Duration
	Closed   time.Duration
	Rate     int
	Paced    time.Duration
	// SendRate is chatflow's send rate limit in messages per second
	// (default DefaultSendRate, out of reach like the baseline's none).
	SendRate int
	// Env is added to chatflow's environment (GOGC=..., GOMEMLIMIT=...).
	Env []string
	// Progress receives one line per step; nil discards them.
	Progress io.Writer
}

// Defaults fills in the figures of the issue: 200 contacts, 32 in flight,
// 200 messages per second, 10 seconds each.
func (c Config) Defaults() Config {
	if c.Contacts <= 0 {
		c.Contacts = 200
	}
	if c.InFlight <= 0 {
		c.InFlight = 32
	}
	if c.Warmup <= 0 {
		c.Warmup = 2 * time.Second
	}
	if c.Closed <= 0 {
		c.Closed = 10 * time.Second
	}
	if c.Rate <= 0 {
		c.Rate = 200
	}
	if c.Paced <= 0 {
		c.Paced = 10 * time.Second
	}
	if c.SendRate <= 0 {
		c.SendRate = DefaultSendRate
	}
	if c.Progress == nil {
		c.Progress = io.Discard
	}
	return c
}

// Figures are one phase's measurements.
type Figures struct {
	Messages      int
	AcksPerSec    float64
	RepliesPerSec float64
	Ack, E2E      Latency
	// CPUPerMessage is the server's user+system CPU time per message.
	CPUPerMessage time.Duration
}

// Result is everything measured for one target.
type Result struct {
	Name    string
	Ready   time.Duration
	IdleRSS int64
	// PeakRSS is the highest RSS sampled during the load phases;
	// PeakRSSSinceExec is VmHWM, which also covers start-up.
	PeakRSS          int64
	PeakRSSSinceExec int64
	Closed           Figures
	Paced            Figures
	Counts           Counts
	Redeliveries     int64
	OrderCalls       int64
}

// BaselineArgs are the arguments that make Self serve the baseline.
func BaselineArgs(ordersURL, graphURL string) []string {
	return []string{"-serve-baseline", "-orders", ordersURL, "-graph", graphURL}
}

// Run measures the baseline, then chatflow, under the same load, with one
// fake Graph API and one fake order API for both.
func Run(ctx context.Context, cfg Config) (base, ours Result, err error) {
	cfg = cfg.Defaults()
	graph, orders := NewGraph(nil), NewOrders()
	defer graph.Close()
	defer orders.Close()

	fmt.Fprintln(cfg.Progress, "baseline: in-memory handler")
	base, err = measure(ctx, cfg, "baseline", graph, orders, func() (*Proc, error) {
		return StartProc(cfg.Self, BaselineArgs(orders.URL(), graph.URL()), os.Environ())
	})
	if err != nil {
		return base, ours, err
	}
	dir, err := os.MkdirTemp("", "chatflow-loadbench")
	if err != nil {
		return base, ours, fmt.Errorf("loadbench: temp dir: %w", err)
	}
	defer os.RemoveAll(dir)
	dbPath := filepath.Join(dir, "chatflow.db")
	if err := PrepareChatflow(ctx, cfg.Bin, dbPath, orders.URL(), cfg.SendRate); err != nil {
		return base, ours, err
	}
	fmt.Fprintln(cfg.Progress, "chatflow: serve", cfg.Bin)
	ours, err = measure(ctx, cfg, "chatflow", graph, orders, func() (*Proc, error) {
		return StartChatflow(cfg.Bin, dbPath, graph.URL(), cfg.Env)
	})
	return base, ours, err
}

// measure runs the warm-up, closed and paced phases against one target.
func measure(ctx context.Context, cfg Config, name string, graph *Graph, orders *Orders, start func() (*Proc, error)) (Result, error) {
	res := Result{Name: name}
	tally := NewTally(200_000)
	graph.SetTally(tally)
	calls0 := orders.Calls()
	p, err := start()
	if err != nil {
		return res, err
	}
	defer p.Stop()
	res.Ready = p.Ready
	if err := healthy(ctx, p.Webhook); err != nil {
		return res, err
	}
	time.Sleep(300 * time.Millisecond)
	mem, err := ReadMem(p.Pid())
	if err != nil {
		return res, err
	}
	res.IdleRSS = mem.RSS

	d := NewDriver(p.Webhook, AppSecret, cfg.Contacts, tally)
	rss := StartRSSSampler(p.Pid(), 10*time.Millisecond)
	fmt.Fprintf(cfg.Progress, "  warm-up %s\n", cfg.Warmup)
	d.Closed(ctx, cfg.InFlight, cfg.Warmup)

	fmt.Fprintf(cfg.Progress, "  closed loop: %d in flight for %s\n", cfg.InFlight, cfg.Closed)
	cpu0, _ := ReadCPU(p.Pid())
	ph := d.Closed(ctx, cfg.InFlight, cfg.Closed)
	cpu1, _ := ReadCPU(p.Pid())
	res.Closed = figures(tally, ph, cpu1-cpu0)

	time.Sleep(500 * time.Millisecond)
	fmt.Fprintf(cfg.Progress, "  paced: %d messages/s for %s\n", cfg.Rate, cfg.Paced)
	cpu2, _ := ReadCPU(p.Pid())
	ph = d.Paced(ctx, cfg.Rate, cfg.Paced)
	cpu3, _ := ReadCPU(p.Pid())
	res.Paced = figures(tally, ph, cpu3-cpu2)

	// Anything sent twice would arrive now.
	time.Sleep(time.Second)
	d.WaitReplies(ctx, 0, tally.Taken())
	res.PeakRSS = rss.Stop()
	res.Counts = tally.Count(0, tally.Taken())
	res.Redeliveries = d.Redeliveries.Load()
	res.OrderCalls = orders.Calls() - calls0
	if mem, err = ReadMem(p.Pid()); err != nil {
		return res, err
	}
	res.PeakRSSSinceExec = mem.Peak
	if res.Counts.Lost > 0 {
		fmt.Fprintf(cfg.Progress, "  %d replies missing; %s log tail:\n%s\n", res.Counts.Lost, name, tail(p.Logs(), 2000))
	}
	return res, nil
}

func figures(t *Tally, ph Phase, cpu time.Duration) Figures {
	f := Figures{Messages: ph.To - ph.From}
	f.Ack, f.E2E = t.Latencies(ph.From, ph.To)
	if secs := ph.Elapsed.Seconds(); secs > 0 {
		f.AcksPerSec = float64(len(f.Ack)) / secs
		f.RepliesPerSec = float64(len(f.E2E)) / secs
	}
	if f.Messages > 0 {
		f.CPUPerMessage = cpu / time.Duration(f.Messages)
	}
	return f
}

func healthy(ctx context.Context, webhook string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, webhook+"/healthz", nil)
	if err != nil {
		return fmt.Errorf("loadbench: health check: %w", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("loadbench: health check: %w", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("loadbench: health check answered %d", resp.StatusCode)
	}
	return nil
}

// DefaultSendRate is the send rate limit the benchmark gives chatflow:
// high enough never to be reached, because the baseline has no limit and
// the closed loop compares processing. The product's default is 80/s and
// Meta's highest tier 1000/s per number; with -send-rate 1000 the closed
// loop measures that cap instead (about 950 replies/s, docs/performance.md).
const DefaultSendRate = 100000

// PrepareChatflow creates the database at dbPath with the order bot
// imported through `chatflow import` and the send rate set to sendRate
// messages per second (DefaultSendRate when 0 or less).
func PrepareChatflow(ctx context.Context, bin, dbPath, ordersURL string, sendRate int) error {
	if sendRate <= 0 {
		sendRate = DefaultSendRate
	}
	bundle := filepath.Join(filepath.Dir(dbPath), "orderbot.json")
	if err := os.WriteFile(bundle, OrderBot(ordersURL), 0o600); err != nil {
		return fmt.Errorf("loadbench: write bundle: %w", err)
	}
	cmd := exec.CommandContext(ctx, bin, "import", "--db", dbPath, bundle)
	cmd.Env = cleanEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("loadbench: import the order bot: %w: %s", err, strings.TrimSpace(string(out)))
	}
	db, err := store.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.SetIntSetting(ctx, "inbox.rate_limit", sendRate); err != nil {
		return fmt.Errorf("loadbench: set the send rate: %w", err)
	}
	return nil
}

// StartChatflow runs `chatflow serve` on loopback ports chosen by the
// system, with the WhatsApp settings given through the environment.
func StartChatflow(bin, dbPath, graphURL string, extraEnv []string) (*Proc, error) {
	env := append(cleanEnv(),
		"WHATSAPP_GRAPH_URL="+graphURL, "WHATSAPP_TOKEN="+whatsapptest.Token,
		"WHATSAPP_PHONE_NUMBER_ID="+whatsapptest.PhoneNumberID, "WHATSAPP_APP_SECRET="+AppSecret,
		"WHATSAPP_VERIFY_TOKEN=loadbench-verify", "WHATSAPP_API_VERSION="+whatsapptest.Version)
	env = append(env, extraEnv...)
	return StartProc(bin, []string{"serve", "--db", dbPath, "--webhook-addr", "127.0.0.1:0",
		"--ui-addr", "127.0.0.1:0", "--ui-token", "loadbench"}, env)
}

// cleanEnv is this process's environment without chatflow's own
// variables, so a developer's settings cannot leak into the measurement.
func cleanEnv() []string {
	var out []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "WHATSAPP_") && !strings.HasPrefix(kv, "CHATFLOW_") {
			out = append(out, kv)
		}
	}
	return out
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
