package engine_test

import (
	"fmt"
	"strings"
	"testing"

	"chatflow/backend/engine"
	"chatflow/backend/flow"
)

// fourteenSlots is what the slots API of the scenario returns.
func fourteenSlots() string {
	var items []string
	for i := range 14 {
		items = append(items, fmt.Sprintf(`{"id":"slot-%d","date":"2026-05-%02d","time":"%02d:%02d","price":%d}`, i+1, 4+i/5, 9+i/2, 30*(i%2), 20+i))
	}
	return "[" + strings.Join(items, ",") + "]"
}

func slotsFlow(typ string) flow.Flow {
	data := flow.NodeData{Text: "Pick a time, {{contact.name}}", Button: "Times", RowsFrom: "slots",
		RowTitle: "{{item.date | date:ddd D MMM}} {{item.time}}", RowDescription: "{{item.price | number:2}} EUR",
		Attribute: "chosen"}
	if typ == "buttons" {
		data.RowTitle, data.RowDescription = "{{item.time}}", ""
	}
	return build([]flow.Node{
		start(),
		node("pick", typ, data),
		node("done", "message", flow.NodeData{Text: "Booked {{chosen.id}} on {{chosen.date}} at {{chosen.time}} for {{chosen.price}} EUR"}),
		node("none", "message", flow.NodeData{Text: "No times left"}),
	}, "start:out>pick", "pick:out>done", "pick:empty>none")
}

func ids(opts []flow.Option) string {
	var out []string
	for _, o := range opts {
		out = append(out, o.ID)
	}
	return strings.Join(out, ",")
}

func TestDynamicListPagesAndTheChosenItem(t *testing.T) {
	h := newHarness(t, slotsFlow("list"))
	h.s.Attributes = map[string]string{"slots": fourteenSlots(), "contact.name": "Ana"}
	turn := h.say("hi")
	r := turn.Replies[0]
	if r.Type != "list" || r.Text != "Pick a time, Ana" || r.Button != "Times" || len(r.Rows) != 10 {
		t.Fatalf("first page %+v", r)
	}
	if ids(r.Rows) != "0,1,2,3,4,5,6,7,8,more" || r.Rows[9].Title != "More…" {
		t.Fatalf("first page rows %s, last %+v", ids(r.Rows), r.Rows[9])
	}
	if r.Rows[0].Title != "Mon 4 May 09:00" || r.Rows[0].Description != "20.00 EUR" {
		t.Fatalf("first row %+v", r.Rows[0])
	}
	if h.s.Page != 0 {
		t.Fatalf("page %d", h.s.Page)
	}

	turn = h.say("10") // "More…" is row 10 of the page
	r = turn.Replies[0]
	if ids(r.Rows) != "9,10,11,12,13" || h.s.Page != 1 {
		t.Fatalf("second page rows %s, page %d", ids(r.Rows), h.s.Page)
	}

	turn = h.send(engine.Inbound{ReplyID: "11"}) // the twelfth slot
	wantTexts(t, turn, "Booked slot-12 on 2026-05-06 at 14:30 for 31 EUR")
	if got := turn.Session.Attributes["chosen"]; got != `{"id":"slot-12","date":"2026-05-06","time":"14:30","price":31}` {
		t.Fatalf("chosen = %s", got)
	}
	if turn.Session.Page != 0 || turn.Session.NodeID != "" {
		t.Fatalf("session after the choice %+v", turn.Session)
	}
}

func TestDynamicRowsAnswers(t *testing.T) {
	tests := []struct {
		name    string
		answers []engine.Inbound
		want    string // the chosen id, or "page N" for a page shown
	}{
		{"number on the first page", []engine.Inbound{{Text: "3"}}, "slot-3"},
		{"number on the second page", []engine.Inbound{{ReplyID: "more"}, {Text: "3)"}}, "slot-12"},
		{"typed more", []engine.Inbound{{Text: "More"}}, "page 1"},
		{"typed More…", []engine.Inbound{{Text: "more…"}}, "page 1"},
		{"more on the last page shows it again", []engine.Inbound{{Text: "more"}, {Text: "more"}}, "page 1"},
		{"title of another page", []engine.Inbound{{Text: "wed 6 may 14:30"}}, "slot-12"},
		{"tap on an older page", []engine.Inbound{{ReplyID: "more"}, {ReplyID: "2"}}, "slot-3"},
		{"typed id", []engine.Inbound{{Text: "13"}}, "slot-14"},
		{"unknown answer shows the page again", []engine.Inbound{{ReplyID: "more"}, {Text: "tomorrow"}}, "page 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, slotsFlow("list"))
			h.s.Attributes = map[string]string{"slots": fourteenSlots()}
			turn := h.say("hi")
			for _, in := range tt.answers {
				turn = h.send(in)
			}
			if page, ok := strings.CutPrefix(tt.want, "page "); ok {
				wantState(t, turn, "wait")
				if fmt.Sprint(h.s.Page) != page || len(turn.Replies) != 1 || turn.Replies[0].Type != "list" {
					t.Fatalf("page %d, replies %+v", h.s.Page, turn.Replies)
				}
				return
			}
			if len(turn.Replies) != 1 || !strings.HasPrefix(turn.Replies[0].Text, "Booked "+tt.want+" ") {
				t.Fatalf("replies %q, want %s booked", texts(turn), tt.want)
			}
		})
	}
}

