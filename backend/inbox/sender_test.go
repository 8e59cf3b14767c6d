package inbox_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"chatflow/backend/engine"
	"chatflow/backend/inbox"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
	"chatflow/backend/whatsapp"
	"chatflow/backend/whatsapp/whatsapptest"
)

// echo answers every message with replies built from its text.
func echo(replies ...engine.Reply) funcEngine {
	return func(ctx context.Context, s engine.Session, in engine.Inbound) (engine.Turn, error) {
		out := make([]engine.Reply, len(replies))
		for i, r := range replies {
			r.Text = strings.ReplaceAll(r.Text, "$", in.Text)
			out[i] = r
		}
		return engine.Turn{Session: s, State: engine.StateEnd, Replies: out}, nil
	}
}

func TestRetriesUntilTheGraphAPIRecovers(t *testing.T) {
	h := newHarness(t, func(o *inbox.Options) {
		o.Engine = echo(engine.Reply{Type: "text", Text: "1 $"}, engine.Reply{Type: "text", Text: "2 $"})
	})
	h.graph.FailNext(whatsapptest.Throttled, whatsapptest.ServerError, whatsapptest.Throttled, whatsapptest.ServerError)
	h.post(whatsapptest.Body(whatsapptest.Inbound{From: "401", ID: "wamid.r1", Text: "a"}))
	got := h.received("401", 2)
	if got[0].Text != "1 a" || got[1].Text != "2 a" {
		t.Fatalf("delivered %v; want both, in order", got)
	}
	if n := len(h.graph.All()); n != 6 {
		t.Fatalf("%d requests, want 4 failed and 2 accepted", n)
	}
	if first := storetest.Outgoing(t, h.db, "401")[0]; first.Status != store.MessageSent || first.Attempts != 5 || first.Error != "" {
		t.Fatalf("first reply = %+v; want sent at the fifth attempt", first)
	}
	// Each failure was announced with its attempt, reason and next time,
	// so the inbox shows "retrying" rather than a silent "queued".
	retries := h.events.retrying()
	if len(retries) != 4 {
		t.Fatalf("%d retry events, want 4: %+v", len(retries), retries)
	}
	for i, v := range retries {
		if v.Attempts != i+1 || v.Error == "" || v.RetryAt == "" || v.Text != "1 a" {
			t.Fatalf("retry event %d = %+v", i+1, v)
		}
	}
}

func TestPermanentFailureIsShownAndTheNextMessageGoes(t *testing.T) {
	h := newHarness(t, func(o *inbox.Options) {
		o.Engine = echo(engine.Reply{Type: "text", Text: "first"}, engine.Reply{Type: "text", Text: "second"})
	})
	h.graph.FailNext(whatsapptest.Permanent)
	h.post(whatsapptest.Body(whatsapptest.Inbound{From: "402", ID: "wamid.p1", Text: "a"}))
	got := h.received("402", 1)
	if got[0].Text != "second" {
		t.Fatalf("delivered %v; want only the second", got)
	}
	c, _ := storetest.ContactByWaID(t, h.db, "402")
	waitFor(t, "the failure to be recorded", func() bool {
		msgs, _ := h.db.Messages(context.Background(), c.ID, 0, 10)
		return len(msgs) == 3 && msgs[1].Status == store.MessageFailed
	})
	msgs, _ := h.db.Messages(context.Background(), c.ID, 0, 10)
	if want := "(#131030) Recipient phone number not in allowed list: Add the number to the allowed list."; msgs[1].Error != want {
		t.Fatalf("failure reason %q, want Meta's %q", msgs[1].Error, want)
	}
	if h.events.count("inbox:status out failed") != 1 {
		t.Fatal("no live event for the failure")
	}
}

func TestUnsentRepliesAreSentAfterARestart(t *testing.T) {
	down := whatsapptest.ServerError
	h := newHarness(t, func(o *inbox.Options) {
		o.Engine = echo(engine.Reply{Type: "text", Text: "reply $"})
		o.RetryBase, o.RetryMax = time.Hour, time.Hour // the first failure parks the row
	})
	h.graph.FailNext(down)
	h.post(whatsapptest.Body(whatsapptest.Inbound{From: "403", ID: "wamid.x", Text: "x"}))
	// Wait for the failure to be recorded, not only for the request to
	// arrive: a stop between the two leaves the send "interrupted", and a
	// restart rightly holds that back for Meta's status (ResendGrace).
	waitFor(t, "the failed attempt recorded", func() bool {
		var n int
		err := h.db.R.QueryRow(`SELECT COUNT(*) FROM messages WHERE direction = 'out' AND attempts = 1 AND sending_at = 0`).Scan(&n)
		return err == nil && n == 1
	})
	h.stop()
	// Nothing is due any more (the retry is an hour away), as after a crash
	// the row is simply pending. A restart with the API back sends it.
	if _, err := h.db.W.Exec(`UPDATE messages SET next_attempt_at = 0 WHERE direction = 'out'`); err != nil {
		t.Fatal(err)
	}
	h.start(echo())
	got := h.received("403", 1)
	time.Sleep(100 * time.Millisecond)
	if len(h.graph.Accepted()) != 1 || got[0].Text != "reply x" {
		t.Fatalf("after restart: %v", h.graph.Accepted())
	}
}

