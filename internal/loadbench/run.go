//go:build linux

package loadbench

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/studio/config"
	"chatflow/backend/whatsapp/whatsapptest"
)

// AppSecret signs the load's webhooks (every target is told it).
const AppSecret = "loadbench-app-secret"

// Config describes one benchmark run.
type Config struct {
	// Bin is the chatflow binary to measure.
	Bin string
	// Self is an executable that serves the baselines when run with
	// BaselineArgs or DurableBaselineArgs (cmd/loadbench passes itself).
	Self string
	// Contacts write to the bot; InFlight messages are outstanding in the
	// closed loop, which runs for Closed after a Warmup; the open loop
	// posts Rate messages per second for Paced; the saturating phase keeps
	// InFlight posts outstanding for Flood without waiting for replies.
	Contacts int
	InFlight int
	Warmup   time.Duration
	Closed   time.Duration
	Rate     int
	Paced    time.Duration
	Flood    time.Duration
	// SendRate is chatflow's send rate limit in messages per second
	// (default DefaultSendRate, out of reach like the baselines' none).
	SendRate int
	// Env is added to chatflow's environment (GOGC=..., GOMEMLIMIT=...).
	Env []string
	// Progress receives one line per step; nil discards them.
	Progress io.Writer
}

// Defaults fills in the figures of the issue: 200 contacts, 32 in flight,
// 200 messages per second, 10 seconds each, and 5 seconds of saturation.
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
	if c.Flood <= 0 {
		c.Flood = 5 * time.Second
	}
	if c.SendRate <= 0 {
		c.SendRate = DefaultSendRate
	}
	if c.Progress == nil {
		c.Progress = io.Discard
	}
	return c
}

// Results are the three targets of one run, measured one after another
// under the same load with the same fakes.
type Results struct {
	Memory, Durable, Chatflow Result
}

// BaselineArgs are the arguments that make Self serve the in-memory
// baseline.
func BaselineArgs(ordersURL, graphURL string) []string {
	return []string{"-serve-baseline", "-orders", ordersURL, "-graph", graphURL}
}

// DurableBaselineArgs are the arguments that make Self serve the durable
// baseline with its database in dir.
func DurableBaselineArgs(dir, ordersURL, graphURL string) []string {
	return []string{"-serve-durable-baseline", "-dir", dir, "-orders", ordersURL, "-graph", graphURL}
}

// Run measures the in-memory baseline, the durable baseline and chatflow,
// in that order, under the same load, with one fake Graph API and one fake
// order API for all three.
func Run(ctx context.Context, cfg Config) (Results, error) {
	cfg = cfg.Defaults()
	var res Results
	graph, orders := NewGraph(nil), NewOrders()
	defer graph.Close()
	defer orders.Close()
	dir, err := os.MkdirTemp("", "chatflow-loadbench")
	if err != nil {
		return res, fmt.Errorf("loadbench: temp dir: %w", err)
	}
	defer os.RemoveAll(dir)

	fmt.Fprintln(cfg.Progress, "in-memory baseline")
	res.Memory, err = measure(ctx, cfg, target{name: "in-memory baseline", start: func() (*Proc, string, error) {
		p, err := StartProc(cfg.Self, BaselineArgs(orders.URL(), graph.URL()), os.Environ())
		return p, "", err
	}}, graph, orders)
	if err != nil {
		return res, err
	}
	fmt.Fprintln(cfg.Progress, "durable baseline")
	res.Durable, err = measure(ctx, cfg, target{name: "durable baseline", start: func() (*Proc, string, error) {
		p, err := StartProc(cfg.Self, DurableBaselineArgs(dir, orders.URL(), graph.URL()), os.Environ())
		if err != nil {
			return nil, "", err
		}
		return p, p.Webhook + "/stats", nil
	}}, graph, orders)
	if err != nil {
		return res, err
	}
	dbPath := filepath.Join(dir, "chatflow.db")
	if err := PrepareChatflow(ctx, cfg.Bin, dbPath, orders.URL(), cfg.SendRate); err != nil {
		return res, err
	}
	fmt.Fprintln(cfg.Progress, "chatflow: serve", cfg.Bin)
	res.Chatflow, err = measure(ctx, cfg, target{name: "chatflow", start: func() (*Proc, string, error) {
		// The profiling listener serves the statement counts; one given
		// in Env (to take a profile during the run) is used as it is.
		port := ""
		for _, kv := range cfg.Env {
			port = strings.TrimPrefix(kv, "CHATFLOW_PPROF=")
			if port != kv {
				break
			}
			port = ""
		}
		env := cfg.Env
		if port == "" {
			var err error
			if port, err = freePort(); err != nil {
				return nil, "", err
			}
			env = append([]string{"CHATFLOW_PPROF=" + port}, cfg.Env...)
		}
		p, err := StartChatflow(cfg.Bin, dbPath, graph.URL(), env)
		return p, "http://" + port + "/debug/store", err
	}}, graph, orders)
	return res, err
}

// freePort finds a loopback port nothing listens on (for chatflow's
// profiling listener, which serves its statement counts).
func freePort() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("loadbench: find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// DefaultSendRate is the send rate limit the benchmark gives chatflow:
// high enough never to be reached, because the baselines have no limit and
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
	if err := db.SetIntSetting(ctx, config.KeyRateLimit, sendRate); err != nil {
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
