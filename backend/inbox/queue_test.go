package inbox_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"chatflow/backend/engine"
	"chatflow/backend/inbox"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
	"chatflow/backend/whatsapp/whatsapptest"
)

func TestRedeliveriesAreProcessedOnce(t *testing.T) {
	h := newHarness(t)
	body := whatsapptest.Body(whatsapptest.Inbound{From: "111", Name: "Ana", ID: "wamid.dup", Text: "hi"})
	first := h.post(body)
	second := h.post(body)
	if first.Queued != 1 || second.Queued != 0 || second.Duplicates != 1 {
		t.Fatalf("first %+v, second %+v", first, second)
	}
	h.received("111", 1)
	time.Sleep(100 * time.Millisecond)
	if n := len(h.graph.AcceptedTo("111")); n != 1 {
		t.Fatalf("a redelivered message was answered %d times", n)
	}
}

func TestStaleMessagesAreStoredButNotRun(t *testing.T) {
	tests := []struct {
		name  string
		age   time.Duration
		limit time.Duration
		state string
	}{
		{"fresh", time.Minute, 0, store.InboundDone},
		{"older than the default 10 minutes", 11 * time.Minute, 0, store.InboundStale},
		{"within a longer limit", 11 * time.Minute, time.Hour, store.InboundDone},
		{"older than a shorter limit", 2 * time.Minute, time.Minute, store.InboundStale},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.stale = tt.limit
			h.post(whatsapptest.Body(whatsapptest.Inbound{From: "222", Name: "Bo", ID: "wamid.s", Text: "hi", At: time.Now().Add(-tt.age)}))
			waitFor(t, "the message to be worked", func() bool { return h.inboxStates()["wamid.s"] != store.MessageReceived })
			if got := h.inboxStates()["wamid.s"]; got != tt.state {
				t.Fatalf("state = %s, want %s", got, tt.state)
			}
			c, _ := storetest.ContactByWaID(t, h.db, "222")
			msgs, _ := h.db.Messages(context.Background(), c.ID, 0, 10)
			if msgs[0].Text != "hi" || msgs[0].Status != tt.state {
				t.Fatalf("conversation row = %+v", msgs[0])
			}
			answered := len(h.graph.Accepted()) > 0 || len(msgs) > 1
			if answered != (tt.state == store.InboundDone) {
				t.Fatalf("answered = %v for state %s", answered, tt.state)
			}
		})
	}
}

func TestOrderPerContactAndParallelContacts(t *testing.T) {
	var mu sync.Mutex
	seen := map[int64][]string{}
	running, peak := 0, 0
	slow := funcEngine(func(ctx context.Context, s engine.Session, in engine.Inbound) (engine.Turn, error) {
		mu.Lock()
		running++
		peak = max(peak, running)
		seen[s.ContactID] = append(seen[s.ContactID], in.Text)
		mu.Unlock()
		time.Sleep(20 * time.Millisecond)
		mu.Lock()
		running--
		mu.Unlock()
		return engine.Turn{Session: s, State: engine.StateWait, Replies: []engine.Reply{{Type: "text", Text: "echo " + in.Text}}}, nil
	})
	h := newHarness(t, func(o *inbox.Options) { o.Engine, o.Workers = slow, 3 })

	const contacts, perContact = 5, 6
	var batch []whatsapptest.Inbound
	for i := range perContact {
		for c := range contacts {
			batch = append(batch, whatsapptest.Inbound{From: fmt.Sprintf("10%d", c), Name: "C", ID: fmt.Sprintf("wamid.%d.%d", c, i), Text: fmt.Sprint(i)})
		}
	}
	h.post(whatsapptest.Body(batch...))
	for c := range contacts {
		got := h.received(fmt.Sprintf("10%d", c), perContact)
		for i, r := range got {
			if r.Text != fmt.Sprint("echo ", i) {
				t.Fatalf("contact %d reply %d = %q: out of order", c, i, r.Text)
			}
		}
	}
	mu.Lock()
	defer mu.Unlock()
	for id, texts := range seen {
		for i, text := range texts {
			if text != fmt.Sprint(i) {
				t.Fatalf("contact %d handled %v: out of order", id, texts)
			}
		}
	}
	if peak < 2 || peak > 3 {
		t.Fatalf("peak concurrency %d, want 2 or 3 (parallel contacts, bounded pool of 3)", peak)
	}
}

