package e2etest

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"chatflow/backend/whatsapp/whatsapptest"
)

// customer is one person writing to the bot: "hi", then the "Track order"
// button, then an order number (A... exists, anything else does not).
type customer struct {
	phone, name, order string
}

func customers(n int) []customer {
	out := make([]customer, n)
	for i := range out {
		order := fmt.Sprintf("A%03d", i)
		if i%3 == 2 {
			order = fmt.Sprintf("Z%03d", i)
		}
		out[i] = customer{phone: fmt.Sprintf("551199990%04d", i), name: fmt.Sprintf("Customer %d", i), order: order}
	}
	return out
}

// expected is exactly what the customer must receive, in order.
func (c customer) expected() []string {
	answer := "text: Order " + c.order + ": shipped"
	if !strings.HasPrefix(c.order, "A") {
		answer = "text: We could not find order " + c.order + "."
	}
	return []string{
		"button: Welcome " + c.name + "! What do you need? [Track order|Talk to us]",
		"text: What is your order number?",
		answer,
		"text: Thanks for writing!",
	}
}

// converse plays the customer's side, answering each time the bot has.
func (w *world) converse(c customer) {
	steps := []struct {
		in      whatsapptest.Inbound
		replies int
	}{
		{whatsapptest.Inbound{Text: "hi"}, 1},
		{whatsapptest.Inbound{Text: "Track order", ReplyID: "track"}, 2},
		{whatsapptest.Inbound{Text: c.order}, 4},
	}
	for i, s := range steps {
		s.in.From, s.in.Name, s.in.ID = c.phone, c.name, fmt.Sprintf("wamid.%s.%d", c.phone, i)
		w.deliver(whatsapptest.Body(s.in))
		if !w.waitReplies(c.phone, s.replies) {
			w.t.Errorf("%s: waited in vain for reply %d; got %v", c.phone, s.replies, w.got(c.phone))
			return
		}
	}
}

func (w *world) got(phone string) []string {
	var out []string
	for _, r := range w.graph.AcceptedTo(phone) {
		s := r.Type + ": " + r.Text
		if len(r.Options) > 0 {
			s += " [" + strings.Join(r.Options, "|") + "]"
		}
		out = append(out, s)
	}
	return out
}

// check compares what every customer received with what they should have,
// and returns the number of duplicated and missing replies.
func (w *world) check(cs []customer) (dups, missing int) {
	w.t.Helper()
	time.Sleep(500 * time.Millisecond) // anything sent late would show now
	for _, c := range cs {
		got, want := w.got(c.phone), c.expected()
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			w.t.Errorf("%s received:\n  %s\nwant:\n  %s", c.phone, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
		seen := map[string]int{}
		for _, g := range got {
			seen[g]++
		}
		for _, e := range want {
			if seen[e] == 0 {
				missing++
			}
			if seen[e] > 1 {
				dups += seen[e] - 1
			}
		}
	}
	return dups, missing
}

func (w *world) talk(cs []customer) {
	var wg sync.WaitGroup
	for _, c := range cs {
		wg.Add(1)
		go func() { defer wg.Done(); w.converse(c) }()
	}
	wg.Wait()
}

func TestServeAnswersSignedWebhooks(t *testing.T) {
	w := newWorld(t)
	w.start()

	// Meta's verification handshake and the health check.
	resp, err := http.Get("http://" + w.addr + "/webhook/whatsapp?hub.mode=subscribe&hub.verify_token=" + verifyToken + "&hub.challenge=8675309")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(body) != "8675309" {
		t.Fatalf("handshake = %d %q", resp.StatusCode, body)
	}
	resp, err = http.Post("http://"+w.addr+"/webhook/whatsapp", "application/json", strings.NewReader(`{"object":"whatsapp_business_account"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("unsigned post = %d, want 401", resp.StatusCode)
	}

	cs := customers(6)
	start := time.Now()
	w.talk(cs)
	dups, missing := w.check(cs)
	ok, _ := w.graph.Posted()
	t.Logf("figures: %d customers, %d customer messages, %d replies expected, %d delivered, %d duplicated, %d missing, %d status webhooks, %s",
		len(cs), 3*len(cs), 4*len(cs), len(w.graph.Accepted()), dups, missing, ok, time.Since(start).Round(time.Millisecond))
}

func TestServeRetriesWhileTheGraphAPIFails(t *testing.T) {
	w := newWorld(t)
	w.start()
	w.graph.FailNext(whatsapptest.Throttled, whatsapptest.ServerError, whatsapptest.ServerError, whatsapptest.Throttled,
		whatsapptest.ServerError, whatsapptest.Throttled, whatsapptest.ServerError, whatsapptest.Throttled)
	cs := customers(4)
	start := time.Now()
	w.talk(cs)
	dups, missing := w.check(cs)
	failed := len(w.graph.All()) - len(w.graph.Accepted())
	if failed != 8 {
		t.Errorf("the Graph API refused %d requests, want 8", failed)
	}
	t.Logf("figures: %d customers, %d replies expected, %d delivered after %d refusals (429/500), %d duplicated, %d missing, %s",
		len(cs), 4*len(cs), len(w.graph.Accepted()), failed, dups, missing, time.Since(start).Round(time.Millisecond))
}

func TestServeKilledMidConversationLosesNothingAndRepeatsNothing(t *testing.T) {
	w := newWorld(t)
	w.start()
	cs := customers(16)
	total := 4 * len(cs)

	var killedAt int
	var downFor time.Duration
	done := make(chan struct{})
	go func() {
		defer close(done)
		for len(w.graph.Accepted()) < total/3 {
			time.Sleep(2 * time.Millisecond)
		}
		killedAt = len(w.graph.Accepted())
		w.kill() // SIGKILL in the middle of the conversations
		down := time.Now()
		time.Sleep(700 * time.Millisecond)
		w.start()
		downFor = time.Since(down)
	}()
	start := time.Now()
	w.talk(cs)
	<-done
	dups, missing := w.check(cs)
	parked := strings.Count(w.logs.String(), "wait for Meta's status")
	ok, refused := w.graph.Posted()
	t.Logf("figures: %d customers, %d customer messages in %d webhook deliveries (%d redelivered while down), "+
		"killed after %d of %d replies, down %s (restart included), %d replies delivered, %d duplicated, %d missing, "+
		"%d status webhooks (%d refused while down), interrupted-send notices %d, %s in all",
		len(cs), 3*len(cs), w.posts, w.retries, killedAt, total, downFor.Round(time.Millisecond), len(w.graph.Accepted()),
		dups, missing, ok, refused, parked, time.Since(start).Round(time.Millisecond))
	if dups != 0 || missing != 0 {
		t.Fatalf("%d duplicated and %d missing replies", dups, missing)
	}
}
