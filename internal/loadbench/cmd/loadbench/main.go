//go:build linux

// Command loadbench runs the end-to-end load benchmark of chatflow serve
// against an in-memory baseline and a durable baseline and prints one table
// of figures with ratios to both and the targets. See docs/performance.md.
//
//	go run ./internal/loadbench/cmd/loadbench -bin bin/chatflow
//
// It exits 1 when a reply was lost or duplicated (or, with -strict, when any
// target is missed) and 2 on a usage error.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"chatflow/internal/loadbench"
)

func main() {
	os.Exit(run())
}

func run() int {
	var cfg loadbench.Config
	fl := flag.NewFlagSet("loadbench", flag.ContinueOnError)
	fl.StringVar(&cfg.Bin, "bin", "bin/chatflow", "chatflow `binary` to measure")
	fl.IntVar(&cfg.Contacts, "contacts", 200, "contacts writing to the bot")
	fl.IntVar(&cfg.InFlight, "inflight", 32, "messages outstanding in the closed loop")
	fl.DurationVar(&cfg.Warmup, "warmup", 0, "warm-up before the closed loop (default 2s)")
	fl.DurationVar(&cfg.Closed, "closed", 0, "length of the closed loop (default 10s)")
	fl.IntVar(&cfg.Rate, "rate", 200, "messages per second in the paced phase")
	fl.DurationVar(&cfg.Paced, "paced", 0, "length of the paced phase (default 10s)")
	fl.DurationVar(&cfg.Flood, "saturate", 0, "length of the saturating phase (default 5s)")
	fl.IntVar(&cfg.SendRate, "send-rate", loadbench.DefaultSendRate, "chatflow's send rate limit per second (the baseline has none)")
	env := fl.String("env", "", "extra `VAR=value,...` for chatflow (e.g. GOGC=50,GOMEMLIMIT=40MiB)")
	strict := fl.Bool("strict", false, "exit 1 when any target is missed")
	baseline := fl.Bool("serve-baseline", false, "internal: serve the in-memory baseline")
	durable := fl.Bool("serve-durable-baseline", false, "internal: serve the durable baseline")
	dir := fl.String("dir", "", "internal: database folder for -serve-durable-baseline")
	orders := fl.String("orders", "", "internal: order API URL for -serve-baseline")
	graph := fl.String("graph", "", "internal: Graph API URL for -serve-baseline")
	if err := fl.Parse(os.Args[1:]); err != nil {
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if *baseline {
		b := loadbench.NewBaseline(loadbench.AppSecret, *orders, loadbench.GraphConfig(*graph))
		if err := loadbench.ServeBaseline(ctx, "127.0.0.1:0", b, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return 0
	}
	if *durable {
		err := loadbench.ServeDurableBaseline(ctx, "127.0.0.1:0", *dir, *orders, loadbench.GraphConfig(*graph), os.Stdout)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return 0
	}
	if *env != "" {
		cfg.Env = strings.Split(*env, ",")
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadbench:", err)
		return 1
	}
	cfg.Self = self
	if _, err := os.Stat(cfg.Bin); err != nil {
		fmt.Fprintf(os.Stderr, "loadbench: no chatflow binary at %s (run make build, or pass -bin)\n", cfg.Bin)
		return 2
	}
	cfg.Progress = os.Stderr
	res, err := loadbench.Run(ctx, cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if load, err := os.ReadFile("/proc/loadavg"); err == nil {
		fmt.Printf("load average before the run ended: %s", load)
	}
	loadbench.Print(os.Stdout, cfg, res, loadbench.DefaultTargets)
	if res.Chatflow.Counts.Lost > 0 || res.Chatflow.Counts.Duplicated > 0 {
		return 1
	}
	if *strict && len(loadbench.DefaultTargets.Check(res)) > 0 {
		return 1
	}
	return 0
}
