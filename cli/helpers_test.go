package cli

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// orderAPI serves the order-status API that docs/examples/order-status.json
// calls (the same contract as docs/examples/orderapi): A1001 shipped, A1002
// processing, A1003 delivered, E5000 fails with 500, anything else is 404.
func orderAPI(t *testing.T) *httptest.Server {
	t.Helper()
	orders := map[string]map[string]string{
		"A1001": {"id": "A1001", "status": "shipped", "eta": "2026-05-02"},
		"A1002": {"id": "A1002", "status": "processing", "eta": "2026-05-09"},
		"A1003": {"id": "A1003", "status": "delivered", "eta": "2026-04-20"},
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders/{id}", func(w http.ResponseWriter, r *http.Request) {
		id := strings.ToUpper(r.PathValue("id"))
		w.Header().Set("Content-Type", "application/json")
		if id == "E5000" {
			w.WriteHeader(http.StatusInternalServerError)
			w.Write([]byte(`{"error":"database unavailable"}`))
			return
		}
		o, ok := orders[id]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte(`{"error":"order not found"}`))
			return
		}
		json.NewEncoder(w).Encode(map[string]any{"order": o})
	})
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
