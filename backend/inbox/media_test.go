package inbox_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"chatflow/backend/attribute"
	"chatflow/backend/engine"
	"chatflow/backend/flow"
	"chatflow/backend/inbox"
	"chatflow/backend/media"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
	"chatflow/backend/whatsapp"
	"chatflow/backend/whatsapp/whatsapptest"
)

// pdf is the menu the flow attaches.
const pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

// jpeg is a customer's photo: a JPEG's first bytes and a body.
var jpeg = append([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"), make([]byte, 4000)...)

// newMediaHarness runs the inbox with a real media store and downloader
// over a flow that asks for a photo and repeats what it learnt of it.
func newMediaHarness(t *testing.T, wait time.Duration) (*harness, *media.Library) {
	t.Helper()
	h := &harness{t: t, db: storetest.NewDB(t), graph: whatsapptest.NewGraph(), events: &events{}}
	t.Cleanup(h.graph.Close)
	ctx := context.Background()
	if err := h.db.CreateAttribute(ctx, attribute.Definition{Name: "photo", Type: attribute.Text}); err != nil {
		t.Fatal(err)
	}
	lib := media.NewLibrary(h.db, media.Dir(h.db.Path), nil)
	menu, err := lib.Attach(ctx, strings.NewReader(pdf), "menu.pdf", "document")
	if err != nil {
		t.Fatal(err)
	}
	n := func(id, typ string, d flow.NodeData) flow.Node { return flow.Node{ID: id, Type: typ, Data: d} }
	e := func(src, dst string) flow.Edge {
		return flow.Edge{ID: src, Source: src, SourceHandle: "out", Target: dst}
	}
	f, err := h.db.CreateFlow(ctx, flow.Flow{Name: "Claims", Nodes: []flow.Node{
		n("start", flow.TypeStart, flow.NodeData{}),
		n("ask", flow.TypeQuestion, flow.NodeData{Text: "A photo, please.", Attribute: "photo",
			Validation: flow.ValidateImage, RetryText: "That was not a photo.", MaxRetries: 3}),
		n("saved", flow.TypeMessage, flow.NodeData{Text: "{{photo}}|{{message.media.path}}|{{message.media.mime}}|{{message.media.caption}}"}),
		n("menu", flow.TypeMessage, flow.NodeData{Text: "Our menu", MediaType: "document", MediaFile: menu.Key, MediaName: "menu.pdf"}),
		n("bye", flow.TypeEnd, flow.NodeData{}),
	}, Edges: []flow.Edge{e("start", "ask"), e("ask", "saved"), e("saved", "menu"), e("menu", "bye")}}, store.FlowCheck{Valid: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := h.db.PublishFlow(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	dl := media.NewDownloader(lib, media.DownloaderOptions{
		Config:    func(context.Context) (whatsapp.Config, error) { return h.graph.Config(), nil },
		RetryBase: time.Millisecond, RetryMax: 5 * time.Millisecond, Poll: 50 * time.Millisecond,
	})
	dctx, stop := context.WithCancel(context.Background())
	dl.Start(dctx)
	t.Cleanup(func() { stop(); dl.Wait() })
	eng := engine.New(engine.Deps{Flows: inbox.LiveFlows(h.db), Attributes: h.db.Attributes})
	graph := whatsapp.Client{}
	h.start(eng, func(o *inbox.Options) { o.Media, o.MediaWait, o.Sender = dl, wait, media.NewSender(lib, graph, graph) })
	return h, lib
}

func (h *harness) sendPhoto(from, id, mediaID, mime string) {
	h.post(whatsapptest.MediaBody(whatsapptest.MediaInbound{From: from, Name: "Ana", ID: id, Kind: "image",
		MediaID: mediaID, MimeType: mime, Caption: "the box"}))
}

// A photo's turn waits for its download: the question saves the stored
// path, and message.media.* describe the file. The flow's PDF is uploaded
// once and sent by id to every customer.
func TestMediaTurnSeesTheDownloadedFile(t *testing.T) {
	h, lib := newMediaHarness(t, 10*time.Second)
	const ana = "5511999990001"
	h.post(whatsapptest.Body(whatsapptest.Inbound{From: ana, Name: "Ana", ID: "wamid.1", Text: "hi"}))
	h.received(ana, 1)
	h.sendPhoto(ana, "wamid.2", h.graph.AddMedia("image/jpeg", jpeg), "image/jpeg")
	got := strings.Split(h.received(ana, 2)[1].Text, "|")
	if len(got) != 4 || got[0] != got[1] || !lib.Files().Contains(got[0]) || got[2] != "image/jpeg" || got[3] != "the box" {
		t.Fatalf("the flow saw %q", got)
	}
	if b, err := os.ReadFile(got[0]); err != nil || string(b) != string(jpeg) {
		t.Fatalf("stored file: %v", err)
	}
	sent := h.received(ana, 3)[2]
	ups := h.graph.Uploads()
	if len(ups) != 1 || string(ups[0].Data) != pdf || sent.Type != "document" || sent.MediaID != ups[0].ID || sent.Filename != "menu.pdf" {
		t.Fatalf("the menu went out as %+v after %d uploads", sent, len(ups))
	}
	const bruno = "5511999990002"
	h.post(whatsapptest.Body(whatsapptest.Inbound{From: bruno, Name: "Bruno", ID: "wamid.b1", Text: "hi"}))
	h.received(bruno, 1)
	h.sendPhoto(bruno, "wamid.b2", h.graph.AddMedia("image/jpeg", jpeg), "image/jpeg")
	if sent := h.received(bruno, 3)[2]; sent.MediaID != ups[0].ID || len(h.graph.Uploads()) != 1 {
		t.Fatalf("the second menu went out as %+v after %d uploads, want the first id", sent, len(h.graph.Uploads()))
	}
	// A redelivered webhook queues no second download.
	h.sendPhoto(ana, "wamid.2", "other", "image/jpeg")
	if infos, _ := h.graph.MediaRequests(); infos != 2 {
		t.Fatalf("media info asked %d times, want 2 (one per photo)", infos)
	}
}

// A file refused by the media checks (HTML announced as a JPEG) fails its
// download at once, and the question takes its retry path.
func TestMediaRefusedFileTakesTheRetryPath(t *testing.T) {
	h, _ := newMediaHarness(t, 10*time.Second)
	const ana = "5511999990001"
	h.post(whatsapptest.Body(whatsapptest.Inbound{From: ana, Name: "Ana", ID: "wamid.1", Text: "hi"}))
	h.received(ana, 1)
	h.sendPhoto(ana, "wamid.2", h.graph.AddMedia("image/jpeg", []byte("<html><script>x</script></html>")), "image/jpeg")
	if got := h.received(ana, 2)[1].Text; got != "That was not a photo." {
		t.Fatalf("reply %q, want the retry text", got)
	}
	if p := h.photoDetails(ana, "wamid.2"); !strings.Contains(p, `"state":"failed"`) {
		t.Fatalf("the photo's details: %s", p)
	}
}

// photoDetails is the stored details of the customer message id.
func (h *harness) photoDetails(from, id string) string {
	for _, m := range h.conversation(from) {
		if m.WaMessageID == id {
			return m.Payload
		}
	}
	return ""
}

// A download still failing when the wait ends lets the turn run without
// the file (the retry path); the download goes on and the conversation
// gets the file later.
func TestMediaTurnDoesNotWaitForeverForADownload(t *testing.T) {
	h, _ := newMediaHarness(t, 50*time.Millisecond)
	const ana = "5511999990001"
	h.post(whatsapptest.Body(whatsapptest.Inbound{From: ana, Name: "Ana", ID: "wamid.1", Text: "hi"}))
	h.received(ana, 1)
	fail := make([]whatsapptest.Failure, 40)
	for i := range fail {
		fail[i] = whatsapptest.ServerError
	}
	h.graph.FailMediaInfo(fail...)
	h.sendPhoto(ana, "wamid.2", h.graph.AddMedia("image/jpeg", jpeg), "image/jpeg")
	if got := h.received(ana, 2)[1].Text; got != "That was not a photo." {
		t.Fatalf("reply %q, want the retry text", got)
	}
	waitFor(t, "the photo downloaded after the turn", func() bool {
		return strings.Contains(h.photoDetails(ana, "wamid.2"), `"state":"done"`)
	})
}
