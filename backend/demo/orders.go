// Package demo serves the built-in demo order API that the order-status
// template calls, so a newcomer can try a flow with a real HTTP call before
// they have an API of their own. It is mounted on the webhook listener at
// /demo/orders/{id} (the desktop window has no other HTTP server) and only
// answers requests made on this computer.
package demo

import (
	"encoding/json"
	"net"
	"net/http"
	"strings"
)

// OrdersPath is the route pattern of the demo order API.
const OrdersPath = "GET /demo/orders/{id}"

// Order is one made-up order. ETA is the expected delivery date, and the
// day it arrived once delivered (the template words the two differently).
type Order struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	ETA    string `json:"eta"`
	Items  []Item `json:"items"`
}

// Item is one line of an order.
type Item struct {
	Name     string `json:"name"`
	Quantity int    `json:"quantity"`
}

// Orders are the demo orders: A1001 shipped, A1002 processing, A1003
// delivered. Any other id is 404, and E5000 answers 500 to show the flow's
// "others" branch.
var Orders = map[string]Order{
	"A1001": {ID: "A1001", Status: "shipped", ETA: "2026-05-02", Items: []Item{{"Blue mug", 2}}},
	"A1002": {ID: "A1002", Status: "processing", ETA: "2026-05-09", Items: []Item{{"Tea towel", 1}}},
	"A1003": {ID: "A1003", Status: "delivered", ETA: "2026-04-20", Items: []Item{{"Teapot", 1}}},
}

// OrdersHandler answers GET /demo/orders/{id} with {"order": {...}}.
func OrdersHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !local(r) {
			http.NotFound(w, r)
			return
		}
		id := strings.ToUpper(strings.TrimSpace(r.PathValue("id")))
		switch o, ok := Orders[id]; {
		case id == "E5000":
			writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "database unavailable"})
		case !ok:
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "order not found"})
		default:
			writeJSON(w, http.StatusOK, map[string]Order{"order": o})
		}
	})
}

// local reports whether r came from this computer directly. Tunnels also
// connect from loopback, but they add forwarding headers, and a request
// carrying any of them is treated as coming from outside.
func local(r *http.Request) bool {
	for _, h := range []string{"X-Forwarded-For", "Forwarded", "X-Real-Ip", "Cf-Connecting-Ip", "Ngrok-Trace-Id"} {
		if r.Header.Get(h) != "" {
			return false
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
