package media_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"chatflow/backend/media"
)

func TestHandler(t *testing.T) {
	w := newWorld(t)
	srv := httptest.NewServer(media.Handler(w.lib))
	defer srv.Close()

	// Attach a PDF through the route the editor uses.
	resp, err := http.Post(srv.URL+"/media/attachments?kind=document&name=Menu%20spring.pdf", "application/octet-stream", bytes.NewReader(menu))
	if err != nil {
		t.Fatal(err)
	}
	var a media.Attachment
	json.NewDecoder(resp.Body).Decode(&a)
	resp.Body.Close()
	if resp.StatusCode != 200 || a.Mime != "application/pdf" || a.Name != "Menu spring.pdf" {
		t.Fatalf("attach: %d %+v", resp.StatusCode, a)
	}
	img, _ := w.lib.Attach(bg, bytes.NewReader(photo), "p.jpg", "image")

	tests := []struct {
		name, path  string
		header      map[string]string
		status      int
		contentType string
		disposition string
		body        []byte
	}{
		{name: "an image is shown", path: "/media/" + img.Key, status: 200, contentType: "image/jpeg",
			disposition: `inline; filename=` + img.Key[:12] + `.jpg`, body: photo},
		{name: "a document is downloaded under its name", path: "/media/" + a.Key + "?name=Menu%20spring.pdf", status: 200,
			contentType: "application/pdf", disposition: `attachment; filename="Menu spring.pdf"`, body: menu},
		{name: "an image can be downloaded", path: "/media/" + img.Key + "?download=1&name=../../p.jpg", status: 200,
			contentType: "image/jpeg", disposition: `attachment; filename=p.jpg`, body: photo},
		{name: "a range of a file", path: "/media/" + a.Key, header: map[string]string{"Range": "bytes=0-4"}, status: 206,
			contentType: "application/pdf", body: menu[:5]},
		{name: "an unknown key", path: "/media/" + strings.Repeat("0", 64), status: 404},
		{name: "not a key", path: "/media/..%2fchatflow.db", status: 404},
		{name: "nothing else", path: "/media/", status: 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodGet, srv.URL+tt.path, nil)
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d (%s)", resp.StatusCode, tt.status, body)
			}
			if tt.status >= 300 {
				return
			}
			h := resp.Header
			if h.Get("Content-Type") != tt.contentType || h.Get("X-Content-Type-Options") != "nosniff" ||
				!strings.Contains(h.Get("Content-Security-Policy"), "sandbox") || !bytes.Equal(body, tt.body) {
				t.Fatalf("headers %v, body %q", h, body)
			}
			if tt.disposition != "" && h.Get("Content-Disposition") != tt.disposition {
				t.Fatalf("Content-Disposition = %s, want %s", h.Get("Content-Disposition"), tt.disposition)
			}
		})
	}

	for _, tt := range []struct {
		query  string
		body   []byte
		status int
		want   string
	}{
		{"kind=image&name=menu.pdf", menu, 400, "The file menu.pdf is not one WhatsApp can send as a photo (it allows JPG, PNG)."},
		{"kind=document&name=x.html", htmlHead, 400, "The file x.html is not one WhatsApp can send as a document"},
		{"kind=image&name=big.jpg", append(bytes.Clone(jpegHead), make([]byte, 5<<20)...), 400, "The file is larger than the 5 MB WhatsApp allows for a photo."},
	} {
		resp, err := http.Post(srv.URL+"/media/attachments?"+tt.query, "application/octet-stream", bytes.NewReader(tt.body))
		if err != nil {
			t.Fatal(err)
		}
		var e struct{ Error string }
		json.NewDecoder(resp.Body).Decode(&e)
		resp.Body.Close()
		if resp.StatusCode != tt.status || !strings.Contains(e.Error, tt.want) {
			t.Errorf("POST %s: %d %q, want %d %q", tt.query, resp.StatusCode, e.Error, tt.status, tt.want)
		}
	}
}
