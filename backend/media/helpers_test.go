package media_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"chatflow/backend/media"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
	"chatflow/backend/whatsapp"
	"chatflow/backend/whatsapp/whatsapptest"
)

var bg = context.Background()

// A small but real JPEG head and a PDF, as files of the tests.
var (
	photo = append(bytes.Clone(jpegHead), bytes.Repeat([]byte{0x42}, 3000)...)
	menu  = append(bytes.Clone(pdfHead), []byte("1 0 obj << >> endobj\n%%EOF\n")...)
)

// world is a database with its media library and a fake Graph API.
type world struct {
	t     *testing.T
	db    *store.DB
	lib   *media.Library
	graph *whatsapptest.Graph
	dl    *media.Downloader
	// changes are the messages OnChange reported.
	mu      sync.Mutex
	changes []store.Message
	cancel  context.CancelFunc
}

func newWorld(t *testing.T, mod ...func(*media.DownloaderOptions)) *world {
	t.Helper()
	db := storetest.NewDB(t)
	w := &world{t: t, db: db, lib: media.NewLibrary(db, media.Dir(db.Path), nil), graph: whatsapptest.NewGraph()}
	t.Cleanup(w.graph.Close)
	opt := media.DownloaderOptions{
		Config:    func(context.Context) (whatsapp.Config, error) { return w.graph.Config(), nil },
		OnChange:  func(m store.Message) { w.mu.Lock(); w.changes = append(w.changes, m); w.mu.Unlock() },
		RetryBase: time.Millisecond,
		RetryMax:  5 * time.Millisecond,
		Poll:      50 * time.Millisecond,
	}
	for _, m := range mod {
		m(&opt)
	}
	w.dl = media.NewDownloader(w.lib, opt)
	return w
}

func (w *world) start() {
	ctx, cancel := context.WithCancel(bg)
	w.cancel = cancel
	w.dl.Start(ctx)
	w.t.Cleanup(func() { cancel(); w.dl.Wait() })
}

// receive stores an inbound media message (as Accept does) and queues its
// download; it returns the message id.
func (w *world) receive(kind, mediaID, mimeType, filename string) int64 {
	w.t.Helper()
	return w.receiveFrom("16505551234", kind, mediaID, mimeType, filename)
}

// receiveFrom is receive from the customer with that phone number.
func (w *world) receiveFrom(phone, kind, mediaID, mimeType, filename string) int64 {
	w.t.Helper()
	var id int64
	err := w.db.Tx(bg, func(tx *sql.Tx) error {
		c, err := w.db.ResolveContactTx(bg, tx, phone, "", "Customer "+phone)
		if err != nil {
			return err
		}
		details, _ := json.Marshal(map[string]any{"media": map[string]string{"id": mediaID, "mimeType": mimeType}})
		m, err := store.InsertMessageTx(bg, tx, store.Message{ContactID: c.ID, Direction: store.DirectionIn, Type: kind,
			Text: "[" + kind + "]", Payload: string(details), Status: store.MessageReceived, Source: store.SourceCustomer})
		if err != nil {
			return err
		}
		id = m.ID
		return store.InsertMediaDownloadTx(bg, tx, store.MediaDownload{MessageID: m.ID, ContactID: c.ID, WaMediaID: mediaID,
			Kind: kind, DeclaredMime: mimeType, Filename: filename})
	})
	if err != nil {
		w.t.Fatal(err)
	}
	w.dl.Kick()
	return id
}

// await waits for a message's download to end (or fails the test).
func (w *world) await(messageID int64) media.Result {
	w.t.Helper()
	res := w.dl.Await(bg, messageID, 10*time.Second)
	if res.State == store.MediaPending {
		w.t.Fatalf("download of message %d still pending: %+v", messageID, res)
	}
	return res
}

// file reads the details the inbox shows for a message's file.
func (w *world) file(messageID int64) media.FileDetails {
	w.t.Helper()
	var payload string
	if err := w.db.R.QueryRowContext(bg, `SELECT payload FROM messages WHERE id = ?`, messageID).Scan(&payload); err != nil {
		w.t.Fatal(err)
	}
	var d struct {
		File media.FileDetails `json:"file"`
	}
	if err := json.Unmarshal([]byte(payload), &d); err != nil {
		w.t.Fatal(err)
	}
	return d.File
}

func b64sum(b []byte) string {
	s := sha256.Sum256(b)
	return base64.StdEncoding.EncodeToString(s[:])
}