func TestEngineErrorsAreRetriedThenGivenUp(t *testing.T) {
	var mu sync.Mutex
	calls := map[string]int{}
	flaky := funcEngine(func(ctx context.Context, s engine.Session, in engine.Inbound) (engine.Turn, error) {
		mu.Lock()
		defer mu.Unlock()
		calls[in.Text]++
		switch {
		case in.Text == "broken":
			return engine.Turn{}, errors.New("engine: load published flow: disk I/O error")
		case in.Text == "panics":
			panic("a bad node")
		case in.Text == "flaky" && calls[in.Text] < 3:
			return engine.Turn{}, errors.New("engine: load attributes: database is locked")
		}
		return engine.Turn{Session: s, State: engine.StateEnd, Replies: []engine.Reply{{Type: "text", Text: "ok " + in.Text}}}, nil
	})
	h := newHarness(t, func(o *inbox.Options) { o.Engine = flaky })
	h.post(whatsapptest.Body(
		whatsapptest.Inbound{From: "301", ID: "wamid.flaky", Text: "flaky"},
		whatsapptest.Inbound{From: "302", ID: "wamid.broken", Text: "broken"},
		whatsapptest.Inbound{From: "303", ID: "wamid.panics", Text: "panics"},
		whatsapptest.Inbound{From: "302", ID: "wamid.after", Text: "after"},
	))
	h.received("301", 1)
	h.received("302", 1) // the message behind the broken one still runs once it is given up
	waitFor(t, "all messages closed", func() bool {
		s := h.inboxStates()
		return s["wamid.broken"] == store.InboundFailed && s["wamid.panics"] == store.InboundFailed && s["wamid.after"] == store.InboundDone
	})
	mu.Lock()
	defer mu.Unlock()
	if calls["flaky"] != 3 || calls["broken"] != 5 || calls["panics"] != 5 {
		t.Fatalf("attempts = %v; want flaky 3, broken and panics 5", calls)
	}
	in := storetest.MessageByWaID(t, h.db, "wamid.broken")
	if in.Error != "not answered: engine: load published flow: disk I/O error" {
		t.Fatalf("reason kept = %q", in.Error)
	}
}

// A message that arrives while its contact's worker is running a turn is
// answered right after that turn, not at the next poll: the worker may
// have read the queue before the new message was committed.
func TestAMessageArrivingDuringATurnIsNotLeftForThePoll(t *testing.T) {
	inTurn, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	slowFirst := funcEngine(func(ctx context.Context, s engine.Session, in engine.Inbound) (engine.Turn, error) {
		if in.Text == "first" {
			once.Do(func() { close(inTurn) })
			<-release
		}
		return engine.Turn{Session: s, State: engine.StateWait, Replies: []engine.Reply{{Type: "text", Text: "echo " + in.Text}}}, nil
	})
	h := newHarness(t, func(o *inbox.Options) { o.Engine, o.Poll = slowFirst, time.Hour })
	h.post(whatsapptest.Body(whatsapptest.Inbound{From: "401", ID: "wamid.first", Text: "first"}))
	<-inTurn
	h.post(whatsapptest.Body(whatsapptest.Inbound{From: "401", ID: "wamid.second", Text: "second"}))
	close(release)
	got := h.received("401", 2)
	if got[0].Text != "echo first" || got[1].Text != "echo second" {
		t.Fatalf("replies %q, %q; want first then second", got[0].Text, got[1].Text)
	}
}
