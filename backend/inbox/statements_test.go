package inbox_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/engine"
	"chatflow/backend/flow"
	"chatflow/backend/inbox"
	"chatflow/backend/store"
	"chatflow/backend/whatsapp/whatsapptest"
)

// callLogOff is the live bot's API store without the call log, which the
// process writes in the background, many entries per statement
// (store.DB.InsertCallLogs has a test of its own).
type callLogOff struct{ db *store.DB }

func (c callLogOff) APIByName(ctx context.Context, name string) (apicall.Definition, error) {
	return c.db.LiveAPI(ctx, name)
}
func (c callLogOff) Attributes(ctx context.Context) ([]attribute.Definition, error) {
	return c.db.LiveAttributes(ctx)
}
func (c callLogOff) InsertCallLog(context.Context, apicall.LogEntry) (int64, error) { return 0, nil }

// The order bot (any message -> an API call -> one reply) costs at most six
// statements a message from the webhook to the recorded send, even one
// message at a time (no batching): the message's row, the turn's read, the
// turn's commit (the row done, the session, the reply), the reply recorded
// sent.
func TestTheOrderBotCostsAtMostSixStatementsAMessage(t *testing.T) {
	orders := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"order":{"status":"shipped"}}`)
	}))
	defer orders.Close()
	h := newHarness(t)
	h.stop()
	ctx := context.Background()
	if err := h.db.CreateAttribute(ctx, attribute.Definition{Name: "order_status", Type: attribute.Text}); err != nil {
		t.Fatal(err)
	}
	if _, err := h.db.SaveAPI(ctx, apicall.Definition{Name: "Orders", Method: "GET", URL: orders.URL + "/orders/{{message.text}}",
		Mappings: []apicall.Mapping{{Path: "order.status", Attribute: "order_status"}}}); err != nil {
		t.Fatal(err)
	}
	n := func(id, typ string, d flow.NodeData) flow.Node { return flow.Node{ID: id, Type: typ, Data: d} }
	e := func(src, handle, dst string) flow.Edge {
		return flow.Edge{ID: src + handle, Source: src, SourceHandle: handle, Target: dst}
	}
	f, err := h.db.CreateFlow(ctx, flow.Flow{Name: "Order bot", Nodes: []flow.Node{
		n("start", flow.TypeStart, flow.NodeData{}),
		n("lookup", flow.TypeAPI, flow.NodeData{API: "Orders", Routes: []string{"200"}}),
		n("reply", flow.TypeMessage, flow.NodeData{Text: "Order {{message.text}}: {{order_status}}"}),
		n("down", flow.TypeMessage, flow.NodeData{Text: "down"}),
	}, Edges: []flow.Edge{e("start", "out", "lookup"), e("lookup", "200", "reply"), e("lookup", "others", "down")}},
		store.FlowCheck{Valid: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := h.db.PublishFlow(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	eng := engine.New(engine.Deps{Flows: inbox.LiveFlows(h.db), Attributes: h.db.LiveAttributes,
		APIs: apicall.NewRunner(callLogOff{h.db}, nil, nil)})
	h.start(eng, func(o *inbox.Options) { o.Poll = time.Hour }) // no background polls during the count
	// One message first, so the contacts exist and the definitions are
	// cached, as in a running bot.
	const contacts, rounds = 8, 5
	post := func(round, c int) {
		from := fmt.Sprintf("4477%04d", c)
		h.post(whatsapptest.Body(whatsapptest.Inbound{From: from, Name: "C", ID: fmt.Sprintf("wamid.%d.%d", round, c),
			Text: fmt.Sprintf("A%d", round*100+c)}))
		h.received(from, round+1)
	}
	for c := range contacts {
		post(0, c)
	}
	waitFor(t, "the first replies recorded sent", func() bool { return h.events.count("inbox:status out sent") == contacts })

	var mu sync.Mutex
	seen := map[string]int{}
	var count int
	h.db.OnStatement(func(q string) {
		if strings.Contains(q, "wal_checkpoint") {
			return // the background checkpoints run every 250 ms, whatever the load
		}
		mu.Lock()
		seen[strings.Join(strings.Fields(q), " ")]++
		count++
		mu.Unlock()
	})
	for round := 1; round <= rounds; round++ {
		for c := range contacts {
			post(round, c)
		}
	}
	waitFor(t, "every reply recorded sent", func() bool {
		return h.events.count("inbox:status out sent") == contacts*(rounds+1)
	})
	h.db.OnStatement(nil)
	mu.Lock()
	perMessage := float64(count) / float64(contacts*rounds)
	mu.Unlock()
	if perMessage > 6 {
		mu.Lock()
		var lines []string
		for q, k := range seen {
			lines = append(lines, fmt.Sprintf("%5d  %.110s", k, q))
		}
		mu.Unlock()
		sort.Strings(lines)
		t.Fatalf("%.2f statements a message (%d for %d messages), want at most 6:\n%s",
			perMessage, count, contacts*rounds, strings.Join(lines, "\n"))
	}
	t.Logf("%.2f statements a message, one message at a time", perMessage)

	// Meta's statuses for the replies (by their id) join the statements
	// checked below.
	h.db.OnStatement(func(q string) {
		mu.Lock()
		seen[strings.Join(strings.Fields(q), " ")]++
		mu.Unlock()
	})
	for _, r := range h.graph.Accepted()[:4] {
		h.post(whatsapptest.StatusBody(r.ID, "delivered", r.To, time.Now()))
	}
	h.post(whatsapptest.StatusBody("wamid.unknown", "delivered", "44770000", time.Now()))
	h.db.OnStatement(nil)

	// None of them walks a table: the queues and the history grow, and a
	// statement on the path of every message must not grow with them.
	for q := range seen {
		rows, err := h.db.R.Query(`EXPLAIN QUERY PLAN `+q, make([]any, strings.Count(q, "?"))...)
		if err != nil {
			t.Fatalf("explain %q: %v", q, err)
		}
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(detail, "SCAN ") && !strings.Contains(detail, "VIRTUAL TABLE") &&
				!strings.Contains(detail, "json_each") && !strings.Contains(detail, "USING INDEX") &&
				!strings.Contains(detail, "USING COVERING INDEX") {
				t.Errorf("%s\n  in: %.200s", detail, q)
			}
		}
		rows.Close()
	}
}
