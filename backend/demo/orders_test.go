package demo_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"chatflow/backend/demo"
)

func TestOrdersHandler(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle(demo.OrdersPath, demo.OrdersHandler())
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := []struct {
		name   string
		path   string
		header string
		status int
		want   string // the order's status, for 200
	}{
		{"shipped", "/demo/orders/A1001", "", 200, "shipped"},
		{"lower case id", "/demo/orders/a1002", "", 200, "processing"},
		{"delivered", "/demo/orders/A1003", "", 200, "delivered"},
		{"unknown", "/demo/orders/Z9999", "", 404, ""},
		{"server error", "/demo/orders/E5000", "", 500, ""},
		{"through a tunnel", "/demo/orders/A1001", "X-Forwarded-For", 404, ""},
		{"no id", "/demo/orders/", "", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodGet, srv.URL+tt.path, nil)
			if tt.header != "" {
				req.Header.Set(tt.header, "203.0.113.9")
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d (%s)", res.StatusCode, tt.status, body)
			}
			if tt.want == "" {
				return
			}
			var got struct{ Order demo.Order }
			if err := json.Unmarshal(body, &got); err != nil || got.Order.Status != tt.want || got.Order.ETA == "" {
				t.Fatalf("body %s: %v", body, err)
			}
		})
	}
	res, err := http.Post(srv.URL+"/demo/orders/A1001", "application/json", nil)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Fatalf("POST: %d", res.StatusCode)
	}
}
