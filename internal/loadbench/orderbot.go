//go:build linux

package loadbench

import (
	"encoding/json"
)

// OrderBot is the bundle the benchmark imports: any message starts the
// published "Order bot" flow, which GETs {ordersURL}/orders/{{message.text}},
// maps order.status, and sends one reply echoing the message. When the order
// API fails the reply says so (and still echoes the message).
func OrderBot(ordersURL string) []byte {
	type kv = map[string]any
	node := func(id, typ string, x int, data kv) kv {
		return kv{"id": id, "type": typ, "position": kv{"x": x, "y": 0}, "data": data}
	}
	edge := func(id, src, handle, dst string) kv {
		return kv{"id": id, "source": src, "sourceHandle": handle, "target": dst}
	}
	b := kv{
		"format": "chatflow-bundle", "version": 1,
		"attributes": []kv{{"name": "order_status", "type": "text", "description": "Status from the order API"}},
		"apis": []kv{{
			"name": "Orders", "method": "GET", "url": ordersURL + "/orders/{{message.text}}",
			"headers":   []kv{{"key": "Accept", "value": "application/json"}},
			"auth":      kv{"type": "none"},
			"timeoutMs": 5000,
			"mappings":  []kv{{"path": "order.status", "attribute": "order_status"}},
		}},
		"flows": []kv{{
			"name": "Order bot", "published": true,
			"nodes": []kv{
				node("start", "start", 0, kv{"keywords": []string{}}),
				node("lookup", "api", 280, kv{"api": "Orders", "routes": []string{"200"}}),
				node("reply", "message", 560, kv{"text": "Order {{message.text}}: {{order_status}}"}),
				node("down", "message", 560, kv{"text": "Order {{message.text}}: our " + downMarker + ", please try later."}),
				node("end", "end", 840, kv{}),
			},
			"edges": []kv{
				edge("e1", "start", "out", "lookup"),
				edge("e2", "lookup", "200", "reply"),
				edge("e3", "lookup", "others", "down"),
				edge("e4", "reply", "out", "end"),
				edge("e5", "down", "out", "end"),
			},
		}},
	}
	// A map of strings, numbers and slices of them always encodes.
	raw, _ := json.MarshalIndent(b, "", "  ")
	return raw
}
