package studio

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"chatflow/backend/demo"

	"chatflow/backend/flow"
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

// exampleBundle returns the shipped example bundle with its API pointed at
// base (a local test server) instead of 127.0.0.1:8787.
func exampleBundle(t *testing.T, base string) []byte {
	t.Helper()
	data, err := os.ReadFile("../../docs/examples/order-status.json")
	if err != nil {
		t.Fatal(err)
	}
	out := bytes.ReplaceAll(data, []byte("http://127.0.0.1:8787"), []byte(base))
	if bytes.Equal(out, data) {
		t.Fatal("the example bundle no longer calls http://127.0.0.1:8787")
	}
	return out
}

// exampleFile writes the rewritten example bundle to a temporary file.
func exampleFile(t *testing.T, base string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "order-status.json")
	if err := os.WriteFile(path, exampleBundle(t, base), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func flowNode(id, typ, text string) flow.Node {
	return flow.Node{ID: id, Type: typ, Data: flow.NodeData{Text: text}}
}

func flowEdge(source, target string) flow.Edge {
	return flow.Edge{ID: source + "-" + target, Source: source, SourceHandle: "out", Target: target}
}
