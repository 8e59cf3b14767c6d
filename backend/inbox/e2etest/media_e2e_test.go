package e2etest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chatflow/backend/attribute"
	"chatflow/backend/flow"
	"chatflow/backend/media"
	"chatflow/backend/store"
	"chatflow/backend/whatsapp/whatsapptest"
)

// receipt is a customer's photo: a JPEG's first bytes and a body.
var receipt = append([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"), bytes.Repeat([]byte{0x7f}, 20000)...)

// menuPDF is the file the flow attaches.
var menuPDF = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")

// prepareClaims publishes a flow that asks for a photo of the receipt,
// answers with where it is stored ({{receipt}}, the question's answer, and
// {{message.media.path}} must agree), and sends the menu, a PDF attached
// from this computer, by media id.
func (w *world) prepareClaims() {
	w.t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, w.dbPath)
	if err != nil {
		w.t.Fatal(err)
	}
	defer db.Close()
	if err := db.CreateAttribute(ctx, attribute.Definition{Name: "receipt", Type: attribute.Text}); err != nil {
		w.t.Fatal(err)
	}
	a, err := media.NewLibrary(db, media.Dir(w.dbPath), nil).Attach(ctx, bytes.NewReader(menuPDF), "menu.pdf", "document")
	if err != nil {
		w.t.Fatal(err)
	}
	n := func(id, typ string, d flow.NodeData) flow.Node { return flow.Node{ID: id, Type: typ, Data: d} }
	e := func(src, handle, dst string) flow.Edge {
		return flow.Edge{ID: src + "-" + handle, Source: src, SourceHandle: handle, Target: dst}
	}
	f, err := db.CreateFlow(ctx, flow.Flow{Name: "Claims", Nodes: []flow.Node{
		n("start", flow.TypeStart, flow.NodeData{}),
		n("ask", flow.TypeQuestion, flow.NodeData{Text: "Please send a photo of the receipt.", Attribute: "receipt",
			Validation: flow.ValidateImage, RetryText: "That was not a photo; please send one.", MaxRetries: 2}),
		n("saved", flow.TypeMessage, flow.NodeData{Text: "Saved: {{receipt}} | {{message.media.path}} | {{message.media.mime}} | {{message.media.caption}}"}),
		n("menu", flow.TypeMessage, flow.NodeData{Text: "Our spring menu", MediaType: "document", MediaFile: a.Key, MediaName: "menu.pdf"}),
		n("bye", flow.TypeEnd, flow.NodeData{}),
	}, Edges: []flow.Edge{e("start", "out", "ask"), e("ask", "out", "saved"), e("saved", "out", "menu"), e("menu", "out", "bye")}},
		store.FlowCheck{Valid: true})
	if err != nil {
		w.t.Fatal(err)
	}
	if err := db.PublishFlow(ctx, f.ID); err != nil {
		w.t.Fatal(err)
	}
}

// sendPhoto plays a customer who says hi and sends the receipt's photo;
// it returns the stored path the bot reported.
func (w *world) sendPhoto(phone, name string) string {
	w.t.Helper()
	w.deliver(whatsapptest.Body(whatsapptest.Inbound{From: phone, Name: name, ID: "wamid." + phone + ".hi", Text: "hi"}))
	if !w.waitReplies(phone, 1) {
		w.t.Fatalf("%s: no question; got %v", phone, w.got(phone))
	}
	sum := sha256.Sum256(receipt)
	w.deliver(whatsapptest.MediaBody(whatsapptest.MediaInbound{From: phone, Name: name, ID: "wamid." + phone + ".photo",
		Kind: "image", MediaID: w.graph.AddMedia("image/jpeg", receipt), MimeType: "image/jpeg",
		SHA256: base64.StdEncoding.EncodeToString(sum[:]), Caption: "my receipt"}))
	if !w.waitReplies(phone, 3) {
		w.t.Fatalf("%s: waited in vain for the answer to the photo; got %v", phone, w.got(phone))
	}
	got := w.graph.AcceptedTo(phone)
	saved := strings.Split(strings.TrimPrefix(got[1].Text, "Saved: "), " | ")
	if len(saved) != 4 || saved[0] != saved[1] || saved[2] != "image/jpeg" || saved[3] != "my receipt" {
		w.t.Fatalf("%s: the flow saw %q", phone, got[1].Text)
	}
	return saved[0]
}

// An inbound photo is downloaded into the media folder, its path reaches
// the flow, the UI (and only the UI) serves it; the PDF the flow attaches
// is uploaded once and sent by id to every customer; all of it survives a
// kill -9 and a restart, a download cut off by the kill included.
func TestMediaInAndOut(t *testing.T) {
	w := newWorld(t)
	w.prepareClaims()
	w.start()

	path := w.sendPhoto("5511999990001", "Ana")
	if !strings.HasPrefix(path, media.Dir(w.dbPath)+string(filepath.Separator)) || !strings.HasSuffix(path, ".jpg") {
		t.Fatalf("the photo is stored at %s, not in the media folder", path)
	}
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, receipt) {
		t.Fatalf("stored photo: %v", err)
	}
	ups := w.graph.Uploads()
	if len(ups) != 1 || !bytes.Equal(ups[0].Data, menuPDF) || ups[0].MimeType != "application/pdf" {
		t.Fatalf("uploads: %d", len(ups))
	}
	menu := w.graph.AcceptedTo("5511999990001")[2]
	if menu.Type != "document" || menu.MediaID != ups[0].ID || menu.Filename != "menu.pdf" || menu.Text != "Our spring menu" {
		t.Fatalf("the menu went out as %+v, want document %s", menu, ups[0].ID)
	}
	w.sendPhoto("5511999990002", "Bruno")
	if n := len(w.graph.Uploads()); n != 1 {
		t.Fatalf("the second customer's menu made %d uploads in all, want 1", n)
	}

	// The browser-mode UI serves the file behind its token; the webhook
	// listener does not serve it at all.
	key := strings.TrimSuffix(filepath.Base(path), ".jpg")
	w.wantFile(w.uiURL+"/media/"+key+"?token=e2e", http.StatusOK, receipt)
	w.wantFile(w.uiURL+"/media/"+key, http.StatusUnauthorized, nil)
	w.wantFile("http://"+w.addr+"/media/"+key, http.StatusNotFound, nil)

	// A photo whose download is failing when the process is killed is
	// fetched after the restart, and its turn runs with it.
	carl := "5511999990003"
	w.deliver(whatsapptest.Body(whatsapptest.Inbound{From: carl, Name: "Carl", ID: "wamid.carl.hi", Text: "hi"}))
	if !w.waitReplies(carl, 1) {
		t.Fatalf("carl: no question")
	}
	w.graph.FailMediaInfo(whatsapptest.ServerError, whatsapptest.ServerError, whatsapptest.ServerError)
	photoID := w.graph.AddMedia("image/jpeg", receipt)
	w.deliver(whatsapptest.MediaBody(whatsapptest.MediaInbound{From: carl, Name: "Carl", ID: "wamid.carl.photo",
		Kind: "image", MediaID: photoID, MimeType: "image/jpeg", Caption: "my receipt"}))
	deadline := time.Now().Add(30 * time.Second)
	for infos, _ := w.graph.MediaRequests(); infos < 3 && time.Now().Before(deadline); infos, _ = w.graph.MediaRequests() {
		time.Sleep(20 * time.Millisecond)
	}
	w.kill()
	w.start()
	if !w.waitReplies(carl, 3) {
		t.Fatalf("carl: no answer to the photo after the restart; got %v", w.got(carl))
	}
	got := w.graph.AcceptedTo(carl)
	if !strings.HasPrefix(got[1].Text, "Saved: "+media.Dir(w.dbPath)) {
		t.Fatalf("carl: the flow saw %q", got[1].Text)
	}
	if n := len(w.graph.Uploads()); n != 1 {
		t.Fatalf("after the restart the menu was uploaded again: %d uploads", n)
	}
	w.wantFile(w.uiURL+"/media/"+key+"?token=e2e", http.StatusOK, receipt)
}

// wantFile fetches url and checks the status and, for a 200, the bytes.
func (w *world) wantFile(url string, status int, body []byte) {
	w.t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		w.t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	got, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != status || (body != nil && !bytes.Equal(got, body)) {
		w.t.Fatalf("GET %s: %d (%d bytes), want %d", url, resp.StatusCode, len(got), status)
	}
}
