package apicall_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
)

// upload is what the multipart test server received.
type upload struct {
	fields      map[string]string
	file        []byte
	filename    string
	fileType    string
	length      int64
	chunked     bool
	contentType string
}

func uploadServer(t *testing.T, status ...int) (*httptest.Server, func() []upload) {
	t.Helper()
	var (
		mu  sync.Mutex
		got []upload
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u := upload{fields: map[string]string{}, length: r.ContentLength, chunked: len(r.TransferEncoding) > 0,
			contentType: r.Header.Get("Content-Type")}
		if err := r.ParseMultipartForm(1 << 20); err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		for k, v := range r.MultipartForm.Value {
			u.fields[k] = v[0]
		}
		if fh := r.MultipartForm.File["photo"]; len(fh) == 1 {
			f, _ := fh[0].Open()
			u.file, _ = io.ReadAll(f)
			f.Close()
			u.filename, u.fileType = fh[0].Filename, fh[0].Header.Get("Content-Type")
		}
		mu.Lock()
		got = append(got, u)
		code := 200
		if len(got) <= len(status) {
			code = status[len(got)-1]
		}
		mu.Unlock()
		w.WriteHeader(code)
		io.WriteString(w, `{"ok":true}`)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []upload { mu.Lock(); defer mu.Unlock(); return append([]upload(nil), got...) }
}

// mediaStore makes a folder with one stored photo and returns it with a
// check that allows only files inside it, as the media store does.
func mediaStore(t *testing.T) (string, func(string) bool) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "ab", "ab12cd.jpg")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append([]byte("\xff\xd8\xff\xe0"), make([]byte, 70_000)...), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, func(p string) bool { return strings.HasPrefix(p, dir+string(filepath.Separator)) }
}

func TestMultipartSendsFieldsAndTheCustomersFile(t *testing.T) {
	srv, got := uploadServer(t, 503)
	photo, allowed := mediaStore(t)
	def := apicall.Definition{Name: "Claims", Method: "POST", URL: srv.URL, BodyType: apicall.BodyMultipart,
		Retry:   apicall.Retry{MaxTries: 2, Idempotent: true},
		Headers: []apicall.KV{{Key: "Content-Type", Value: "application/json"}},
		Parts: []apicall.Part{
			{Key: "order", Value: "{{order_id}}"},
			{Key: "note", Value: "from {{contact.name}}"},
			{Key: "skipped", Value: "x", Disabled: true},
			{Key: "photo", Value: "{{message.media.path}}", File: true},
		}}
	values := attribute.Values{"order_id": "A1", "contact.name": `Ana "A"`, "message.media.path": photo}
	client := &apicall.Client{FileAllowed: allowed, Sleep: (&waits{}).sleep}
	res := client.Execute(context.Background(), def, values, nil)
	if res.Status != 200 || len(res.Earlier) != 1 {
		t.Fatalf("status %d, earlier %d, error %q", res.Status, len(res.Earlier), res.Error)
	}
	want, _ := os.ReadFile(photo)
	for i, u := range got() {
		if u.fields["order"] != "A1" || u.fields["note"] != `from Ana "A"` || u.fields["skipped"] != "" {
			t.Errorf("try %d fields %v", i+1, u.fields)
		}
		if string(u.file) != string(want) || u.filename != "ab12cd.jpg" || u.fileType != "image/jpeg" {
			t.Errorf("try %d file: %d bytes, %q, %q", i+1, len(u.file), u.filename, u.fileType)
		}
		if u.chunked || u.length <= int64(len(want)) || !strings.HasPrefix(u.contentType, "multipart/form-data; boundary=") {
			t.Errorf("try %d: length %d, chunked %v, type %q", i+1, u.length, u.chunked, u.contentType)
		}
	}
	if res.Request.Body != "order: A1\nnote: from Ana \"A\"\nphoto: file ab12cd.jpg" {
		t.Fatalf("described body %q", res.Request.Body)
	}
}

func TestMultipartSendsOnlyFilesOfTheConversations(t *testing.T) {
	srv, got := uploadServer(t)
	photo, allowed := mediaStore(t)
	outside := filepath.Join(t.TempDir(), "chatflow.db")
	os.WriteFile(outside, []byte("secret"), 0o600)
	def := apicall.Definition{Name: "x", Method: "POST", URL: srv.URL, BodyType: apicall.BodyMultipart,
		Parts: []apicall.Part{{Key: "photo", Value: "{{message.text}}", File: true}}}
	tests := []struct {
		name    string
		client  *apicall.Client
		path    string
		wantErr string
	}{
		{"a path typed by the customer", &apicall.Client{FileAllowed: allowed}, outside, "chatflow.db is not a file of the conversations"},
		{"no file store", &apicall.Client{}, photo, "not a file of the conversations"},
		{"no file yet", &apicall.Client{FileAllowed: allowed}, "", "is empty"},
		{"a stored file gone", &apicall.Client{FileAllowed: allowed}, photo + ".gone.jpg", "cannot be read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := tt.client.Execute(context.Background(), def, attribute.Values{"message.text": tt.path}, nil)
			if res.Status != 0 || !strings.Contains(res.Error, tt.wantErr) {
				t.Fatalf("status %d, error %q, want %q", res.Status, res.Error, tt.wantErr)
			}
		})
	}
	if len(got()) != 0 {
		t.Fatalf("%d requests reached the API", len(got()))
	}
}

func TestTextBody(t *testing.T) {
	srv, last := echoServer(t)
	def := apicall.Definition{Name: "x", Method: "POST", URL: srv.URL, BodyType: apicall.BodyText, Body: "Order {{order_id}}: \"{{note}}\"\n"}
	res := apicall.Execute(context.Background(), def, attribute.Values{"order_id": "A1", "note": "a&b"}, nil)
	if res.Status != 200 {
		t.Fatal(res.Error)
	}
	s := last()
	if s.Body != "Order A1: \"a&b\"\n" || s.Header.Get("Content-Type") != "text/plain; charset=utf-8" {
		t.Fatalf("body %q, type %q", s.Body, s.Header.Get("Content-Type"))
	}
}

func TestBodyTypeValidation(t *testing.T) {
	tests := []struct {
		def  apicall.Definition
		want string
	}{
		{apicall.Definition{BodyType: "xml"}, "use json, form, multipart, text or none"},
		{apicall.Definition{BodyType: apicall.BodyMultipart, Parts: []apicall.Part{{Value: "x"}}}, "needs a name"},
		{apicall.Definition{BodyType: apicall.BodyMultipart, Parts: []apicall.Part{{Key: "a\"b", Value: "x"}}}, "not a valid field name"},
		{apicall.Definition{BodyType: apicall.BodyMultipart, Parts: []apicall.Part{{Key: "photo", File: true}}}, "give its path"},
	}
	for _, tt := range tests {
		tt.def.Name, tt.def.URL, tt.def.Method = "x", "https://x.test", "POST"
		if err := tt.def.Validate(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Validate(%+v) = %v, want %q", tt.def, err, tt.want)
		}
	}
	ok := apicall.Definition{Name: "x", URL: "https://x.test", Method: "POST",
		Parts: []apicall.Part{{Key: "photo", Value: "{{message.media.path}}", File: true}}}
	if err := ok.Validate(); err != nil || ok.Normalized().BodyType != apicall.BodyMultipart {
		t.Fatalf("parts without a body type: %v, %q", err, ok.Normalized().BodyType)
	}
	if got := apicall.Placeholders(ok); len(got) != 1 || got[0] != "message.media.path" {
		t.Fatalf("Placeholders = %v", got)
	}
}