func TestDelayedRepliesWaitTheirTurn(t *testing.T) {
	h := newHarness(t, func(o *inbox.Options) {
		o.Engine = echo(engine.Reply{Type: "text", Text: "now"}, engine.Reply{Type: "text", Text: "later", DelayMs: 400})
	})
	h.post(whatsapptest.Body(whatsapptest.Inbound{From: "404", ID: "wamid.d", Text: "x"}))
	h.received("404", 2)
	// Measured on the stored rows (both replies are created by the turn at
	// the same moment; a row is stamped when it is recorded sent, after the
	// Graph API answered), not by when this test noticed each reply: on a
	// busy machine noticing the first can take longer than the delay.
	waitFor(t, "both replies recorded sent", func() bool {
		out := storetest.Outgoing(t, h.db, "404")
		return len(out) == 2 && out[0].Status == store.MessageSent && out[1].Status == store.MessageSent
	})
	out := storetest.Outgoing(t, h.db, "404")
	if out[1].Text != "later" || !out[1].CreatedAt.Equal(out[0].CreatedAt) {
		t.Fatalf("replies = %+v", out)
	}
	if gap := out[1].UpdatedAt.Sub(out[1].CreatedAt); gap < 399*time.Millisecond {
		t.Fatalf("the delayed reply went out %s after the turn, want at least 400ms", gap)
	}
}

func TestRateLimitSpacesSends(t *testing.T) {
	var replies []engine.Reply
	for range 10 {
		replies = append(replies, engine.Reply{Type: "text", Text: "m"})
	}
	h := newHarness(t)
	rate := 20
	h.stop()
	h.start(echo(replies...), func(o *inbox.Options) {
		o.Runtime = func(context.Context) (inbox.Runtime, error) {
			return inbox.Runtime{Graph: h.graph.Config(), RatePerSecond: rate}, nil
		}
	})
	start := time.Now()
	h.post(whatsapptest.Body(whatsapptest.Inbound{From: "405", ID: "wamid.rl1", Text: "x"},
		whatsapptest.Inbound{From: "406", ID: "wamid.rl2", Text: "x"}))
	h.received("405", 10)
	h.received("406", 10)
	// 20 messages at 20 per second take at least about 0.95 seconds.
	if took := time.Since(start); took < 900*time.Millisecond {
		t.Fatalf("20 messages at %d/s took %s", rate, took)
	}
}

func TestLongRepliesAreSplit(t *testing.T) {
	long := strings.Repeat("word ", 1000)
	h := newHarness(t, func(o *inbox.Options) { o.Engine = echo(engine.Reply{Type: "text", Text: long}) })
	h.post(whatsapptest.Body(whatsapptest.Inbound{From: "407", ID: "wamid.long", Text: "x"}))
	got := h.received("407", 2)
	if len([]rune(got[0].Text)) > whatsapp.MaxTextLength || strings.TrimSpace(got[0].Text+" "+got[1].Text) != strings.TrimSpace(long) {
		t.Fatalf("split into %d and %d characters", len(got[0].Text), len(got[1].Text))
	}
}

func TestManualRepliesRespectTheWindow(t *testing.T) {
	h := newHarness(t, func(o *inbox.Options) { o.Engine = echo() })
	ctx := context.Background()
	h.post(whatsapptest.Body(whatsapptest.Inbound{From: "408", ID: "wamid.m1", Text: "x"},
		whatsapptest.Inbound{From: "409", ID: "wamid.m2", Text: "old", At: time.Now().Add(-25 * time.Hour)}))
	open, _ := storetest.ContactByWaID(t, h.db, "408")
	closed, _ := storetest.ContactByWaID(t, h.db, "409")

	v, err := h.svc.SendManual(ctx, open.ID, "Hello from a person")
	if err != nil || v.Source != store.SourceAgent || v.Status != store.MessageQueued {
		t.Fatalf("manual reply = %+v, %v", v, err)
	}
	if got := h.received("408", 1); got[0].Text != "Hello from a person" {
		t.Fatalf("delivered %v", got)
	}
	tests := []struct {
		name    string
		contact int64
		text    string
		want    error
	}{
		{"outside the window", closed.ID, "hi", inbox.ErrWindowClosed},
		{"empty", open.ID, "  ", inbox.ErrEmptyReply},
		{"unknown contact", 9999, "hi", store.ErrNotFound},
	}
	for _, tt := range tests {
		if _, err := h.svc.SendManual(ctx, tt.contact, tt.text); !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
		}
	}
}

func TestNotConfiguredKeepsRepliesQueued(t *testing.T) {
	h := newHarness(t)
	h.stop()
	configured := make(chan struct{})
	h.start(echo(engine.Reply{Type: "text", Text: "queued"}), func(o *inbox.Options) {
		o.Runtime = func(context.Context) (inbox.Runtime, error) {
			select {
			case <-configured:
				return inbox.Runtime{Graph: h.graph.Config(), RatePerSecond: 1000}, nil
			default:
				return inbox.Runtime{}, nil
			}
		}
	})
	h.post(whatsapptest.Body(whatsapptest.Inbound{From: "410", ID: "wamid.nc", Text: "x"}))
	waitFor(t, "a failed attempt", func() bool {
		out := storetest.Outgoing(t, h.db, "410")
		return len(out) == 1 && out[0].Attempts > 0
	})
	item := storetest.Outgoing(t, h.db, "410")[0]
	if item.Status != store.MessageQueued || !strings.Contains(item.Error, "not set") {
		t.Fatalf("unconfigured send: %+v", item)
	}
	close(configured)
	h.received("410", 1)
}
