package studio

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chatflow/backend/apicall"
)

// The API tester sends a multipart file field the way the live bot does:
// a file of the conversations (the media folder) goes out, any other file
// of this computer is refused with a sentence.
func TestTesterSendsOnlyConversationFiles(t *testing.T) {
	ctx := context.Background()
	st, _, lib := newMediaStudio(t)
	doc := append([]byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), []byte("the claim form")...)
	att, err := lib.Attach(ctx, bytes.NewReader(doc), "claim.pdf", "document")
	if err != nil {
		t.Fatal(err)
	}
	_, stored, err := lib.Lookup(ctx, att.Key)
	if err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(secret, []byte("do not send"), 0o600); err != nil {
		t.Fatal(err)
	}
	received := make(chan []byte, 2)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if f, _, err := r.FormFile("doc"); err == nil {
			b, _ := io.ReadAll(f)
			received <- b
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"ok":true}`))
	}))
	t.Cleanup(srv.Close)

	def := apicall.Definition{Method: "POST", URL: srv.URL + "/claims", BodyType: apicall.BodyMultipart,
		Parts: []apicall.Part{{Key: "doc", Value: "{{message.media.path}}", File: true}}}
	res, err := st.Tester.Test(ctx, "", def, map[string]string{"message.media.path": stored})
	if err != nil || res.Status != 200 || res.Error != "" {
		t.Fatalf("a conversation file: %+v %v", res, err)
	}
	if got := <-received; !bytes.Equal(got, doc) {
		t.Fatalf("the API received %q", got)
	}
	res, err = st.Tester.Test(ctx, "", def, map[string]string{"message.media.path": secret})
	if err != nil || res.Status != 0 || !strings.Contains(res.Error, "secret.txt") {
		t.Fatalf("another file: %+v %v", res, err)
	}
	if len(received) != 0 {
		t.Fatal("a file outside the conversations left this computer")
	}
}
