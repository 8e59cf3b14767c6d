package media_test

import (
	"bytes"
	"errors"
	"os"
	"sync"
	"testing"
	"time"

	"chatflow/backend/media"
	"chatflow/backend/whatsapp"
	"chatflow/backend/whatsapp/whatsapptest"
)

func pdfMessage(key string) whatsapp.Outgoing {
	return whatsapp.Outgoing{Kind: "media", To: "16505551234", MediaType: "document", MediaFile: key, Filename: "menu.pdf", Text: "Our menu"}
}

// A stored file is uploaded once and then sent by id, to many customers,
// until the id is 29 days old; then it is uploaded again.
func TestSenderUploadsOnceAndReuploadsAfter29Days(t *testing.T) {
	w := newWorld(t)
	a, err := w.lib.Attach(bg, bytes.NewReader(menu), "menu.pdf", "document")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	s := media.NewSender(w.lib, whatsapp.Client{}, whatsapp.Client{})
	s.SetClock(func() time.Time { return now })
	for _, to := range []string{"1", "2", "3"} {
		m := pdfMessage(a.Key)
		m.To = to
		if _, err := s.Send(bg, w.graph.Config(), m); err != nil {
			t.Fatal(err)
		}
	}
	ups := w.graph.Uploads()
	if len(ups) != 1 || !bytes.Equal(ups[0].Data, menu) || ups[0].MimeType != "application/pdf" {
		t.Fatalf("uploads = %d", len(ups))
	}
	sent := w.graph.Accepted()
	for _, r := range sent {
		if r.MediaID != ups[0].ID || r.Filename != "menu.pdf" || r.Text != "Our menu" || len(r.Options) != 0 {
			t.Fatalf("sent %+v, want the uploaded id %s", r, ups[0].ID)
		}
	}

	now = now.Add(29*24*time.Hour - time.Minute)
	if _, err := s.Send(bg, w.graph.Config(), pdfMessage(a.Key)); err != nil || len(w.graph.Uploads()) != 1 {
		t.Fatalf("within 29 days: %v, %d uploads", err, len(w.graph.Uploads()))
	}
	now = now.Add(2 * time.Minute)
	if _, err := s.Send(bg, w.graph.Config(), pdfMessage(a.Key)); err != nil || len(w.graph.Uploads()) != 2 {
		t.Fatalf("after 29 days: %v, %d uploads", err, len(w.graph.Uploads()))
	}
	last := w.graph.Accepted()
	if last[len(last)-1].MediaID != w.graph.Uploads()[1].ID {
		t.Fatal("the message after the re-upload did not use the new id")
	}

	// The cache survives a restart: a new sender over the same database.
	again := media.NewSender(media.NewLibrary(w.db, media.Dir(w.db.Path), nil), whatsapp.Client{}, whatsapp.Client{})
	again.SetClock(func() time.Time { return now })
	if _, err := again.Send(bg, w.graph.Config(), pdfMessage(a.Key)); err != nil || len(w.graph.Uploads()) != 2 {
		t.Fatalf("after a restart: %v, %d uploads", err, len(w.graph.Uploads()))
	}
}

// When WhatsApp forgets an id early (131053), the send fails as retryable
// and the next try uploads again.
func TestSenderReuploadsWhatWhatsAppForgot(t *testing.T) {
	w := newWorld(t)
	a, _ := w.lib.Attach(bg, bytes.NewReader(menu), "menu.pdf", "document")
	s := media.NewSender(w.lib, whatsapp.Client{}, whatsapp.Client{})
	if _, err := s.Send(bg, w.graph.Config(), pdfMessage(a.Key)); err != nil {
		t.Fatal(err)
	}
	w.graph.ForgetUploads()
	_, err := s.Send(bg, w.graph.Config(), pdfMessage(a.Key))
	if !whatsapp.IsRetryable(err) {
		t.Fatalf("send with a forgotten id: %v (want retryable)", err)
	}
	if _, err := s.Send(bg, w.graph.Config(), pdfMessage(a.Key)); err != nil || len(w.graph.Uploads()) != 2 {
		t.Fatalf("retry: %v, %d uploads", err, len(w.graph.Uploads()))
	}
}

func TestSenderFailures(t *testing.T) {
	w := newWorld(t)
	a, _ := w.lib.Attach(bg, bytes.NewReader(menu), "menu.pdf", "document")
	s := media.NewSender(w.lib, whatsapp.Client{}, whatsapp.Client{})

	// A failed upload is a retryable send failure; nothing was sent.
	w.graph.FailUpload(whatsapptest.ServerError)
	if _, err := s.Send(bg, w.graph.Config(), pdfMessage(a.Key)); !whatsapp.IsRetryable(err) || len(w.graph.All()) != 0 {
		t.Fatalf("failed upload: %v, %d sends", err, len(w.graph.All()))
	}
	// No settings: the inbox waits for them.
	if _, err := s.Send(bg, whatsapp.Config{}, pdfMessage(a.Key)); !errors.Is(err, whatsapp.ErrNotConfigured) {
		t.Fatalf("no settings: %v", err)
	}
	// A file gone from the folder (or never stored) cannot be sent: permanent.
	_, p, _ := w.lib.Lookup(bg, a.Key)
	os.Remove(p)
	if _, err := s.Send(bg, w.graph.Config(), pdfMessage(a.Key)); !errors.Is(err, media.ErrMissingFile) || whatsapp.IsRetryable(err) {
		t.Fatalf("missing file: %v", err)
	}
	if _, err := s.Send(bg, w.graph.Config(), pdfMessage(string(bytes.Repeat([]byte("a"), 64)))); !errors.Is(err, media.ErrMissingFile) {
		t.Fatalf("unknown file: %v", err)
	}
	// Links and other messages pass straight through.
	if _, err := s.Send(bg, w.graph.Config(), whatsapp.Outgoing{Kind: "text", To: "1", Text: "hi"}); err != nil {
		t.Fatal(err)
	}
}

// Many sends of one file at once upload it once.
func TestSenderUploadsOnceUnderConcurrency(t *testing.T) {
	w := newWorld(t)
	a, _ := w.lib.Attach(bg, bytes.NewReader(menu), "menu.pdf", "document")
	s := media.NewSender(w.lib, whatsapp.Client{}, whatsapp.Client{})
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := pdfMessage(a.Key)
			m.To = string(rune('1' + i))
			if _, err := s.Send(bg, w.graph.Config(), m); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if n := len(w.graph.Uploads()); n != 1 {
		t.Fatalf("%d uploads, want 1", n)
	}
}
