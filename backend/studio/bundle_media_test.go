package studio

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strings"
	"testing"
	"time"

	"chatflow/backend/apperr"
	"chatflow/backend/bundle"
	"chatflow/backend/media"
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

// newMediaStudio is a studio over a fresh database with a media folder.
func newMediaStudio(t *testing.T) (*Studio, *store.DB, *media.Library) {
	t.Helper()
	db := storetest.NewDB(t)
	lib := media.NewLibrary(db, t.TempDir(), nil)
	return New(Deps{DB: db, Media: lib}), db, lib
}

// A bundle carries the files attached to its message nodes: exported from
// one computer and imported on another, the flow goes live with its menu,
// byte for byte.
func TestBundlesCarryAttachedFiles(t *testing.T) {
	ctx := context.Background()
	menu := append([]byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), bytes.Repeat([]byte("spring menu "), 500)...)

	from, _, fromLib := newMediaStudio(t)
	att, err := fromLib.Attach(ctx, bytes.NewReader(menu), "menu.pdf", "document")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := from.Bundles.Import(ctx, withAttachedFile(t, att.Key, true), false); err != nil {
		t.Fatal(err)
	}
	data, err := from.Bundles.ExportFile(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	b, err := bundle.Parse(data)
	if err != nil || len(b.Files) != 1 || b.Files[0].Key != att.Key || b.Files[0].Mime != "application/pdf" {
		t.Fatalf("exported files: %+v %v", b.Files, err)
	}

	to, toDB, toLib := newMediaStudio(t)
	res, err := to.Bundles.ImportFile(ctx, data, false)
	if err != nil || res.Published != "Order status" || len(res.Drafts) != 0 {
		t.Fatalf("import elsewhere: %+v %v", res, err)
	}
	_, path, err := toLib.Lookup(ctx, att.Key)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, menu) {
		t.Fatalf("the imported file differs (%d bytes)", len(got))
	}
	if _, err := toDB.PublishedFlow(ctx); err != nil {
		t.Fatal(err)
	}

	// A file whose content does not match its key, or that WhatsApp could
	// not send, is refused before anything is written.
	tampered := b
	tampered.Files = []bundle.File{{Key: att.Key, Mime: "application/pdf", Data: append(menu, '!')}}
	other, otherDB, _ := newMediaStudio(t)
	if _, err := other.Bundles.Import(ctx, tampered, false); apperr.ErrorCode(err) != apperr.EINVALID || !strings.Contains(apperr.ErrorMessage(err), "does not match its key") {
		t.Fatalf("a tampered file: %v", err)
	}
	script := []byte("<html><script>alert(1)</script></html>")
	sum := sha256.Sum256(script)
	bad := withAttachedFile(t, hex.EncodeToString(sum[:]), false)
	bad.Files = []bundle.File{{Key: hex.EncodeToString(sum[:]), Mime: "application/pdf", Data: script}}
	if _, err := other.Bundles.Import(ctx, bad, false); apperr.ErrorCode(err) != apperr.EINVALID || !strings.Contains(apperr.ErrorMessage(err), "was refused") {
		t.Fatalf("a file WhatsApp cannot send: %v", err)
	}
	if flows, _ := otherDB.Flows(ctx); len(flows) != 0 {
		t.Fatalf("a refused bundle wrote flows: %+v", flows)
	}
}
