// Command orderapi is the small order-status API the example bundle
// (docs/examples/order-status.json) calls. Run it next to Chatflow Studio:
//
//	go run ./docs/examples/orderapi            # listens on 127.0.0.1:8787
//	go run ./docs/examples/orderapi -addr 127.0.0.1:9000
//
// GET /orders/{id} answers 200 with {"order": {...}} for the orders below,
// 404 for any other id, and 500 for E5000 (to try the "others" branch).
package main

import (
	"encoding/json"
	"flag"
	"log"
	"net/http"
	"strings"
)

type order struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	ETA    string `json:"eta"`
	Items  []item `json:"items"`
}

type item struct {
	Name     string `json:"name"`
	Quantity int    `json:"quantity"`
}

var orders = map[string]order{
	"A1001": {ID: "A1001", Status: "shipped", ETA: "2026-05-02", Items: []item{{"Blue mug", 2}}},
	"A1002": {ID: "A1002", Status: "processing", ETA: "2026-05-09", Items: []item{{"Tea towel", 1}}},
	"A1003": {ID: "A1003", Status: "delivered", ETA: "2026-04-20", Items: []item{{"Teapot", 1}}},
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8787", "listen address")
	flag.Parse()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders/{id}", func(w http.ResponseWriter, r *http.Request) {
		id := strings.ToUpper(r.PathValue("id"))
		w.Header().Set("Content-Type", "application/json")
		if id == "E5000" {
			w.WriteHeader(http.StatusInternalServerError)
			json.NewEncoder(w).Encode(map[string]string{"error": "database unavailable"})
			return
		}
		o, ok := orders[id]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			json.NewEncoder(w).Encode(map[string]string{"error": "order not found"})
			return
		}
		json.NewEncoder(w).Encode(map[string]order{"order": o})
	})
	log.Printf("order API on http://%s/orders/A1001", *addr)
	log.Fatal(http.ListenAndServe(*addr, mux))
}
