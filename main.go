// Command chatflow is Chatflow Studio: a desktop app (or, with `serve`, a
// browser app) for designing WhatsApp chatbots, with the webhook listener
// that runs them live in the same process.
//
// main only deals with the process: signals, the embedded UI and the exit
// code. The subcommands and the wiring they share live in package cli, the
// use cases in backend/studio, the UI's bound services in package app.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"chatflow/cli"
	"chatflow/frontend"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], cli.Env{
		Stdin:  os.Stdin,
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Assets: frontend.Assets(),
	})
	stop()
	os.Exit(code)
}
