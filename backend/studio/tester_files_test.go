package studio

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chatflow/backend/apicall"
	"chatflow/backend/store/storetest"
)

// The API tester sends a multipart file field the way the live bot does:
// a file of the conversations (the folder FileAllowed admits) goes out,
// any other file of this computer is refused with a sentence.
func TestTesterSendsOnlyConversationFiles(t *testing.T) {
	mediaDir := t.TempDir()
	photo := filepath.Join(mediaDir, "photo.jpg")
	secret := filepath.Join(t.TempDir(), "secret.txt")
	for path, content := range map[string]string{photo: "JPEG-BYTES", secret: "do not send"} {
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	received := make(chan string, 2)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, _, err := r.FormFile("photo")
		if err == nil {
			b, _ := io.ReadAll(f)
			received <- string(b)
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"ok":true}`))
	}))
	t.Cleanup(srv.Close)

	st := New(Deps{DB: storetest.NewDB(t), FileAllowed: func(p string) bool { return filepath.Dir(p) == mediaDir }})
	def := apicall.Definition{Method: "POST", URL: srv.URL + "/claims", BodyType: apicall.BodyMultipart,
		Parts: []apicall.Part{{Key: "photo", Value: "{{message.media.path}}", File: true}}}

	res, err := st.Tester.Test(bg, "", def, map[string]string{"message.media.path": photo})
	if err != nil || res.Status != 200 || res.Error != "" {
		t.Fatalf("a conversation file: %+v %v", res, err)
	}
	if got := <-received; got != "JPEG-BYTES" {
		t.Fatalf("the API received %q", got)
	}
	res, err = st.Tester.Test(bg, "", def, map[string]string{"message.media.path": secret})
	if err != nil || res.Status != 0 || !strings.Contains(res.Error, "secret.txt") {
		t.Fatalf("another file: %+v %v", res, err)
	}
	if len(received) != 0 {
		t.Fatal("a file outside the conversations left this computer")
	}
}
