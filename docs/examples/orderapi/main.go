// Command orderapi is the small order-status API the example bundle
// (docs/examples/order-status.json) calls. Run it next to Chatflow Studio:
//
//	go run ./docs/examples/orderapi            # listens on 127.0.0.1:8787
//	go run ./docs/examples/orderapi -addr 127.0.0.1:9000
//
// GET /orders/{id} answers 200 with {"order": {...}} for A1001, A1002 and
// A1003, 404 for any other id, and 500 for E5000 (to try the "others"
// branch). It serves the same made-up orders as the app's built-in demo API
// (backend/demo), only at the path the example bundle uses.
package main

import (
	"flag"
	"log"
	"net/http"

	"chatflow/backend/demo"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8787", "listen address")
	flag.Parse()
	mux := http.NewServeMux()
	mux.Handle("GET /orders/{id}", demo.OrdersHandler())
	log.Printf("order API on http://%s/orders/A1001", *addr)
	log.Fatal(http.ListenAndServe(*addr, mux))
}
