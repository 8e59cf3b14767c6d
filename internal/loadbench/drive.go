//go:build linux

package loadbench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"chatflow/backend/whatsapp"
	"chatflow/backend/whatsapp/whatsapptest"
)

// Driver posts signed webhooks for a set of contacts, the way Meta does:
// a message that is not acknowledged with 200 is posted again.
type Driver struct {
	// Webhook is the base URL of the listener (the "webhook: " line).
	Webhook   string
	AppSecret string
	Contacts  int
	Tally     *Tally
	HTTP      *http.Client
	// ReplyTimeout bounds the wait for one reply in the closed loop.
	ReplyTimeout time.Duration
	// Redeliveries counts repeated posts (answers other than 200).
	Redeliveries atomic.Int64
}

// NewDriver builds a driver with a pooled HTTP client.
func NewDriver(webhook, appSecret string, contacts int, t *Tally) *Driver {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 256
	tr.MaxIdleConns = 256
	return &Driver{Webhook: webhook, AppSecret: appSecret, Contacts: contacts, Tally: t,
		HTTP: &http.Client{Timeout: 10 * time.Second, Transport: tr}, ReplyTimeout: 30 * time.Second}
}

// Phone is the WhatsApp id of contact i.
func Phone(i int) string { return fmt.Sprintf("55119%07d", i) }

// Post sends message seq from contact and returns once the webhook
// acknowledged it, redelivering until ctx ends. It reports whether it was
// acknowledged.
func (d *Driver) Post(ctx context.Context, seq, contact int) bool {
	body := whatsapptest.Body(whatsapptest.Inbound{From: Phone(contact), Name: fmt.Sprintf("Customer %d", contact),
		ID: fmt.Sprintf("wamid.lb.%d", seq), Text: Text(seq)})
	sig := whatsapp.Sign(body, d.AppSecret)
	d.Tally.Sent(seq, time.Now())
	for attempt := 0; ; attempt++ {
		if attempt > 0 {
			d.Redeliveries.Add(1)
			select {
			case <-ctx.Done():
				return false
			case <-time.After(50 * time.Millisecond):
			}
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, d.Webhook+"/webhook/whatsapp", bytes.NewReader(body))
		if err != nil {
			return false
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set(whatsapp.SignatureHeader, sig)
		resp, err := d.HTTP.Do(req)
		if err != nil {
			if ctx.Err() != nil {
				return false
			}
			continue
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			d.Tally.Acked(seq, time.Now())
			return true
		}
	}
}

// Phase is what one load phase did: the sequence numbers it used and how
// long it took until its last reply.
type Phase struct {
	From, To int
	Elapsed  time.Duration
}

// Closed keeps inFlight messages outstanding (posted and not yet answered)
// for duration: each worker takes a free contact, posts, waits for the
// reply, and starts over. A contact has one message in flight at a time.
func (d *Driver) Closed(ctx context.Context, inFlight int, duration time.Duration) Phase {
	free := make(chan int, d.Contacts)
	for i := range d.Contacts {
		free <- i
	}
	from := d.Tally.Taken()
	start := time.Now()
	deadline := start.Add(duration)
	var wg sync.WaitGroup
	for range inFlight {
		wg.Go(func() {
			for time.Now().Before(deadline) && ctx.Err() == nil {
				seq, ok := d.Tally.Take()
				if !ok {
					return
				}
				c := <-free
				if d.Post(ctx, seq, c) {
					select {
					case <-d.Tally.Done(seq):
					case <-time.After(d.ReplyTimeout):
					case <-ctx.Done():
					}
				}
				free <- c
			}
		})
	}
	wg.Wait()
	to := d.Tally.Taken()
	return Phase{From: from, To: to, Elapsed: d.Tally.LastReply(from, to).Sub(start)}
}

// Paced posts rate messages per second for duration on a fixed schedule,
// whatever the answers (an open loop, as customers write), contacts taken
// in turn, then waits up to the reply timeout for the last replies.
func (d *Driver) Paced(ctx context.Context, rate int, duration time.Duration) Phase {
	interval := time.Second / time.Duration(rate)
	n := int(duration / interval)
	from := d.Tally.Taken()
	start := time.Now()
	var wg sync.WaitGroup
	for i := range n {
		if wait := time.Until(start.Add(time.Duration(i) * interval)); wait > 0 {
			select {
			case <-ctx.Done():
			case <-time.After(wait):
			}
		}
		if ctx.Err() != nil {
			break
		}
		seq, ok := d.Tally.Take()
		if !ok {
			break
		}
		wg.Go(func() { d.Post(ctx, seq, seq%d.Contacts) })
	}
	wg.Wait()
	to := d.Tally.Taken()
	d.WaitReplies(ctx, from, to)
	return Phase{From: from, To: to, Elapsed: d.Tally.LastReply(from, to).Sub(start)}
}

// Flood keeps inFlight posts outstanding for duration without waiting for
// replies, contacts taken in turn: Meta delivering faster than the bot
// answers. Whatever the target acknowledges faster than it replies becomes
// its backlog. Elapsed is the posting time.
func (d *Driver) Flood(ctx context.Context, inFlight int, duration time.Duration) Phase {
	from := d.Tally.Taken()
	start := time.Now()
	deadline := start.Add(duration)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range inFlight {
		wg.Go(func() {
			for time.Now().Before(deadline) && ctx.Err() == nil {
				seq, ok := d.Tally.Take()
				if !ok {
					return
				}
				d.Post(ctx, seq, int(next.Add(1))%d.Contacts)
			}
		})
	}
	wg.Wait()
	return Phase{From: from, To: d.Tally.Taken(), Elapsed: time.Since(start)}
}

// WaitReplies waits until every acknowledged message in [from, to) has its
// reply, or the reply timeout passes.
func (d *Driver) WaitReplies(ctx context.Context, from, to int) {
	deadline := time.After(d.ReplyTimeout)
	for i := from; i < to; i++ {
		if d.Tally.slots[i].acked.Load() == 0 {
			continue
		}
		select {
		case <-d.Tally.Done(i):
		case <-deadline:
			return
		case <-ctx.Done():
			return
		}
	}
}
