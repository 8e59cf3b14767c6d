package media_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"chatflow/backend/media"
	"chatflow/backend/store"
	"chatflow/backend/whatsapp"
	"chatflow/backend/whatsapp/whatsapptest"
)

func TestDownloadStoresTheFile(t *testing.T) {
	w := newWorld(t)
	w.start()
	id := w.receive("image", w.graph.AddMedia("image/jpeg", photo), "image/jpeg", "")
	res := w.await(id)
	if res.State != store.MediaDone || res.Mime != "image/jpeg" {
		t.Fatalf("result = %+v", res)
	}
	got, err := os.ReadFile(res.Path)
	if err != nil || !bytes.Equal(got, photo) {
		t.Fatalf("stored file: %v", err)
	}
	if !w.lib.Files().Contains(res.Path) || !strings.HasSuffix(res.Path, ".jpg") || !strings.HasPrefix(res.Path, media.Dir(w.db.Path)) {
		t.Fatalf("path %s is not a stored name in the media folder", res.Path)
	}
	f := w.file(id)
	if f.State != "done" || f.Name != "photo.jpg" || f.Size != int64(len(photo)) || f.Mime != "image/jpeg" || len(f.Key) != 64 {
		t.Fatalf("details = %+v", f)
	}
	if len(w.changes) != 1 || w.changes[0].ID != id {
		t.Fatalf("OnChange got %v", w.changes)
	}

	// The same photo again is stored once.
	id2 := w.receive("image", w.graph.AddMedia("image/jpeg", photo), "image/jpeg", "")
	if again := w.await(id2); again.Path != res.Path {
		t.Fatalf("same content stored at %s and %s", res.Path, again.Path)
	}
}

// Expired addresses, server errors and a cut connection are retried, each
// try with a fresh address; the file arrives.
func TestDownloadRetries(t *testing.T) {
	w := newWorld(t)
	mediaID := w.graph.AddMedia("application/pdf", menu)
	w.graph.FailMediaInfo(whatsapptest.ServerError, whatsapptest.Throttled)
	w.graph.FailDownload(whatsapptest.Failure{Status: 404, Body: ""}, whatsapptest.ServerError)
	w.start()
	id := w.receive("document", mediaID, "application/pdf", "menu-2026.pdf")
	if res := w.await(id); res.State != store.MediaDone {
		t.Fatalf("result = %+v", res)
	}
	infos, downloads := w.graph.MediaRequests()
	if infos != 5 || downloads != 3 {
		t.Fatalf("info requests %d, downloads %d; want 5 and 3 (a fresh address per try)", infos, downloads)
	}
	f := w.file(id)
	if f.Name != "menu-2026.pdf" || f.State != "done" || f.Error != "" {
		t.Fatalf("details = %+v", f)
	}
	var retrying bool
	for _, m := range w.changes {
		retrying = retrying || strings.Contains(m.Payload, `"state":"pending"`)
	}
	if !retrying {
		t.Fatal("no retry was shown in the message's details")
	}
}

func TestDownloadRefusals(t *testing.T) {
	tests := []struct {
		name string
		file whatsapptest.MediaFile
		kind string
		// declared is what the webhook said.
		declared, declaredSHA string
		want                  string
	}{
		{name: "announced too large", kind: "image", file: whatsapptest.MediaFile{MimeType: "image/jpeg", Data: photo, FileSize: "6000000"},
			want: "more than the 5 MB WhatsApp allows for a photo"},
		{name: "larger than announced and than allowed", kind: "sticker",
			file: whatsapptest.MediaFile{MimeType: "image/webp", Data: append(bytes.Clone(webpHead), make([]byte, 600<<10)...), FileSize: "10"},
			want: "larger than the 500 KB WhatsApp allows for a sticker"},
		{name: "a type the kind never allows", kind: "document", file: whatsapptest.MediaFile{MimeType: "application/zip", Data: zipHead},
			want: "application/zip files are not accepted as a document"},
		{name: "bytes that are not what Meta said", kind: "image", file: whatsapptest.MediaFile{MimeType: "image/jpeg", Data: htmlHead},
			want: "announced as image/jpeg but its content is a web page"},
		{name: "a PDF that is really a program", kind: "document", file: whatsapptest.MediaFile{MimeType: "application/pdf", Data: []byte("MZ\x90\x00\x03")},
			want: "its content is of an unknown type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			w.start()
			id := w.receive(tt.kind, w.graph.AddMediaFile(tt.file), tt.file.MimeType, "")
			res := w.await(id)
			if res.State != store.MediaFailed || !strings.Contains(res.Error, tt.want) {
				t.Fatalf("result = %+v, want failed with %q", res, tt.want)
			}
			if f := w.file(id); f.State != "failed" || f.Error != res.Error || f.Key != "" {
				t.Fatalf("details = %+v", f)
			}
			if _, downloads := w.graph.MediaRequests(); downloads > 1 {
				t.Fatalf("a refused file was downloaded %d times", downloads)
			}
			if n, _, _ := w.db.MediaUsage(bg); n != 0 {
				t.Fatalf("%d refused files kept", n)
			}
		})
	}
}

