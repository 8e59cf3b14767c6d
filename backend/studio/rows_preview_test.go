package studio

import (
	"fmt"
	"strings"
	"testing"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/flow"
)

// slotsSample is a saved sample response of 14 time slots.
func slotsSample() string {
	var items []string
	for i := 1; i <= 14; i++ {
		items = append(items, fmt.Sprintf(`{"id":"s%d","time":"%02d:00","room":"Room with a very long name %d"}`, i, 7+i, i))
	}
	return `{"doctor":"Dr Ana","slots":[` + strings.Join(items, ",") + `]}`
}

func TestPreviewRowsFromTheSavedSample(t *testing.T) {
	st, _ := newTestStudio(t, nil)
	for _, a := range []attribute.Definition{{Name: "slots", Type: attribute.List}, {Name: "doctor", Type: attribute.Text}, {Name: "chosen", Type: attribute.Text}} {
		if _, err := st.Attributes.Create(bg, a); err != nil {
			t.Fatal(err)
		}
	}
	node := flow.Node{ID: "pick", Type: flow.TypeList, Data: flow.NodeData{Text: "Pick", Button: "Times",
		RowsFrom: "slots", RowTitle: "{{item.time}} with {{doctor}}", RowDescription: "{{item.room}}", RowID: "{{item.id}}"}}

	p, err := st.Flows.PreviewRows(bg, node)
	if err != nil || p.API != "" || len(p.Pages) != 0 || !strings.Contains(p.Note, "No saved API maps a list into slots") {
		t.Fatalf("no API: %+v, %v", p, err)
	}
	def := apicall.Definition{Name: "Slots", URL: "https://clinic.test/slots",
		Mappings: []apicall.Mapping{{Path: "slots", Attribute: "slots"}, {Path: "doctor", Attribute: "doctor"}}}
	saved, err := st.APIs.Save(bg, def)
	if err != nil {
		t.Fatal(err)
	}
	if p, _ = st.Flows.PreviewRows(bg, node); !strings.Contains(p.Note, "Test the API that fills slots") {
		t.Fatalf("no sample: %+v", p)
	}
	saved.SampleResponse = slotsSample()
	if _, err := st.APIs.Save(bg, saved); err != nil {
		t.Fatal(err)
	}
	p, err = st.Flows.PreviewRows(bg, node)
	if err != nil || p.API != "Slots" || p.Items != 14 || p.Note != "" || len(p.Pages) != 2 {
		t.Fatalf("preview = %+v, %v", p, err)
	}
	first, second := p.Pages[0], p.Pages[1]
	if len(first) != 10 || len(second) != 5 {
		t.Fatalf("page sizes %d, %d", len(first), len(second))
	}
	if first[0] != (flow.Option{ID: "s1", Title: "08:00 with Dr Ana", Description: "Room with a very long name 1"}) {
		t.Errorf("first row = %+v", first[0])
	}
	if first[9] != (flow.Option{ID: flow.RowMoreID, Title: flow.RowMoreTitle}) || second[2].ID != "s12" {
		t.Errorf("paging: last of page 1 %+v, third of page 2 %+v", first[9], second[2])
	}

	// Buttons page by three; an empty sample says it takes "No items".
	node.Type = flow.TypeButtons
	if p, _ = st.Flows.PreviewRows(bg, node); len(p.Pages) != 7 || len(p.Pages[0]) != 3 || p.Pages[0][0].Description != "" {
		t.Errorf("buttons preview = %+v", p)
	}
	saved.SampleResponse = `{"slots":[]}`
	if _, err := st.APIs.Save(bg, saved); err != nil {
		t.Fatal(err)
	}
	if p, _ = st.Flows.PreviewRows(bg, node); p.Items != 0 || !strings.Contains(p.Note, "No items") {
		t.Errorf("empty preview = %+v", p)
	}
	node.Data.RowsFrom = ""
	if p, _ = st.Flows.PreviewRows(bg, node); p.Note != "Pick the list the rows come from." {
		t.Errorf("no list = %+v", p)
	}
}
