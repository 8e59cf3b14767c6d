package studio

import (
	"context"
	"os"
	"strings"
	"testing"

	"chatflow/backend/bundle"
	"chatflow/backend/store/storetest"
)

// TestDocumentedBundleImports keeps the full example of docs/bundle.md
// honest: it must parse, pass the checks and import.
func TestDocumentedBundleImports(t *testing.T) {
	doc, err := os.ReadFile("../../docs/bundle.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "## The whole format\n\n```json\n")
	if !ok {
		t.Fatal("docs/bundle.md lost its full example")
	}
	example, _, _ := strings.Cut(rest, "```")
	b, err := bundle.Parse([]byte(example))
	if err != nil {
		t.Fatal(err)
	}
	db := storetest.NewDB(t)
	res, err := importBundle(context.Background(), db, b, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Published != "Support" || len(res.Drafts) != 0 || len(res.Created) != 10 {
		t.Fatalf("result %+v", res)
	}
}
