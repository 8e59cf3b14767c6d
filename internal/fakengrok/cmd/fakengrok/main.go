// Command fakengrok runs the loopback stand-in for ngrok's service for the
// browser tests (frontend/e2e/tunnel.e2e.ts): chatflow serve is pointed at
// it with CHATFLOW_NGROK_CONNECT_URL and CHATFLOW_NGROK_CA_FILE, so the
// product's real ngrok SDK code opens the tunnel. It prints
//
//	connect: 127.0.0.1:PORT
//	edge: http://127.0.0.1:PORT
//	ca: PATH
//
// and runs until stdin closes or it gets SIGTERM. A line "drop" on stdin
// cuts every agent session (the SDK reconnects).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"chatflow/internal/fakengrok"
)

func main() {
	caPath := flag.String("ca", "", "write the service's CA certificate (PEM) to this `file`")
	tokens := flag.String("tokens", "", "comma-separated authtokens to accept (default: any)")
	host := flag.String("hostname", "", "public host name of endpoints that ask for none")
	flag.Parse()
	if *caPath == "" {
		fmt.Fprintln(os.Stderr, "fakengrok: -ca is required")
		os.Exit(2)
	}
	opts := fakengrok.Options{Hostname: *host}
	if *tokens != "" {
		opts.Authtokens = strings.Split(*tokens, ",")
	}
	srv, err := fakengrok.Start(opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer srv.Close()
	if err := os.WriteFile(*caPath, srv.CAPEM, 0o600); err != nil {
		fmt.Fprintln(os.Stderr, "fakengrok:", err)
		os.Exit(1)
	}
	fmt.Printf("connect: %s\nedge: %s\nca: %s\n", srv.ConnectAddr, srv.EdgeURL, *caPath)

	done := make(chan struct{})
	go func() {
		defer close(done)
		in := bufio.NewScanner(os.Stdin)
		for in.Scan() {
			if strings.TrimSpace(in.Text()) == "drop" {
				srv.DropSessions()
				fmt.Println("dropped")
			}
		}
	}()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, os.Interrupt)
	select {
	case <-sig:
	case <-done:
	}
}
