package layers

import (
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// pkg is what `go list` says about one package of the module.
type pkg struct {
	deps    []string // every package it needs, transitively
	imports []string // the packages its own files import
	dir     string
}

// modulePackages lists the module's packages with their imports, in one
// `go list` run (the build tags of the desktop binary included, so the
// window's files are checked too). -e because a fresh clone has no
// frontend/dist yet for the embed pattern, which changes no imports.
func modulePackages(t *testing.T) map[string]pkg {
	t.Helper()
	out, err := exec.Command("go", "list", "-e", "-tags", "desktop,production,webkit2_41,embedui",
		"-f", "{{.ImportPath}}\t{{join .Deps \" \"}}\t{{join .Imports \" \"}}\t{{.Dir}}", "chatflow/...").Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("go list: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("go list: %v", err)
	}
	pkgs := map[string]pkg{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			t.Fatalf("go list line %q", line)
		}
		pkgs[f[0]] = pkg{deps: strings.Fields(f[1]), imports: strings.Fields(f[2]), dir: f[3]}
	}
	if len(pkgs) < 20 {
		t.Fatalf("go list found only %d packages", len(pkgs))
	}
	return pkgs
}

// standard reports whether path is in Go's standard library: no dot in its
// first element, and not this module (whose path, chatflow, has none either).
func standard(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && first != "chatflow" && first != "C"
}

// isTestSupport reports whether a package exists only for tests (fakes,
// fixtures, harnesses), which may link anything.
func isTestSupport(path string) bool {
	last := path[strings.LastIndex(path, "/")+1:]
	return strings.HasSuffix(last, "test") || strings.HasPrefix(path, "chatflow/internal/") ||
		strings.HasPrefix(path, "chatflow/docs/") || strings.Contains(path, "/internal/gen")
}

func matches(path, rule string) bool {
	if prefix, ok := strings.CutSuffix(rule, "/..."); ok {
		return path == prefix || strings.HasPrefix(path, prefix+"/")
	}
	return path == rule
}

// TestLayers checks the dependency graph docs/architecture.md draws: each
// rule names a package (or a tree, with /...) and what it must never
// reach, directly or through another package.
func TestLayers(t *testing.T) {
	pkgs := modulePackages(t)
	product := func(yield func(string) bool) {
		for path := range pkgs {
			if !isTestSupport(path) && !yield(path) {
				return
			}
		}
	}

	rules := []struct {
		pkg, forbidden, why string
		// direct limits the rule to the package's own imports.
		direct bool
	}{
		{"chatflow/backend/...", "chatflow/app", "the backend is not tied to the UI adapter", false},
		{"chatflow/backend/...", "chatflow/cli", "the backend is not tied to the command line", false},
		{"chatflow/backend/...", "github.com/wailsapp/wails/v2/...", "only app/ and cli/ know the desktop window", false},
		{"chatflow/app", "chatflow/cli", "the command line wires app, not the other way round", false},
		{"chatflow/app", "chatflow/backend/store", "bound services call the use cases (backend/studio), never the storage", true},
		{"chatflow/app", "database/sql", "no SQL in the UI adapter", true},
		{"chatflow/backend/store", "chatflow/backend/engine", "the store keeps sessions as opaque JSON (issue 13 point 4)", false},
		{"chatflow/backend/store", "chatflow/backend/inbox", "storage knows no pipeline", false},
		{"chatflow/backend/store", "chatflow/backend/whatsapp", "storage knows no WhatsApp client", false},
		{"chatflow/backend/store", "chatflow/backend/studio/...", "storage knows no use case", false},
		{"chatflow/backend/engine", "chatflow/backend/store", "the engine runs over interfaces the wiring fills", false},
		{"chatflow/backend/engine", "chatflow/backend/studio/...", "the engine knows no use case", false},
		{"chatflow/backend/apicall", "chatflow/backend/store", "an API call is storage-free; its log goes through a sink", false},
		{"chatflow/backend/bundle", "chatflow/backend/store", "the bundle format is pure; studio imports it", false},
		{"chatflow/backend/studio/...", "chatflow/backend/tunnel", "the tunnel is wired by cli/", false},
	}
	for _, r := range rules {
		seen := false
		for path := range product {
			if !matches(path, r.pkg) {
				continue
			}
			seen = true
			deps := pkgs[path].deps
			if r.direct {
				deps = pkgs[path].imports
			}
			for _, d := range deps {
				if matches(d, r.forbidden) {
					t.Errorf("%s depends on %s (direct import: %v): %s", path, d, r.direct, r.why)
				}
			}
		}
		if !seen {
			t.Errorf("no package matches %s; update the rule", r.pkg)
		}
	}

	// The leaves: domain types and error codes import only the standard library.
	for _, leaf := range []string{"chatflow/backend/flow", "chatflow/backend/attribute", "chatflow/backend/apperr"} {
		for _, d := range pkgs[leaf].deps {
			if !standard(d) {
				t.Errorf("%s depends on %s; it may import only the standard library", leaf, d)
			}
		}
	}

	// No product package links the testing helpers or the load tools.
	for path := range product {
		for _, d := range pkgs[path].deps {
			if d == "testing" || d == "net/http/httptest" || (isTestSupport(d) && strings.HasPrefix(d, "chatflow/")) {
				t.Errorf("%s links %s into the product", path, d)
			}
		}
	}

	// main is the process only: it imports cli (and the embedded UI), nothing of the backend.
	for _, d := range pkgs["chatflow"].imports {
		if strings.HasPrefix(d, "chatflow/") && d != "chatflow/cli" && d != "chatflow/frontend" {
			t.Errorf("main imports %s; the process wiring lives in cli/", d)
		}
	}
}

// TestOneFileImportsTheWailsRuntime keeps the desktop runtime behind one
// small wrapper (app/runtime.go), so every other bound service also runs in
// browser mode, where there is no window.
func TestOneFileImportsTheWailsRuntime(t *testing.T) {
	pkgs := modulePackages(t)
	const runtime = "github.com/wailsapp/wails/v2/pkg/runtime"
	var importers []string
	for path, p := range pkgs {
		if !slices.Contains(p.imports, runtime) {
			continue
		}
		files, err := filepath.Glob(filepath.Join(p.dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range files {
			f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				if p, _ := strconv.Unquote(imp.Path.Value); p == runtime {
					importers = append(importers, path+"/"+filepath.Base(name))
				}
			}
		}
	}
	if len(importers) != 1 || importers[0] != "chatflow/app/runtime.go" {
		t.Fatalf("files importing the Wails runtime: %v; want only chatflow/app/runtime.go", importers)
	}
}