func TestDynamicButtonsPageByTwo(t *testing.T) {
	h := newHarness(t, slotsFlow("buttons"))
	h.s.Attributes = map[string]string{"slots": `[{"id":"a","time":"09:00"},{"id":"b","time":"09:30"},{"id":"c","time":"10:00"},{"id":"d","time":"10:30"},{"id":"e","time":"11:00"}]`}
	r := h.say("hi").Replies[0]
	if r.Type != "buttons" || ids(r.Buttons) != "0,1,more" || r.Buttons[2].Title != "More…" || len(r.Rows) != 0 {
		t.Fatalf("first page %+v", r)
	}
	r = h.say("More…").Replies[0]
	if ids(r.Buttons) != "2,3,4" {
		t.Fatalf("second page %s", ids(r.Buttons))
	}
	wantTexts(t, h.say("10:30"), "Booked d on  at 10:30 for  EUR")
}

func TestDynamicRowsEmptyOrNotAList(t *testing.T) {
	for _, v := range []string{"", "[]", `{"not":"a list"}`} {
		h := newHarness(t, slotsFlow("list"))
		h.s.Attributes = map[string]string{"slots": v}
		turn := h.say("hi")
		wantTexts(t, turn, "No times left")
		if (len(turn.Errors) > 0) != strings.HasPrefix(v, "{") {
			t.Fatalf("slots %q: errors %v", v, turn.Errors)
		}
	}
}

func TestDynamicRowsKeepWhatsAppLimits(t *testing.T) {
	f := build([]flow.Node{
		start(),
		node("pick", "list", flow.NodeData{Text: "Cakes", Button: "Cakes", RowsFrom: "slots", RowTitle: "{{item.name}}",
			RowDescription: "{{item.about}}", RowID: "{{item.sku}}", Attribute: "choice"}),
		node("done", "message", flow.NodeData{Text: "You chose {{choice}}"}),
	}, "start:out>pick", "pick:out>done")
	h := newHarness(t, f)
	long := strings.Repeat("Delicious layered chocolate 🍰 ", 5)
	h.s.Attributes = map[string]string{"slots": `[
		{"name":"Crème brûlée du chef pâtissier","about":"` + long + `","sku":"more"},
		{"name":"Crème brûlée du chef pâtissier","sku":"x1"},
		{"name":"Tarte\ntatin","sku":"x1"},
		{"name":"","sku":""},
		"Plain cake"]`}
	r := h.say("hi").Replies[0]
	want := []flow.Option{
		{ID: "0", Title: "Crème brûlée du chef…"},
		{ID: "x1", Title: "Crème brûlée du… (2)"},
		{ID: "2", Title: "Tarte tatin"},
		{ID: "3", Title: "4"},
		{ID: "4", Title: "5"},
	}
	for i, w := range want {
		got := r.Rows[i]
		if got.ID != w.ID || got.Title != w.Title {
			t.Errorf("row %d = %+v, want %+v", i, got, w)
		}
		if flow.WhatsAppLength(got.Title) > flow.MaxRowTitle || flow.WhatsAppLength(got.Description) > flow.MaxRowDescription {
			t.Errorf("row %d breaks a limit: %+v", i, got)
		}
	}
	if !strings.HasSuffix(r.Rows[0].Description, "…") {
		t.Errorf("a long description is not shortened: %q", r.Rows[0].Description)
	}
	wantTexts(t, h.say("5"), "You chose Plain cake")
}
