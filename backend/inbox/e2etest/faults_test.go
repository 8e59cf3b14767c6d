package e2etest

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/whatsapp/whatsapptest"
)

// hangingOrders is an order API that never answers orders starting with
// "H" (until the test ends) and answers the others like the world's API.
func hangingOrders(t *testing.T) *httptest.Server {
	stop := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		id := strings.TrimPrefix(r.URL.Path, "/orders/")
		if strings.HasPrefix(id, "H") {
			select {
			case <-stop:
			case <-r.Context().Done():
			}
			return
		}
		rw.Header().Set("Content-Type", "application/json")
		if !strings.HasPrefix(id, "A") {
			rw.WriteHeader(http.StatusNotFound)
			io.WriteString(rw, `{"error":"no such order"}`)
			return
		}
		fmt.Fprintf(rw, `{"order":{"id":%q,"status":"shipped"}}`, id)
	}))
	t.Cleanup(func() { close(stop); srv.Close() })
	return srv
}

// useOrders points the stored "Orders" API at srv with a short timeout.
func (w *world) useOrders(srv *httptest.Server, timeout time.Duration) {
	ctx := context.Background()
	db, err := store.Open(ctx, w.dbPath)
	if err != nil {
		w.t.Fatal(err)
	}
	defer db.Close()
	def, err := db.APIByName(ctx, "Orders")
	if err != nil {
		w.t.Fatal(err)
	}
	def.URL, def.TimeoutMs = srv.URL+"/orders/{{order_id}}", int(timeout/time.Millisecond)
	if _, err := db.SaveAPI(ctx, def); err != nil {
		w.t.Fatal(err)
	}
}

// lastReplyAt polls until phone has n replies and returns when that was
// observed.
func (w *world) lastReplyAt(phone string, n int) time.Time {
	if !w.waitReplies(phone, n) {
		w.t.Errorf("%s: waited in vain for reply %d; got %v", phone, n, w.got(phone))
	}
	return time.Now()
}

