// Command gen writes the editor's node type specs from backend/flow's node
// type definitions, so the frontend never copies them by hand:
//
//   - frontend/src/flow/nodes/catalogue.gen.ts: node types, data shapes,
//     labels, defaults, output rules, vocabularies and limits;
//   - frontend/src/flow/nodes/outputCases.gen.ts: the outputs Go computes for
//     sample nodes, which the editor's unit test checks it computes the same.
//
// It runs from `go generate ./...` (the directive is in backend/flow); a test
// in this package fails while the files on disk differ from what it writes.
package main

import (
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run() error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	files, err := render()
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(root, f.path), f.content, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", f.path, err)
		}
	}
	return nil
}

// moduleRoot returns the directory of the repository's go.mod, searched from
// the working directory up (go generate and go test run in the package).
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}
