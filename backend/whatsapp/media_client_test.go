package whatsapp_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"chatflow/backend/whatsapp"
	"chatflow/backend/whatsapp/whatsapptest"
)

var mediaCtx = context.Background()

func TestMediaInfoAndDownload(t *testing.T) {
	g := whatsapptest.NewGraph()
	defer g.Close()
	photo := []byte("\xff\xd8\xff\xe0 a small jpeg")
	id := g.AddMedia("image/jpeg", photo)
	cl := whatsapp.Client{}
	info, err := cl.MediaInfo(mediaCtx, g.Config(), id)
	if err != nil {
		t.Fatal(err)
	}
	if info.ID != id || info.MimeType != "image/jpeg" || info.FileSize != int64(len(photo)) {
		t.Fatalf("info = %+v", info)
	}
	var buf bytes.Buffer
	n, err := cl.Download(mediaCtx, g.Config(), info.URL, 1<<20, &buf)
	if err != nil || n != int64(len(photo)) || !bytes.Equal(buf.Bytes(), photo) {
		t.Fatalf("Download = %d, %v (%q)", n, err, buf.Bytes())
	}
	if !whatsapp.ChecksumMatches(info.SHA256, sha256.Sum256(buf.Bytes())) {
		t.Fatal("the announced checksum does not match the file")
	}

	// Meta's addresses expire after a few minutes: a 404 that is worth a
	// retry with a fresh address.
	g.ExpireMediaURLs()
	_, err = cl.Download(mediaCtx, g.Config(), info.URL, 1<<20, io.Discard)
	var apiErr *whatsapp.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatus != 404 || !whatsapp.IsRetryable(err) || !strings.Contains(err.Error(), "download media") {
		t.Fatalf("expired address: %v", err)
	}

	// Too large: refused from the announced length, before reading.
	_, err = cl.Download(mediaCtx, g.Config(), mustInfo(t, g, id).URL, 10, io.Discard)
	var tooLarge *whatsapp.TooLargeError
	if !errors.As(err, &tooLarge) || tooLarge.Size != int64(len(photo)) {
		t.Fatalf("too large: %v", err)
	}
}

func mustInfo(t *testing.T, g *whatsapptest.Graph, id string) whatsapp.MediaInfo {
	t.Helper()
	info, err := whatsapp.Client{}.MediaInfo(mediaCtx, g.Config(), id)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

func TestMediaInfoFailures(t *testing.T) {
	g := whatsapptest.NewGraph()
	defer g.Close()
	cl := whatsapp.Client{}
	if _, err := cl.MediaInfo(mediaCtx, g.Config(), "12345"); err == nil || whatsapp.IsRetryable(err) || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("unknown id: %v", err)
	}
	id := g.AddMedia("image/png", []byte("\x89PNG\r\n\x1a\n"))
	g.FailMediaInfo(whatsapptest.ServerError)
	if _, err := cl.MediaInfo(mediaCtx, g.Config(), id); !whatsapp.IsRetryable(err) || !strings.Contains(err.Error(), "whatsapp: media information:") {
		t.Fatalf("server error: %v", err)
	}
	infos, _ := g.MediaRequests()
	if _, err := cl.MediaInfo(mediaCtx, g.Config(), "../v21.0/106540352242922/messages"); !errors.Is(err, whatsapp.ErrMediaInfo) {
		t.Fatalf("a path as an id: %v", err)
	}
	if again, _ := g.MediaRequests(); again != infos {
		t.Fatal("an id that is not one reached the Graph API")
	}
	bad := g.Config()
	bad.AccessToken = ""
	if _, err := cl.MediaInfo(mediaCtx, bad, id); !errors.Is(err, whatsapp.ErrNotConfigured) {
		t.Fatalf("no token: %v", err)
	}
}

