package media_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chatflow/backend/flow"
	"chatflow/backend/media"
	"chatflow/backend/store"
)

func TestAttach(t *testing.T) {
	w := newWorld(t)
	a, err := w.lib.Attach(bg, bytes.NewReader(menu), `C:\Users\ana\Menu "spring".pdf`, "document")
	if err != nil {
		t.Fatal(err)
	}
	if a.Kind != "document" || a.Mime != "application/pdf" || a.Size != int64(len(menu)) || a.Name != `Menu "spring".pdf` || !media.ValidKey(a.Key) {
		t.Fatalf("attachment = %+v", a)
	}
	f, path, err := w.lib.Lookup(bg, a.Key)
	if err != nil || f.Mime != "application/pdf" || filepath.Base(path) != a.Key+".pdf" {
		t.Fatalf("Lookup = %+v %s %v", f, path, err)
	}
	// The kind may be left to the file.
	if a, err := w.lib.Attach(bg, bytes.NewReader(photo), "shop.jpeg", ""); err != nil || a.Kind != "image" || a.Mime != "image/jpeg" {
		t.Fatalf("guessed kind: %+v %v", a, err)
	}
	for _, tt := range []struct {
		data       []byte
		name, kind string
		want       string
	}{
		{menu, "menu.pdf", "image", "the file menu.pdf is not one WhatsApp can send as a photo (it allows JPG, PNG)"},
		{htmlHead, "page.pdf", "document", "the file page.pdf is not one WhatsApp can send as a document"},
		{append(bytes.Clone(jpegHead), make([]byte, 5<<20)...), "big.jpg", "image", "larger than the 5 MB WhatsApp allows for a photo"},
		{photo, "x.jpg", "sticker", "not one WhatsApp can send as a sticker"},
		{photo, "x.jpg", "spreadsheet", `"spreadsheet" is not a kind of media`},
	} {
		if _, err := w.lib.Attach(bg, bytes.NewReader(tt.data), tt.name, tt.kind); !errors.Is(err, media.ErrRefused) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Attach(%s as %s) = %v, want %q", tt.name, tt.kind, err, tt.want)
		}
	}
	if n, _, _ := w.db.MediaUsage(bg); n != 2 {
		t.Fatalf("%d files stored, want 2", n)
	}
}

func TestLookupRefusesWhatIsNotAKey(t *testing.T) {
	w := newWorld(t)
	for _, key := range []string{"", "../chatflow.db", strings.Repeat("A", 64), strings.Repeat("a", 63) + "/"} {
		if _, _, err := w.lib.Lookup(bg, key); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Lookup(%q) = %v", key, err)
		}
	}
	if w.lib.Files().Contains(w.db.Path) || w.lib.Files().Contains(filepath.Join(media.Dir(w.db.Path), "tmp", "x.part")) {
		t.Fatal("Contains admits a file that is not a stored one")
	}
}

// The sweep removes what nothing refers to once the grace is over, and
// keeps files a download, a sent message or a flow (draft or live) names.
func TestSweep(t *testing.T) {
	w := newWorld(t)
	now := time.Now()
	w.lib.SetClock(func() time.Time { return now })
	w.start()
	// A customer's photo, a PDF attached to a flow, a PDF only a sent
	// message names, and a file nothing names.
	inbound := w.receive("image", w.graph.AddMedia("image/jpeg", photo), "image/jpeg", "")
	res := w.await(inbound)
	pdf, _ := w.lib.Attach(bg, bytes.NewReader(menu), "menu.pdf", "document")
	sent, _ := w.lib.Attach(bg, bytes.NewReader(append(bytes.Clone(pdfHead), "invoice"...)), "invoice.pdf", "document")
	loose, _ := w.lib.Attach(bg, strings.NewReader("just some notes\n"), "notes.txt", "document")
	_, err := w.db.CreateFlow(bg, flow.Flow{Name: "Menu", Nodes: []flow.Node{{ID: "m", Type: "message",
		Data: flow.NodeData{MediaType: "document", MediaFile: pdf.Key, MediaName: "menu.pdf"}}}}, store.FlowCheck{})
	if err != nil {
		t.Fatal(err)
	}
	row, _ := w.db.MediaDownload(bg, inbound)
	if _, err := w.db.W.ExecContext(bg, `INSERT INTO messages(contact_id, direction, type, text, payload, status, source, created_at, updated_at)
		VALUES(?, 'out', 'media', '', ?, 'sent', 'bot', 0, 0)`, row.ContactID, `{"kind":"media","mediaFile":"`+sent.Key+`"}`); err != nil {
		t.Fatal(err)
	}

	// Within the grace nothing goes.
	if r, err := w.lib.Sweep(bg); err != nil || r.Files != 0 {
		t.Fatalf("sweep within the grace: %+v %v", r, err)
	}
	now = now.Add(media.SweepGrace + time.Minute)
	r, err := w.lib.Sweep(bg)
	if err != nil || r.Files != 1 || r.Bytes != int64(len("just some notes\n")) {
		t.Fatalf("sweep: %+v %v", r, err)
	}
	if _, _, err := w.lib.Lookup(bg, loose.Key); !errors.Is(err, store.ErrNotFound) {
		t.Fatal("the unreferenced file is still listed")
	}
	for _, key := range []string{pdf.Key, sent.Key} {
		if _, p, err := w.lib.Lookup(bg, key); err != nil || !exists(p) {
			t.Fatalf("referenced file %s gone: %v", key, err)
		}
	}

	// Deleting the conversation frees the photo (and the sent PDF).
	if err := w.db.DeleteContact(bg, row.ContactID); err != nil {
		t.Fatal(err)
	}
	if r, err := w.lib.Sweep(bg); err != nil || r.Files != 2 || exists(res.Path) {
		t.Fatalf("sweep after deleting the conversation: %+v %v (photo still there: %v)", r, err, exists(res.Path))
	}
	if _, p, err := w.lib.Lookup(bg, pdf.Key); err != nil || !exists(p) {
		t.Fatal("the flow's attachment went with the conversation")
	}

	// A file on disk no row describes (a crash between the two) goes too.
	orphan := filepath.Join(media.Dir(w.db.Path), "ab", "ab"+strings.Repeat("0", 62)+".jpg")
	os.MkdirAll(filepath.Dir(orphan), 0o700)
	os.WriteFile(orphan, photo, 0o600)
	old := now.Add(-2 * media.SweepGrace)
	os.Chtimes(orphan, old, old)
	if r, _ := w.lib.Sweep(bg); r.Files != 1 || exists(orphan) {
		t.Fatalf("orphan file kept: %+v", r)
	}
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
