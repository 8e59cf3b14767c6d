package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"chatflow/backend/bundle"
)

// runImport imports a bundle file ("-" reads stdin). Existing names fail
// unless --replace; nothing changes when anything is wrong.
func runImport(ctx context.Context, env Env, args []string) error {
	fl := newFlags("import", env)
	dbPath := dbFlag(fl)
	replace := fl.Bool("replace", false, "overwrite attributes, APIs and flows whose names exist already")
	fl.Usage = func() {
		fmt.Fprint(fl.Output(), "Usage: chatflow import FILE [--replace] [--db FILE]\n\nFILE is a bundle (see docs/bundle.md); - reads standard input.\n\n")
		fl.PrintDefaults()
	}
	files, err := parseInterspersed(fl, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usagef("import: give exactly one bundle file (chatflow import FILE [--replace])")
	}
	data, err := readBundleFile(env, files[0])
	if err != nil {
		return err
	}
	b, err := bundle.Parse(data)
	if err != nil {
		return err
	}
	st, closeDB, err := openStudio(ctx, env, *dbPath)
	if err != nil {
		return err
	}
	defer closeDB()
	res, err := st.Bundles.Import(ctx, b, *replace)
	if err != nil {
		return err
	}
	printImport(env.Stdout, res)
	return nil
}

func printImport(w io.Writer, res bundle.Result) {
	fmt.Fprintf(w, "Imported %d new and %d replaced items.\n", len(res.Created), len(res.Replaced))
	for _, c := range res.Created {
		fmt.Fprintf(w, "  created  %s\n", c)
	}
	for _, r := range res.Replaced {
		fmt.Fprintf(w, "  replaced %s\n", r)
	}
	if res.Published != "" {
		fmt.Fprintf(w, "Published flow %q: it now answers WhatsApp messages.\n", res.Published)
	}
	for _, d := range res.Drafts {
		fmt.Fprintf(w, "Flow %q was saved as a draft: it has errors to fix in the editor.\n", d)
	}
}

// readBundleFile reads path, or stdin for "-", refusing files too large to
// be a bundle before reading them whole.
func readBundleFile(env Env, path string) ([]byte, error) {
	var r io.Reader
	if path == "-" {
		r = env.Stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("open the bundle: %w", err)
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, bundle.MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("read the bundle: %w", err)
	}
	return data, nil
}

// runExport writes every attribute, API and flow as a bundle to stdout or
// --out. Secrets are left out unless --include-secrets.
func runExport(ctx context.Context, env Env, args []string) error {
	fl := newFlags("export", env)
	dbPath := dbFlag(fl)
	secrets := fl.Bool("include-secrets", false, "include API keys, tokens and passwords (keep such a file private)")
	out := fl.String("out", "", "write the bundle to this `file` instead of standard output")
	if err := parseFlags(fl, args, 0); err != nil {
		return err
	}
	st, closeDB, err := openStudio(ctx, env, *dbPath)
	if err != nil {
		return err
	}
	defer closeDB()
	b, err := st.Bundles.Export(ctx, *secrets)
	if err != nil {
		return err
	}
	data, err := bundle.Encode(b)
	if err != nil {
		return err
	}
	if *out == "" {
		_, err := env.Stdout.Write(data)
		return err
	}
	mode := os.FileMode(0o644)
	if *secrets {
		mode = 0o600
	}
	if err := os.WriteFile(*out, data, mode); err != nil {
		return fmt.Errorf("write the bundle: %w", err)
	}
	fmt.Fprintf(env.Stdout, "Exported %d attributes, %d APIs and %d flows to %s.\n", len(b.Attributes), len(b.APIs), len(b.Flows), *out)
	return nil
}

// parseInterspersed parses flags that may come before or after the
// positional arguments (chatflow import FILE --replace) and returns the
// positional ones.
func parseInterspersed(fl *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fl.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		if fl.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fl.Arg(0))
		args = fl.Args()[1:]
	}
}
