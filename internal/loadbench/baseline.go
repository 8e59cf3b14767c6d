//go:build linux

package loadbench

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/tidwall/gjson"

	"chatflow/backend/whatsapp"
)

// Baseline is the in-memory reference the product is measured against: a
// bare webhook handler that verifies the signature, parses the body,
// acknowledges it, then (after the answer, like the product) calls the order
// API and posts the reply through the same whatsapp.Client. It stores
// nothing, so a crash loses whatever it acknowledged: that is the price of
// its speed, and the figure the product's durability costs are read against.
type Baseline struct {
	AppSecret string
	OrdersURL string
	Graph     whatsapp.Config
	// HTTP is shared by the order API calls and the Graph API posts.
	HTTP *http.Client
}

// NewBaseline builds a baseline with a pooled HTTP client.
func NewBaseline(appSecret, ordersURL string, graph whatsapp.Config) *Baseline {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 64
	return &Baseline{AppSecret: appSecret, OrdersURL: ordersURL, Graph: graph,
		HTTP: &http.Client{Timeout: 10 * time.Second, Transport: tr}}
}

// Handler serves POST /webhook/whatsapp and GET /healthz.
func (b *Baseline) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	mux.HandleFunc("POST /webhook/whatsapp", b.receive)
	return mux
}

func (b *Baseline) receive(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, whatsapp.MaxBodyBytes))
	if err != nil {
		http.Error(w, "unreadable body", http.StatusBadRequest)
		return
	}
	if !whatsapp.ValidSignature(body, r.Header.Get(whatsapp.SignatureHeader), b.AppSecret) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	n, err := whatsapp.Parse(body)
	if err != nil {
		http.Error(w, "malformed notification", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusOK)
	for _, m := range n.Messages {
		if m.Runs() {
			go b.answer(m)
		}
	}
}

// answer runs the order bot for one message without storing anything.
func (b *Baseline) answer(m whatsapp.Message) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	text := fmt.Sprintf("Order %s: %s", m.Text, orderStatus(ctx, b.HTTP, b.OrdersURL, m.Text))
	out := whatsapp.Outgoing{Kind: whatsapp.KindText, To: m.From.WaID, Text: text}
	// A failed send is simply lost: the baseline keeps nothing to retry.
	_, _ = whatsapp.Client{HTTP: b.HTTP}.Send(ctx, b.Graph, out)
}

// orderStatus asks the order API for order id, as the order bot's API node
// does, and returns its status (downMarker when the call failed).
func orderStatus(ctx context.Context, hc *http.Client, ordersURL, id string) string {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, ordersURL+"/orders/"+url.PathEscape(id), nil)
	if err != nil {
		return downMarker
	}
	resp, err := hc.Do(req)
	if err != nil {
		return downMarker
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil || resp.StatusCode != http.StatusOK {
		return downMarker
	}
	return gjson.GetBytes(raw, "order.status").String()
}

// ServeBaseline runs the baseline on addr until ctx ends, printing
// "webhook: http://ADDR" once it listens (the same contract as chatflow
// serve, so the harness starts both the same way).
func ServeBaseline(ctx context.Context, addr string, b *Baseline, ready io.Writer) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("loadbench: baseline listen: %w", err)
	}
	srv := &http.Server{Handler: b.Handler(), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(ready, "webhook: http://%s\n", l.Addr())
	go func() {
		<-ctx.Done()
		stop, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(stop)
	}()
	if err := srv.Serve(l); err != nil && err != http.ErrServerClosed {
		return fmt.Errorf("loadbench: baseline serve: %w", err)
	}
	return nil
}
