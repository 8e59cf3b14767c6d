package whatsapptest

import (
	"bytes"
	"net/http"
	"sync"
	"time"

	"chatflow/backend/whatsapp"
)

// Hook makes the fake behave like Meta after it accepts a message: it posts
// the "sent" and then "delivered" status webhooks (with the message's
// biz_opaque_callback_data), signed with appSecret, to url, retrying every
// 100ms until the webhook answers 200, as Meta redelivers. Statuses are
// posted in order, one at a time. Close stops it.
func (g *Graph) Hook(url, appSecret string) {
	h := &hook{url: url, secret: appSecret, wake: make(chan struct{}, 1), done: make(chan struct{})}
	g.mu.Lock()
	g.hook = h
	g.mu.Unlock()
	go h.run()
}

// Close stops the status poster and the server.
func (g *Graph) Close() {
	g.mu.Lock()
	h := g.hook
	g.mu.Unlock()
	if h != nil {
		h.stop()
	}
	g.Server.Close()
}

// Posted reports how many status webhooks the webhook accepted, and how
// many attempts were refused or failed (while it was down).
func (g *Graph) Posted() (ok, failed int) {
	g.mu.Lock()
	h := g.hook
	g.mu.Unlock()
	if h == nil {
		return 0, 0
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.ok, h.failed
}

type hook struct {
	url, secret string
	mu          sync.Mutex
	queue       [][]byte
	ok, failed  int
	wake        chan struct{}
	done        chan struct{}
	once        sync.Once
}

func (h *hook) statuses(wamid, to, callback string) {
	now := time.Now()
	h.mu.Lock()
	for _, st := range []string{whatsapp.StatusSent, whatsapp.StatusDelivered} {
		h.queue = append(h.queue, statusBody(wamid, st, to, callback, now))
	}
	h.mu.Unlock()
	select {
	case h.wake <- struct{}{}:
	default:
	}
}

// post queues one webhook body.
func (h *hook) post(body []byte) {
	h.mu.Lock()
	h.queue = append(h.queue, body)
	h.mu.Unlock()
	select {
	case h.wake <- struct{}{}:
	default:
	}
}

func (h *hook) stop() { h.once.Do(func() { close(h.done) }) }

func (h *hook) run() {
	client := &http.Client{Timeout: 5 * time.Second}
	for {
		h.mu.Lock()
		var next []byte
		if len(h.queue) > 0 {
			next = h.queue[0]
		}
		h.mu.Unlock()
		if next == nil {
			select {
			case <-h.done:
				return
			case <-h.wake:
			}
			continue
		}
		req, _ := http.NewRequest(http.MethodPost, h.url, bytes.NewReader(next))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set(whatsapp.SignatureHeader, whatsapp.Sign(next, h.secret))
		resp, err := client.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		h.mu.Lock()
		if err == nil && resp.StatusCode == http.StatusOK {
			h.ok++
			h.queue = h.queue[1:]
			h.mu.Unlock()
			continue
		}
		h.failed++
		h.mu.Unlock()
		select {
		case <-h.done:
			return
		case <-time.After(100 * time.Millisecond):
		}
	}
}
