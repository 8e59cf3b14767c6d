package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGeneratedFilesAreCurrent fails while a generated file on disk differs
// from what the node type definitions give, so a change to backend/flow
// cannot land without `go generate ./...`.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	files, err := render()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		disk, err := os.ReadFile(filepath.Join(root, f.path))
		if err != nil {
			t.Fatalf("%v; run go generate ./...", err)
		}
		if string(disk) != string(f.content) {
			t.Errorf("%s is stale: run go generate ./... and commit the result", f.path)
		}
	}
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		`plain`:           `'plain'`,
		`it's "x" \ y`:    `'it\'s "x" \\ y'`,
		"line\nbreak\x01": `'line\nbreak\u0001'`,
	} {
		if got := quote(in); got != want {
			t.Errorf("quote(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestWriteWrapsLongValues(t *testing.T) {
	short := object{{"a", 1}, {"b", list{"x", "y"}}}
	if got := write(short, 0, ""); got != "{ a: 1, b: ['x', 'y'] }" {
		t.Fatalf("short value: %s", got)
	}
	long := object{{"text", strings.Repeat("w", 130)}, {"n", 2}}
	want := "{\n  text: '" + strings.Repeat("w", 130) + "',\n  n: 2,\n}"
	if got := write(long, 0, ""); got != want {
		t.Fatalf("long value:\n%s", got)
	}
	if got := write(thunk{object{{"a", 1}}}, 0, ""); got != "() => ({ a: 1 })" {
		t.Fatalf("thunk: %s", got)
	}
}