// A download whose bytes do not match the announced checksum is tried
// again; a permanent answer from the Graph API ends it at once.
func TestDownloadChecksumAndPermanentFailures(t *testing.T) {
	w := newWorld(t, func(o *media.DownloaderOptions) { o.MaxAttempts = 3 })
	w.start()
	bad := w.receive("image", w.graph.AddMediaFile(whatsapptest.MediaFile{MimeType: "image/jpeg", Data: photo,
		SHA256: b64sum([]byte("something else"))}), "image/jpeg", "")
	res := w.await(bad)
	if res.State != store.MediaFailed || !strings.Contains(res.Error, "does not match the checksum") {
		t.Fatalf("checksum: %+v", res)
	}
	if _, downloads := w.graph.MediaRequests(); downloads != 3 {
		t.Fatalf("downloads = %d, want 3 tries", downloads)
	}
	gone := w.receive("image", "998877", "image/jpeg", "")
	if res := w.await(gone); res.State != store.MediaFailed || !strings.Contains(res.Error, "does not exist") {
		t.Fatalf("unknown media id: %+v", res)
	}
}

// Without an access token the download waits (not counted as a try) and
// runs once the settings are there.
func TestDownloadWaitsForSettings(t *testing.T) {
	var configured atomic.Bool
	w := newWorld(t)
	w.dl = media.NewDownloader(w.lib, media.DownloaderOptions{
		Config: func(context.Context) (whatsapp.Config, error) {
			if !configured.Load() {
				return whatsapp.Config{}, nil
			}
			return w.graph.Config(), nil
		},
		RetryBase: time.Millisecond, Poll: 20 * time.Millisecond,
	})
	w.start()
	id := w.receive("image", w.graph.AddMedia("image/jpeg", photo), "image/jpeg", "")
	if res := w.dl.Await(bg, id, 100*time.Millisecond); res.State != store.MediaPending {
		t.Fatalf("without settings: %+v", res)
	}
	// The try that finds no settings may come after the wait on a busy
	// machine: wait for its note rather than a fixed time.
	f := w.file(id)
	for deadline := time.Now().Add(10 * time.Second); f.State == "" && time.Now().Before(deadline); f = w.file(id) {
		time.Sleep(10 * time.Millisecond)
	}
	if f.State != "pending" || !strings.Contains(f.Error, "waiting for the WhatsApp settings") || f.Attempts != 0 {
		t.Fatalf("details = %+v", f)
	}
	row, _ := w.db.MediaDownload(bg, id)
	configured.Store(true)
	// The next try is a minute away; a restart (or Kick after the settings
	// are saved) does not wait for it, because the row is due at once.
	if _, err := w.db.W.ExecContext(bg, `UPDATE media_downloads SET next_attempt_at = 0 WHERE message_id = ?`, row.MessageID); err != nil {
		t.Fatal(err)
	}
	w.dl.Kick()
	if res := w.await(id); res.State != store.MediaDone {
		t.Fatalf("after settings: %+v", res)
	}
}

// A download left pending by a stop is finished by the next start.
func TestDownloadResumesAfterRestart(t *testing.T) {
	w := newWorld(t)
	id := w.receive("audio", w.graph.AddMedia("audio/ogg; codecs=opus", oggHead), "audio/ogg; codecs=opus", "")
	if res := w.dl.Await(bg, id, 20*time.Millisecond); res.State != store.MediaPending {
		t.Fatalf("before start: %+v", res)
	}
	w.start()
	if res := w.await(id); res.State != store.MediaDone || res.Mime != "audio/ogg" || !strings.HasSuffix(res.Path, ".ogg") {
		t.Fatalf("after start: %+v", res)
	}
}

// The download of a message whose conversation was deleted meanwhile ends
// quietly, and the sweep takes the file.
func TestDownloadOfADeletedConversation(t *testing.T) {
	w := newWorld(t)
	id := w.receive("image", w.graph.AddMedia("image/jpeg", photo), "image/jpeg", "")
	row, _ := w.db.MediaDownload(bg, id)
	if err := w.db.DeleteContact(bg, row.ContactID); err != nil {
		t.Fatal(err)
	}
	w.start()
	if res := w.dl.Await(bg, id, 50*time.Millisecond); res.State != store.MediaFailed {
		t.Fatalf("result = %+v", res)
	}
}
