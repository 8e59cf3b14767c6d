// Package cli is the chatflow command line and the process wiring the
// desktop and serve modes share: it opens the database, builds the use
// cases (backend/studio), the live bot (engine, inbox, webhook) and the
// bound services (app), and runs the subcommand. main only hands it the
// process: arguments, standard streams, the embedded UI and signals.
// Everything here also runs in-process, so tests drive `serve` and the
// other commands with buffers instead of a built binary.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"

	"chatflow/app"
	"chatflow/backend/studio/config"
)

// Env is what a subcommand may touch of the outside world, so that tests can
// run commands in-process with buffers instead of the real terminal.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Assets is the built frontend the UI transports serve.
	Assets fs.FS
	// Getenv reads configuration from the environment (os.Getenv by default).
	Getenv func(string) string
}

// command is one subcommand of the chatflow binary.
type command struct {
	summary string
	run     func(ctx context.Context, env Env, args []string) error
}

// commands is the table of subcommands. Running chatflow with no subcommand
// (or only flags) opens the desktop window.
var commands = map[string]command{}

func init() {
	commands["serve"] = command{"run the webhook listener and the UI in a browser (no window)", runServe}
	commands["version"] = command{"print the version and build information", runVersion}
	commands["help"] = command{"show this help", runHelp}
	commands["simulate"] = command{"chat with a flow in the terminal (stdin is the customer)", runSimulate}
	commands["import"] = command{"import attributes, APIs and flows from a bundle file", runImport}
	commands["export"] = command{"export attributes, APIs and flows as a bundle", runExport}
	commands["trigger"] = command{"add, list or remove notification triggers (POST /notify/NAME)", runTrigger}
	commands["templates"] = command{"sync the WhatsApp message templates (templates sync)", runTemplates}
}

// usageError marks a mistake in how the command was called (exit code 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// usagef reports a usage mistake.
func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// Main runs the chatflow command line and returns the process exit code:
// 0 ok, 2 usage error, 1 any other error (one line on stderr).
func Main(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	name, rest := "", args
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, rest = args[0], args[1:]
	}
	var err error
	if name == "" {
		err = runDesktop(ctx, env, rest)
	} else if cmd, ok := commands[name]; ok {
		err = cmd.run(ctx, env, rest)
	} else {
		err = usagef("unknown command %q (run `chatflow help`)", name)
	}
	var usage usageError
	switch {
	case err == nil || errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &usage):
		fmt.Fprintf(env.Stderr, "chatflow: %s\n", usage.msg)
		return 2
	default:
		fmt.Fprintf(env.Stderr, "chatflow: %s\n", err)
		return 1
	}
}

// newFlags returns a flag set whose parse errors become usage errors and
// whose -h output goes to stderr.
func newFlags(name string, env Env) *flag.FlagSet {
	fl := flag.NewFlagSet("chatflow "+name, flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	return fl
}

// parseFlags parses args, refusing stray positional arguments unless the
// command takes some (maxArgs).
func parseFlags(fl *flag.FlagSet, args []string, maxArgs int) error {
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if fl.NArg() > maxArgs {
		return usagef("%s: unexpected argument %q", fl.Name(), fl.Arg(maxArgs))
	}
	return nil
}

// dbFlag adds the --db flag every subcommand takes.
func dbFlag(fl *flag.FlagSet) *string {
	return fl.String("db", "", "database `file` (default $"+config.EnvDB+", else <user config dir>/chatflow/chatflow.db)")
}

func runVersion(_ context.Context, env Env, args []string) error {
	fl := newFlags("version", env)
	if err := parseFlags(fl, args, 0); err != nil {
		return err
	}
	b := app.Build()
	fmt.Fprintf(env.Stdout, "chatflow %s\ncommit %s\n%s\n", b.Version, b.CommitOr("unknown"), b.GoVersion)
	return nil
}

func runHelp(_ context.Context, env Env, args []string) error {
	if len(args) > 0 {
		if _, ok := commands[args[0]]; !ok {
			return usagef("help: unknown command %q", args[0])
		}
		return commands[args[0]].run(context.Background(), env, []string{"-h"})
	}
	fmt.Fprint(env.Stdout, "Chatflow Studio: design WhatsApp chatbots and run them from this computer.\n\n")
	fmt.Fprint(env.Stdout, "Usage:\n  chatflow [--db FILE] [--webhook-addr ADDR]   open the desktop window\n  chatflow <command> [flags]\n\nCommands:\n")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(env.Stdout, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprint(env.Stdout, "\nRun `chatflow help <command>` for its flags. Exit codes: 0 ok, 2 usage error, 1 other error.\n")
	return nil
}

// flagWasSet reports whether name was given on the command line (as opposed
// to holding its default).
func flagWasSet(fl *flag.FlagSet, name string) bool {
	set := false
	fl.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
