package apicall_test

import (
	"testing"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
)

// orderAPI is the shape of a typical shop API: placeholders in the path, a
// query row, a header, a bearer token and a JSON body with typed values.
var orderAPI = apicall.Definition{
	Name:    "Order status",
	Method:  "POST",
	URL:     "https://shop.example/api/orders/{{order_id}}?ref={{contact.phone}}",
	Query:   []apicall.KV{{Key: "lang", Value: "en"}},
	Headers: []apicall.KV{{Key: "Accept", Value: "application/json"}, {Key: "X-Customer", Value: "{{contact.name}}"}},
	Body:    `{"order": "{{order_id}}", "total": {{total}}, "vip": {{vip}}, "note": "{{message.text}}"}`,
	Auth:    apicall.Auth{Type: apicall.AuthBearer, Token: "secret-{{order_id}}"},
}

var orderValues = attribute.Values{"order_id": "A-1042", "contact.phone": "5511999990000", "contact.name": "Ana \"Lu\" Souza",
	"total": "129.90", "vip": "true", "message.text": "where is my order? ünïcode \n line"}

var orderTypes = apicall.Types{"order_id": attribute.Text, "total": attribute.Number, "vip": attribute.Boolean}

// The benchmark's fixture renders to what the shop should receive, so the
// benchmark measures correct work: a header value passes through untouched
// (the common case, which copies nothing), a line break in a header value
// becomes a space, and the body's values are JSON-escaped and typed.
func TestHotPathFixtureRendersAsSent(t *testing.T) {
	req, err := apicall.Render(orderAPI, orderValues, orderTypes)
	if err != nil || len(req.Missing) != 0 {
		t.Fatalf("render: %v, missing %v", err, req.Missing)
	}
	headers := map[string]string{}
	for _, h := range req.Headers {
		headers[h.Key] = h.Value
	}
	if headers["X-Customer"] != `Ana "Lu" Souza` || headers["Authorization"] != "Bearer secret-A-1042" {
		t.Fatalf("headers %v", headers)
	}
	want := `{"order": "A-1042", "total": 129.9, "vip": true, "note": "where is my order? ünïcode \n line"}`
	if req.Body != want {
		t.Fatalf("body %s\nwant %s", req.Body, want)
	}
	broken := orderAPI
	broken.Headers = []apicall.KV{{Key: "X-Note", Value: "{{message.text}}"}}
	req, _ = apicall.Render(broken, orderValues, orderTypes)
	if len(req.Headers) == 0 || req.Headers[0].Key != "X-Note" || req.Headers[0].Value != "where is my order? ünïcode   line" {
		t.Fatalf("a line break reached a header: %+v", req.Headers)
	}
}

// BenchmarkRender measures rendering one API call: URL, query, headers, auth
// and a JSON body with placeholders.
func BenchmarkRender(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		req, err := apicall.Render(orderAPI, orderValues, orderTypes)
		if err != nil || len(req.Missing) != 0 {
			b.Fatalf("render: %v, missing %v", err, req.Missing)
		}
	}
}

const orderResponse = `{"order":{"id":"A-1042","status":"shipped","total":129.9,"paid":true,
	"items":[{"sku":"X1","qty":2},{"sku":"Y7","qty":1}],"carrier":{"name":"Correios","eta":"2026-02-03"}},
	"meta":{"requestId":"b7f0","took":12}}`

// BenchmarkMap measures reading five gjson paths of a response into typed
// attributes.
func BenchmarkMap(b *testing.B) {
	mappings := []apicall.Mapping{
		{Path: "order.status", Attribute: "order_status"},
		{Path: "order.total", Attribute: "total"},
		{Path: "order.paid", Attribute: "vip"},
		{Path: "order.items.#", Attribute: "item_count"},
		{Path: "order.carrier.eta", Attribute: "eta"},
	}
	types := apicall.Types{"order_status": attribute.Text, "total": attribute.Number, "vip": attribute.Boolean,
		"item_count": attribute.Number, "eta": attribute.Date}
	b.SetBytes(int64(len(orderResponse)))
	b.ReportAllocs()
	for b.Loop() {
		values, problems := apicall.Map(orderResponse, mappings, types)
		if len(problems) != 0 || len(values) != len(mappings) {
			b.Fatalf("map: %v %v", values, problems)
		}
	}
}