// A body that runs past the limit without announcing its length is cut at
// the limit; an address that is not https to another host never gets the
// token.
func TestDownloadLimitsAndToken(t *testing.T) {
	var sawToken bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sawToken = r.Header.Get("Authorization") != ""
		w.(http.Flusher).Flush() // no Content-Length
		w.Write(bytes.Repeat([]byte("x"), 4096))
	}))
	defer srv.Close()
	cfg := whatsapp.Config{GraphURL: srv.URL, AccessToken: "t"}
	_, err := whatsapp.Client{}.Download(mediaCtx, cfg, srv.URL+"/f", 100, io.Discard)
	var tooLarge *whatsapp.TooLargeError
	if !errors.As(err, &tooLarge) || tooLarge.Size != 0 || !strings.Contains(err.Error(), "100 bytes") {
		t.Fatalf("err = %v", err)
	}
	sawToken = false
	other := whatsapp.Config{GraphURL: "https://graph.facebook.com", AccessToken: "t"}
	if _, err := (whatsapp.Client{}).Download(mediaCtx, other, srv.URL+"/f", 100, io.Discard); !errors.Is(err, whatsapp.ErrUnsafeMediaURL) || sawToken {
		t.Fatalf("plain http to another host: %v (token sent: %v)", err, sawToken)
	}
}

func TestUpload(t *testing.T) {
	g := whatsapptest.NewGraph()
	defer g.Close()
	pdf := []byte("%PDF-1.7 menu")
	id, err := whatsapp.Client{}.Upload(mediaCtx, g.Config(), "menu \"2026\".pdf", "application/pdf", int64(len(pdf)), bytes.NewReader(pdf))
	if err != nil {
		t.Fatal(err)
	}
	ups := g.Uploads()
	if len(ups) != 1 || ups[0].ID != id || ups[0].MimeType != "application/pdf" || ups[0].PartType != "application/pdf" ||
		ups[0].Filename != `menu "2026".pdf` || !bytes.Equal(ups[0].Data, pdf) {
		t.Fatalf("uploads = %+v", ups)
	}
	// The fake now knows the id: a message may be sent with it.
	if _, err := (whatsapp.Client{}).Send(mediaCtx, g.Config(), whatsapp.Outgoing{Kind: "media", To: "1", MediaType: "document", MediaID: id}); err != nil {
		t.Fatal(err)
	}
	g.ForgetUploads()
	_, err = whatsapp.Client{}.Send(mediaCtx, g.Config(), whatsapp.Outgoing{Kind: "media", To: "1", MediaType: "document", MediaID: id})
	var apiErr *whatsapp.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != 131053 {
		t.Fatalf("send with a forgotten id: %v", err)
	}

	g.FailUpload(whatsapptest.Throttled)
	_, err = whatsapp.Client{}.Upload(mediaCtx, g.Config(), "a.pdf", "application/pdf", int64(len(pdf)), bytes.NewReader(pdf))
	if !whatsapp.IsRetryable(err) || !strings.Contains(err.Error(), "whatsapp: upload media:") {
		t.Fatalf("throttled upload: %v", err)
	}
	if _, err := (whatsapp.Client{}).Upload(mediaCtx, whatsapp.Config{}, "a.pdf", "application/pdf", 1, strings.NewReader("x")); !errors.Is(err, whatsapp.ErrNotConfigured) {
		t.Fatalf("no settings: %v", err)
	}
}

// The multipart body has the exact length announced, so the file streams
// without chunked encoding.
func TestUploadContentLength(t *testing.T) {
	var declared, read int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		declared = r.ContentLength
		n, _ := io.Copy(io.Discard, r.Body)
		read = n
		io.WriteString(w, `{"id":"99"}`)
	}))
	defer srv.Close()
	data := bytes.Repeat([]byte("a"), 70000)
	id, err := whatsapp.Client{}.Upload(mediaCtx, whatsapp.Config{GraphURL: srv.URL, PhoneNumberID: "1", AccessToken: "t"},
		"a\r\nb.txt", "text/plain", int64(len(data)), bytes.NewReader(data))
	if err != nil || id != "99" || declared != read || read <= int64(len(data)) {
		t.Fatalf("id %q err %v declared %d read %d", id, err, declared, read)
	}
}
