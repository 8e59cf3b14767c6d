package studio

import (
	"strings"
	"testing"

	"chatflow/backend/apperr"
	"chatflow/backend/flow"
)

func TestFlowsService(t *testing.T) {
	st, ev := newTestStudio(t, nil)
	s := st.Flows

	f, err := s.Create(bg, "Support")
	if err != nil || f.ID == 0 || len(f.Nodes) != 1 || f.Nodes[0].Type != "start" {
		t.Fatalf("Create: %+v %v", f, err)
	}
	if _, err := s.Create(bg, "support "); err == nil || err.Error() != `A flow named "support" already exists.` {
		t.Fatalf("duplicate name: %v", err)
	}
	if _, err := s.Create(bg, " "); err == nil || err.Error() != "Give the flow a name." {
		t.Fatalf("empty name: %v", err)
	}

	// A draft with errors is saved and its problems come back per node.
	f.Nodes = append(f.Nodes,
		flow.Node{ID: "ask", Type: "question", Data: flow.NodeData{Text: "Order?", Attribute: "order_id"}},
		flow.Node{ID: "cond", Type: "condition", Data: flow.NodeData{Expression: "1 +"}})
	f.Edges = []flow.Edge{{ID: "e1", Source: "start", SourceHandle: "out", Target: "ask"}, {ID: "e2", Source: "ask", Target: "cond"}}
	res, err := s.Save(bg, f)
	if err != nil || res.Flow.Version != 2 {
		t.Fatalf("Save: %+v %v", res, err)
	}
	if !hasProblem(res.Problems, "ask", "attribute", "error") || !hasProblem(res.Problems, "cond", "expression", "error") {
		t.Fatalf("problems %+v", res.Problems)
	}
	err = s.Publish(bg, f.ID)
	if err == nil || !strings.HasPrefix(err.Error(), `"Support" has 2 errors to fix before it can go live (Question “Order?”: There is no attribute named "order_id")`) {
		t.Fatalf("Publish with errors: %v", err)
	}
	list, _ := s.List(bg)
	if len(list) != 1 || list[0].Valid || list[0].Problems == 0 || list[0].Published {
		t.Fatalf("List: %+v", list)
	}

	// Fixed, it validates, publishes and shows unpublished changes later.
	f = res.Flow
	f.Nodes[1].Data.Attribute = "contact.name"
	f.Nodes[2].Data.Expression = `contact.name != ""`
	if p, _ := s.Validate(bg, f); flow.HasErrors(p) {
		t.Fatalf("Validate: %+v", p)
	}
	if res, err = s.Save(bg, f); err != nil || flow.HasErrors(res.Problems) {
		t.Fatalf("Save fixed: %+v %v", res, err)
	}
	if err := s.Publish(bg, f.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Save(bg, res.Flow); err != nil {
		t.Fatal(err)
	}
	list, _ = s.List(bg)
	if !list[0].Published || !list[0].Valid || !list[0].UnpublishedChanges {
		t.Fatalf("after publish and save: %+v", list[0])
	}

	dup, err := s.Duplicate(bg, f.ID)
	if err != nil || dup.Name != "Support (copy)" || dup.Published || len(dup.Nodes) != 3 {
		t.Fatalf("Duplicate: %+v %v", dup, err)
	}
	if dup2, _ := s.Duplicate(bg, f.ID); dup2.Name != "Support (copy 2)" {
		t.Fatalf("second copy named %q", dup2.Name)
	}
	if err := s.Rename(bg, dup.ID, "support"); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("Rename to a taken name: %v", err)
	}
	if err := s.Rename(bg, dup.ID, "Sales"); err != nil {
		t.Fatal(err)
	}
	if err := s.Unpublish(bg, f.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(bg, f.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(bg, f.ID); err == nil || err.Error() != "This flow no longer exists." {
		t.Fatalf("Get deleted: %v", err)
	}
	if _, err := s.Save(bg, flow.Flow{Name: "x"}); err == nil {
		t.Fatal("saving a flow that was never created")
	}
	if n := ev.count(EventFlowsChanged); n < 8 {
		t.Fatalf("flows:changed emitted %d times", n)
	}
}

func TestFlowsBundle(t *testing.T) {
	st, ev := newTestStudio(t, nil)
	s := st.Bundles
	data := exampleBundle(t, "http://127.0.0.1:1")
	res, err := s.ImportFile(bg, data, false)
	if err != nil || res.Published != "Order status" || len(res.Created) != 5 {
		t.Fatalf("ImportBundle: %+v %v", res, err)
	}
	if ev.count(EventFlowsChanged) != 1 || ev.count(EventAttributesChanged) != 1 || ev.count(EventAPIsChanged) != 1 {
		t.Fatalf("an import tells every list to refresh: %v", ev.names)
	}
	_, err = s.ImportFile(bg, data, false)
	if err == nil || !strings.HasPrefix(err.Error(), `Attribute "order_id": already exists`) || apperr.ErrorCode(err) != apperr.ECONFLICT {
		t.Fatalf("second import: %v (%s)", err, apperr.ErrorCode(err))
	}
	if _, err := s.ImportFile(bg, []byte("{"), false); err == nil || !strings.HasPrefix(err.Error(), "The file is not valid JSON") || apperr.ErrorCode(err) != apperr.EINVALID {
		t.Fatalf("broken import: %v", err)
	}
	raw, err := s.ExportFile(bg, false)
	out := string(raw)
	if err != nil || !strings.Contains(out, `"format": "chatflow-bundle"`) || !strings.Contains(out, `"name": "Order status"`) {
		t.Fatalf("ExportBundle: %v\n%s", err, out)
	}
}

func hasProblem(ps []flow.Problem, node, field, severity string) bool {
	for _, p := range ps {
		if p.NodeID == node && p.Field == field && p.Severity == severity {
			return true
		}
	}
	return false
}
