package studio

import (
	"context"
	"strings"
	"testing"
	"time"

	"chatflow/backend/apperr"
	"chatflow/backend/bundle"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

// withAttachedFile makes the example's first message node send the file
// stored under key.
func withAttachedFile(t *testing.T, key string, published bool) bundle.Bundle {
	t.Helper()
	b, err := bundle.Parse(readExample(t))
	if err != nil {
		t.Fatal(err)
	}
	b.Flows[0].Published = published
	for i, n := range b.Flows[0].Nodes {
		if n.Type == "message" {
			d := &b.Flows[0].Nodes[i].Data
			d.MediaFile, d.MediaName, d.MediaType = key, "menu.pdf", "document"
			return b
		}
	}
	t.Fatal("the example has no message node")
	return b
}

// A bundle carries a file's key, not the file: imported on a computer that
// does not have the file, its flow cannot go live and stays a draft whose
// problem says so, instead of failing when a customer reaches the node.
func TestImportNamesAttachedFilesMissingHere(t *testing.T) {
	ctx := context.Background()
	key := strings.Repeat("ab", 32)

	db := storetest.NewDB(t)
	_, err := importBundle(ctx, db, withAttachedFile(t, key, true), false)
	if apperr.ErrorCode(err) != apperr.EINVALID || !strings.Contains(apperr.ErrorMessage(err), "not on this computer") {
		t.Fatalf("publishing a flow whose file is missing: %v", err)
	}
	res, err := importBundle(ctx, db, withAttachedFile(t, key, false), false)
	if err != nil || len(res.Drafts) != 1 || res.Drafts[0] != "Order status" {
		t.Fatalf("imported as a draft: %+v %v", res, err)
	}

	stored := storetest.NewDB(t)
	if err := stored.PutMediaFile(ctx, store.MediaFile{SHA256: key, Name: key + ".pdf", Mime: "application/pdf", Size: 4, TouchedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	res, err = importBundle(ctx, stored, withAttachedFile(t, key, true), false)
	if err != nil || len(res.Drafts) != 0 || res.Published != "Order status" {
		t.Fatalf("with the file stored here: %+v %v", res, err)
	}
}