func TestServeRidesOutGraphAndOrderAPIFaults(t *testing.T) {
	w := newWorld(t)
	w.useOrders(hangingOrders(t), 1500*time.Millisecond)
	w.start()

	// 1. A refusal Meta will never accept is shown in the conversation with
	// Meta's reason, and the conversation goes on.
	w.graph.FailNext(whatsapptest.Permanent)
	refused := customer{phone: "5511988880001", name: "Refused", order: "A900"}
	w.deliver(whatsapptest.Body(whatsapptest.Inbound{From: refused.phone, Name: refused.name, ID: "wamid.refused.0", Text: "hi"}))
	var shown string
	waitUntil(t, "the refused reply to be marked failed", func() bool {
		shown = failedReason(t, w.dbPath, refused.phone)
		return shown != ""
	})
	if !strings.Contains(shown, "allowed list") {
		t.Errorf("the failed reply shows %q, want Meta's reason", shown)
	}

	// 2. The Graph API is slow and refuses eight requests (429 and 500)
	// while six customers talk: everything arrives once, in order.
	w.graph.SlowDown(150 * time.Millisecond)
	w.graph.FailNext(whatsapptest.Throttled, whatsapptest.ServerError, whatsapptest.Throttled, whatsapptest.ServerError,
		whatsapptest.ServerError, whatsapptest.Throttled, whatsapptest.ServerError, whatsapptest.Throttled)
	heal := time.AfterFunc(2*time.Second, func() { w.graph.SlowDown(0) })
	defer heal.Stop()
	cs := customers(6)
	w.talk(cs)
	dups, missing := w.check(cs)
	retried := retriedSends(t, w.dbPath)
	if dups != 0 || missing != 0 {
		t.Fatalf("graph faults: %d duplicated, %d missing", dups, missing)
	}
	if retried == 0 {
		t.Error("no reply was recorded as retried, yet the Graph API refused eight requests")
	}

	// 3. The order API hangs for two customers: their lookups time out and
	// take the flow's "others" branch, and meanwhile four other customers
	// are answered in full.
	hung := []customer{{phone: "5511977770001", name: "Hung 1", order: "H001"}, {phone: "5511977770002", name: "Hung 2", order: "H002"}}
	fresh := []customer{}
	for i, c := range customers(10)[6:] {
		c.phone = fmt.Sprintf("55119666%05d", i)
		fresh = append(fresh, c)
	}
	var mu sync.Mutex
	var lastFresh, firstHungAnswer time.Time
	var wg sync.WaitGroup
	for _, c := range hung {
		wg.Go(func() {
			w.say(c, 0, "hi", "")
			w.say(c, 1, "Track order", "track")
			w.say(c, 2, c.order, "")
			at := w.lastReplyAt(c.phone, 3)
			mu.Lock()
			if firstHungAnswer.IsZero() || at.Before(firstHungAnswer) {
				firstHungAnswer = at
			}
			mu.Unlock()
		})
	}
	time.Sleep(200 * time.Millisecond) // the hung lookups are in flight
	for _, c := range fresh {
		wg.Go(func() {
			w.converse(c)
			at := time.Now()
			mu.Lock()
			if at.After(lastFresh) {
				lastFresh = at
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	if !lastFresh.Before(firstHungAnswer) {
		t.Errorf("the other customers finished at %s, after the first timed-out lookup was answered at %s: they waited",
			lastFresh.Format(time.StampMilli), firstHungAnswer.Format(time.StampMilli))
	}
	time.Sleep(300 * time.Millisecond)
	for _, c := range hung {
		want := []string{
			"button: Welcome " + c.name + "! What do you need? [Track order|Talk to us]",
			"text: What is your order number?",
			"text: Our order system is down, please try later.",
			"text: Thanks for writing!",
		}
		if got := w.got(c.phone); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s received:\n  %s\nwant:\n  %s", c.phone, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
	}
	if d, m := w.check(fresh); d != 0 || m != 0 {
		t.Errorf("fresh customers: %d duplicated, %d missing", d, m)
	}
	timeouts := timedOutCalls(t, w.dbPath)
	if timeouts != len(hung) {
		t.Errorf("the call log holds %d failed Orders calls, want %d", timeouts, len(hung))
	}
	t.Logf("figures: refused reply shown as %q; %d replies retried after 429/500; %d timed-out lookups logged; "+
		"other customers done %s before the first timeout answer",
		shown, retried, timeouts, firstHungAnswer.Sub(lastFresh).Round(time.Millisecond))
}

// say posts one customer message and waits for the bot's answer count.
func (w *world) say(c customer, i int, text, replyID string) {
	w.deliver(whatsapptest.Body(whatsapptest.Inbound{From: c.phone, Name: c.name, ID: fmt.Sprintf("wamid.%s.%d", c.phone, i),
		Text: text, ReplyID: replyID}))
	want := map[int]int{0: 1, 1: 2, 2: 0}[i]
	if want > 0 && !w.waitReplies(c.phone, want) {
		w.t.Errorf("%s: waited in vain for reply %d; got %v", c.phone, want, w.got(c.phone))
	}
}

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// readDB runs fn on a read-only view of the live database (WAL lets it
// read alongside the running process).
func readDB(t *testing.T, path string, fn func(db *store.DB) error) {
	t.Helper()
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := fn(db); err != nil {
		t.Fatal(err)
	}
}

// failedReason is the error shown on a failed bot message to phone.
func failedReason(t *testing.T, path, phone string) string {
	var reason string
	readDB(t, path, func(db *store.DB) error {
		err := db.R.QueryRow(`SELECT m.error FROM messages m JOIN contacts c ON c.id = m.contact_id
			WHERE c.wa_id = ? AND m.direction = 'out' AND m.status = 'failed' LIMIT 1`, phone).Scan(&reason)
		if err != nil && !strings.Contains(err.Error(), "no rows") {
			return err
		}
		return nil
	})
	return reason
}

// retriedSends counts outbox rows that needed more than one attempt.
func retriedSends(t *testing.T, path string) int {
	var n int
	readDB(t, path, func(db *store.DB) error {
		return db.R.QueryRow(`SELECT COUNT(*) FROM messages WHERE direction = 'out' AND attempts > 1`).Scan(&n)
	})
	return n
}

// timedOutCalls counts live Orders calls that got no HTTP answer.
func timedOutCalls(t *testing.T, path string) int {
	var n int
	readDB(t, path, func(db *store.DB) error {
		return db.R.QueryRow(`SELECT COUNT(*) FROM api_call_log WHERE api_name = 'Orders' AND status = 0 AND error <> ''`).Scan(&n)
	})
	return n
}
