package studio

import (
	"chatflow/backend/apperr"
	"strings"
	"testing"
)

func TestSimulatorService(t *testing.T) {
	api := orderAPI(t)
	st, ev := newTestStudio(t, nil)
	flows := st.Flows
	if _, err := st.Bundles.ImportFile(bg, exampleBundle(t, api.URL), false); err != nil {
		t.Fatal(err)
	}
	list, _ := flows.List(bg)
	sim := st.Simulator

	ss, err := sim.Start(bg, list[0].ID, nil)
	if err != nil || ss.ID == "" || ss.Turn.State != "idle" || ss.Turn.Attributes["contact.name"] != "Test customer" {
		t.Fatalf("Start: %+v %v", ss, err)
	}
	turn, err := sim.Send(bg, ss.ID, "good day", "")
	if err != nil || turn.State != "idle" || !strings.Contains(turn.Notice, `start keywords ("hi", "hello", "order", "menu")`) {
		t.Fatalf("non-keyword: %+v %v", turn, err)
	}
	turn, _ = sim.Send(bg, ss.ID, "hi", "")
	if turn.State != "wait" || turn.NodeID != "menu" || len(turn.Replies) != 1 || turn.Replies[0].Type != "buttons" {
		t.Fatalf("hi: %+v", turn)
	}
	// Tapping a button sends its id; the title becomes the message text.
	turn, _ = sim.Send(bg, ss.ID, "", "track")
	if turn.NodeID != "ask" || turn.Attributes["message.text"] != "Track my order" {
		t.Fatalf("tap: %+v", turn)
	}
	turn, _ = sim.Send(bg, ss.ID, "A1001", "")
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
	sim.Stop(ss.ID)
	if _, err := sim.Send(bg, ss.ID, "hi", ""); err == nil || err.Error() != "This simulation has ended; start a new one." || apperr.ErrorCode(err) != apperr.ENOTFOUND {
		t.Fatalf("after Stop: %v", err)
	}
	if _, err := sim.Start(bg, 9999, nil); err == nil || err.Error() != "This flow no longer exists." {
		t.Fatalf("Start of a missing flow: %v", err)
	}
}

func TestSimulatorRunsTheDraft(t *testing.T) {
	st, _ := newTestStudio(t, nil)
	flows := st.Flows
	f, _ := flows.Create(bg, "Draft")
	f.Nodes = append(f.Nodes, flowNode("m", "message", "draft says hi"))
	f.Edges = append(f.Edges, flowEdge("start", "m"))
	if _, err := flows.Save(bg, f); err != nil {
		t.Fatal(err)
	}
	sim := st.Simulator
	ss, _ := sim.Start(bg, f.ID, nil)
	turn, _ := sim.Send(bg, ss.ID, "anything", "")
	if turn.State != "end" || len(turn.Replies) != 1 || turn.Replies[0].Text != "draft says hi" {
		t.Fatalf("an unpublished draft runs in the simulator: %+v", turn)
	}
}
