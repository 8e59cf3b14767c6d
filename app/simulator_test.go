package app

import (
	"strings"
	"testing"
)

func TestSimulatorService(t *testing.T) {
	api := orderAPI(t)
	deps, ev := apiTestDeps(t)
	flows := NewFlows(deps)
	if _, err := flows.ImportBundle(string(exampleBundle(t, api.URL)), false); err != nil {
		t.Fatal(err)
	}
	list, _ := flows.List()
	sim := NewSimulator(deps)

	ss, err := sim.Start(list[0].ID)
	if err != nil || ss.ID == "" || ss.Turn.State != "idle" || ss.Turn.Attributes["contact.name"] != "Test customer" {
		t.Fatalf("Start: %+v %v", ss, err)
	}
	turn, err := sim.Send(ss.ID, "good day", "")
	if err != nil || turn.State != "idle" || !strings.Contains(turn.Notice, `start keywords ("hi", "hello", "order", "menu")`) {
		t.Fatalf("non-keyword: %+v %v", turn, err)
	}
	turn, _ = sim.Send(ss.ID, "hi", "")
	if turn.State != "wait" || turn.NodeID != "menu" || len(turn.Replies) != 1 || turn.Replies[0].Type != "buttons" {
		t.Fatalf("hi: %+v", turn)
	}
	// Tapping a button sends its id; the title becomes the message text.
	turn, _ = sim.Send(ss.ID, "", "track")
	if turn.NodeID != "ask" || turn.Attributes["message.text"] != "Track my order" {
		t.Fatalf("tap: %+v", turn)
	}
	turn, _ = sim.Send(ss.ID, "A1001", "")
	if turn.State != "end" || len(turn.Calls) != 1 {
		t.Fatalf("lookup: %+v", turn)
	}
	c := turn.Calls[0]
	if c.API != "Order status" || c.Status != 200 || c.Route != "200" || c.Error != "" {
		t.Fatalf("call %+v", c)
	}
	if turn.Attributes["order_status"] != "shipped" || turn.Attributes["api.status"] != "200" {
		t.Fatalf("attributes %v", turn.Attributes)
	}
	if turn.Replies[0].DelayMs != 1000 || strings.Join(turn.Visited, ",") != "ask,lookup,wait,shipped,on_its_way,bye" {
		t.Fatalf("delay %d, visited %v", turn.Replies[0].DelayMs, turn.Visited)
	}

	turn, err = sim.Restart(ss.ID)
	if err != nil || turn.State != "idle" || turn.Attributes["order_id"] != "" {
		t.Fatalf("Restart: %+v %v", turn, err)
	}
	if n := ev.count(EventSimulatorTurn); n != 5 {
		t.Fatalf("simulator:turn emitted %d times, want 5", n)
	}
	if err := sim.Stop(ss.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := sim.Send(ss.ID, "hi", ""); err == nil || err.Error() != "This simulation has ended; start a new one." {
		t.Fatalf("after Stop: %v", err)
	}
	if _, err := sim.Start(9999); err == nil || err.Error() != "This flow no longer exists." {
		t.Fatalf("Start of a missing flow: %v", err)
	}
}

func TestSimulatorRunsTheDraft(t *testing.T) {
	deps, _ := apiTestDeps(t)
	flows := NewFlows(deps)
	f, _ := flows.Create("Draft")
	f.Nodes = append(f.Nodes, flowNode("m", "message", "draft says hi"))
	f.Edges = append(f.Edges, flowEdge("start", "m"))
	if _, err := flows.Save(f); err != nil {
		t.Fatal(err)
	}
	sim := NewSimulator(deps)
	ss, _ := sim.Start(f.ID)
	turn, _ := sim.Send(ss.ID, "anything", "")
	if turn.State != "end" || len(turn.Replies) != 1 || turn.Replies[0].Text != "draft says hi" {
		t.Fatalf("an unpublished draft runs in the simulator: %+v", turn)
	}
}
