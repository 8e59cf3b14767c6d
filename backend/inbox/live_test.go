package inbox_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
	"chatflow/backend/whatsapp/whatsapptest"
)

func TestConversationThroughTheRealEngine(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	const ana = "5511999990001"

	res := h.post(whatsapptest.Body(whatsapptest.Inbound{From: ana, Name: "Ana", ID: "wamid.1", Text: "hi"}))
	if res.Queued != 1 || res.Duplicates != 0 {
		t.Fatalf("accepted = %+v", res)
	}
	got := h.received(ana, 1)
	if got[0].Type != "button" || got[0].Text != "Hi Ana, how can we help?" || strings.Join(got[0].Options, "|") != "Track order|Talk to a person" {
		t.Fatalf("first reply = %v", got[0])
	}

	h.post(whatsapptest.Body(whatsapptest.Inbound{From: ana, Name: "Ana", ID: "wamid.2", Text: "Track order", ReplyID: "track"}))
	got = h.received(ana, 3)
	if got[1].Text != "Your order is on its way." || got[2].Text != "Anything else? Just write." {
		t.Fatalf("replies after tapping a button = %v", got)
	}

	c, _ := storetest.ContactByWaID(t, h.db, ana)
	attrs, err := h.db.ContactAttributes(ctx, c.ID)
	if err != nil || attrs["choice"] != "Track order" {
		t.Fatalf("attributes = %v, %v; want the button's title saved", attrs, err)
	}
	sess, err := h.svc.Session(ctx, c.ID)
	if err != nil || sess.NodeID != "" || sess.Attributes["contact.name"] != "Ana" {
		t.Fatalf("session after the end node = %+v, %v", sess, err)
	}
	if states := h.inboxStates(); states["wamid.1"] != store.InboundDone || states["wamid.2"] != store.InboundDone {
		t.Fatalf("inbox states = %v", states)
	}

	// Status webhooks move the outgoing messages on; the conversation shows it.
	waitFor(t, "sent statuses", func() bool { return h.events.count("inbox:status out sent") == 3 })
	res = h.post(whatsapptest.StatusBody(got[0].ID, "delivered", ana, time.Now()))
	res2 := h.post(whatsapptest.StatusBody(got[0].ID, "read", ana, time.Now()))
	res3 := h.post(whatsapptest.StatusBody(got[1].ID, "failed", ana, time.Now()))
	if res.Statuses != 1 || res2.Statuses != 1 || res3.Statuses != 1 {
		t.Fatalf("statuses applied: %+v %+v %+v", res, res2, res3)
	}
	msgs, err := h.db.Messages(ctx, c.ID, 0, 50)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, m := range msgs {
		lines = append(lines, m.Direction+" "+m.Source+" "+m.Status+" "+m.Text)
	}
	want := []string{
		"in customer done hi",
		"out bot read Hi Ana, how can we help?",
		"in customer done Track order",
		"out bot failed Your order is on its way.",
		"out bot sent Anything else? Just write.",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("conversation:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if msgs[3].Error != "Message undeliverable: The recipient's phone cannot receive this message. (code 131026)" {
		t.Fatalf("failure reason = %q", msgs[3].Error)
	}
	if n := h.events.count("inbox:message in received"); n != 2 {
		t.Fatalf("%d inbound message events, want 2", n)
	}
}

func TestHandoffPausesTheBotUntilResumed(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	const bo = "4477000111"
	h.post(whatsapptest.Body(whatsapptest.Inbound{From: bo, Name: "Bo", ID: "wamid.b1", Text: "hello"}))
	h.received(bo, 1)
	h.post(whatsapptest.Body(whatsapptest.Inbound{From: bo, Name: "Bo", ID: "wamid.b2", Text: "Talk to a person", ReplyID: "agent"}))
	if got := h.received(bo, 2); got[1].Text != "A person will answer you soon." {
		t.Fatalf("handoff reply = %v", got[1])
	}
	c, _ := storetest.ContactByWaID(t, h.db, bo)
	waitFor(t, "the bot to pause", func() bool { c, _ = storetest.ContactByWaID(t, h.db, bo); return c.BotPaused })

	h.post(whatsapptest.Body(whatsapptest.Inbound{From: bo, Name: "Bo", ID: "wamid.b3", Text: "are you there?"}))
	waitFor(t, "the paused message to be closed", func() bool { return h.inboxStates()["wamid.b3"] == store.InboundSkipped })
	if n := len(h.graph.AcceptedTo(bo)); n != 2 {
		t.Fatalf("the paused bot answered: %d messages", n)
	}

	if err := h.svc.SetPaused(ctx, c.ID, false); err != nil {
		t.Fatal(err)
	}
	if sess, _ := h.svc.Session(ctx, c.ID); sess.Paused {
		t.Fatal("resuming left the session paused")
	}
	h.post(whatsapptest.Body(whatsapptest.Inbound{From: bo, Name: "Bo", ID: "wamid.b4", Text: "hi again"}))
	if got := h.received(bo, 3); got[2].Type != "button" {
		t.Fatalf("after resuming the flow started again: %v", got[2])
	}
}

func TestRestartSessionStartsTheFlowOver(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	const cy = "3161234"
	h.post(whatsapptest.Body(whatsapptest.Inbound{From: cy, Name: "Cy", ID: "wamid.c1", Text: "hi"}))
	h.received(cy, 1)
	c, _ := storetest.ContactByWaID(t, h.db, cy)
	waitFor(t, "the session", func() bool { s, _ := h.svc.Session(ctx, c.ID); return s.NodeID == "menu" })
	if err := h.svc.RestartSession(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if s, _ := h.svc.Session(ctx, c.ID); s.NodeID != "" {
		t.Fatalf("session after restart waits at %q", s.NodeID)
	}
	if err := h.svc.RestartSession(ctx, 9999); err == nil {
		t.Fatal("restarting a missing contact succeeded")
	}
}
