package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chatflow/backend/bundle"
)

func TestImportExportCommands(t *testing.T) {
	api := orderAPI(t)
	file := exampleFile(t, api.URL)
	db := filepath.Join(t.TempDir(), "chatflow.db")

	code, stdout, stderr := runCLI(t, "", "import", file, "--db", db)
	if code != 0 || !strings.Contains(stdout, `created  flow "Order status"`) || !strings.Contains(stdout, `Published flow "Order status"`) {
		t.Fatalf("import: exit %d\n%s%s", code, stdout, stderr)
	}
	code, _, stderr = runCLI(t, "", "import", "--db", db, file)
	if code != 1 || stderr != "chatflow: Attribute \"order_id\": already exists; import with replace to overwrite it (and 4 more problems).\n" {
		t.Fatalf("second import: exit %d, stderr %q", code, stderr)
	}
	code, stdout, _ = runCLI(t, "", "import", file, "--replace", "--db", db)
	if code != 0 || !strings.Contains(stdout, "Imported 0 new and 5 replaced items.") {
		t.Fatalf("import --replace: exit %d\n%s", code, stdout)
	}

	code, exported, _ := runCLI(t, "", "export", "--db", db)
	if code != 0 {
		t.Fatalf("export: exit %d", code)
	}
	b, err := bundle.Parse([]byte(exported))
	if err != nil || len(b.Flows) != 1 || !b.Flows[0].Published || b.APIs[0].URL != api.URL+"/orders/{{order_id}}" {
		t.Fatalf("export is not the imported bundle: %v\n%s", err, exported)
	}
	// Importing the export from stdin into another database works too.
	other := filepath.Join(t.TempDir(), "other.db")
	if code, _, stderr := runCLI(t, exported, "import", "-", "--db", other); code != 0 {
		t.Fatalf("import from stdin: exit %d %s", code, stderr)
	}

	out := filepath.Join(t.TempDir(), "bundle.json")
	code, stdout, _ = runCLI(t, "", "export", "--include-secrets", "--out", out, "--db", db)
	info, err := os.Stat(out)
	if code != 0 || err != nil || info.Mode().Perm() != 0o600 || !strings.Contains(stdout, "Exported 3 attributes, 1 APIs and 1 flows") {
		t.Fatalf("export --out: exit %d, %v, %v, %q", code, err, info, stdout)
	}
}

func TestImportCommandErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "chatflow.db")
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte("{\n  \"format\": \"chatflow-bundle\",\n  \"version\": 1,\n  \"flows\": [,]\n}"), 0o644)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no file", []string{"import", "--db", db}, 2, "give exactly one bundle file"},
		{"two files", []string{"import", bad, bad, "--db", db}, 2, "give exactly one bundle file"},
		{"missing file", []string{"import", filepath.Join(dir, "nope.json"), "--db", db}, 1, "open the bundle"},
		{"broken JSON", []string{"import", bad, "--db", db}, 1, "The file is not valid JSON: invalid character ',' looking for beginning of value (line 4)."},
		{"unknown flag", []string{"export", "--secrets", "--db", db}, 2, "flag provided but not defined: -secrets"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, "", tt.args...)
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			if code != tt.code || !strings.Contains(lines[len(lines)-1], tt.stderr) || code == 1 && len(lines) != 1 {
				t.Fatalf("exit %d, stderr %q; want %d ending with %q", code, stderr, tt.code, tt.stderr)
			}
		})
	}
}
