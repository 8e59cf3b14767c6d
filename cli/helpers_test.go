package cli

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"chatflow/backend/demo"
)

// orderAPI serves the order-status API that docs/examples/order-status.json
// calls, with the demo orders docs/examples/orderapi serves: A1001 shipped,
// A1002 processing, A1003 delivered, E5000 fails with 500, anything else is
// 404.
func orderAPI(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("GET /orders/{id}", demo.OrdersHandler())
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// exampleFile writes the shipped example bundle, its API pointed at base (a
// local test server) instead of 127.0.0.1:8787, to a temporary file.
func exampleFile(t *testing.T, base string) string {
	t.Helper()
	data, err := os.ReadFile("../docs/examples/order-status.json")
	if err != nil {
		t.Fatal(err)
	}
	out := bytes.ReplaceAll(data, []byte("http://127.0.0.1:8787"), []byte(base))
	if bytes.Equal(out, data) {
		t.Fatal("the example bundle no longer calls http://127.0.0.1:8787")
	}
	path := filepath.Join(t.TempDir(), "order-status.json")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
