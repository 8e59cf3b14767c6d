package studio

import (
	"strings"
	"testing"

	"chatflow/backend/apperr"
	"chatflow/backend/flow"
	"chatflow/backend/store"
	"chatflow/backend/whatsapp/whatsapptest"
)

func TestTriggersAddChecksWhatTheyRun(t *testing.T) {
	g := whatsapptest.NewGraph()
	defer g.Close()
	g.SetTemplates(
		whatsapptest.Template("order_shipped", "en_US", "Hi {{1}}, order {{2}} shipped."),
		`{"name":"named_one","language":"en_US","status":"APPROVED","category":"UTILITY","parameter_format":"NAMED",
		  "components":[{"type":"BODY","text":"Order {{order_id}} is ready","example":{"body_text_named_params":[{"param_name":"order_id","example":"A1"}]}}]}`,
	)
	st, ev := newTestStudio(t, nil)
	graphSettings(t, st, g, true)
	if _, err := st.Templates.Sync(bg); err != nil {
		t.Fatal(err)
	}
	if _, err := st.db.CreateFlow(bg, flow.Flow{Name: "Shipped", Nodes: []flow.Node{{ID: "s", Type: flow.TypeStart}}}, store.FlowCheck{Valid: true}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   TriggerInput
		code string
		want string
	}{
		{"name with spaces", TriggerInput{Name: "Order shipped", Flow: "Shipped"}, apperr.EINVALID, "lower-case letters"},
		{"nothing to run", TriggerInput{Name: "a"}, apperr.EINVALID, "Choose the flow"},
		{"both", TriggerInput{Name: "a", Flow: "Shipped", Template: "order_shipped"}, apperr.EINVALID, "not both"},
		{"unknown flow", TriggerInput{Name: "a", Flow: "Nope"}, apperr.EINVALID, `no flow named "Nope"`},
		{"no language", TriggerInput{Name: "a", Template: "order_shipped"}, apperr.EINVALID, "language"},
		{"not synced", TriggerInput{Name: "a", Template: "order_shipped", Language: "pt_BR"}, apperr.EINVALID, "not synced"},
		{"positional without texts", TriggerInput{Name: "a", Template: "order_shipped", Language: "en_US"}, apperr.EINVALID, "takes 2 values"},
		{"wrong count", TriggerInput{Name: "a", Template: "order_shipped", Language: "en_US", Parameters: []string{"x"}}, apperr.EINVALID, "takes 2 values, not 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := st.Triggers.Add(bg, tt.in)
			if !apperr.Is(err, tt.code) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %s with %q", err, tt.code, tt.want)
			}
		})
	}

	made, err := st.Triggers.Add(bg, TriggerInput{Name: "order-shipped", Flow: "Shipped"})
	if err != nil || made.Token == "" || made.Trigger.Flow != "Shipped" || !strings.HasPrefix(made.Token, made.Trigger.TokenHint) {
		t.Fatalf("add: %+v, %v", made, err)
	}
	if _, err := st.Triggers.Add(bg, TriggerInput{Name: "order-shipped", Flow: "Shipped"}); !apperr.Is(err, apperr.ECONFLICT) {
		t.Fatalf("taken name: %v", err)
	}
	named, err := st.Triggers.Add(bg, TriggerInput{Name: "ready", Template: "named_one", Language: "en_US"})
	if err != nil || strings.Join(named.Trigger.Parameters, "|") != "{{order_id}}" {
		t.Fatalf("named template defaults: %+v, %v", named, err)
	}
	if ev.count(EventTriggersChanged) != 2 {
		t.Fatalf("%d change events, want 2", ev.count(EventTriggersChanged))
	}
	list, err := st.Triggers.List(bg)
	if err != nil || len(list) != 2 || list[0].Name != "order-shipped" || list[0].Problem != "" {
		t.Fatalf("list: %+v, %v", list, err)
	}
	raw := strings.Join([]string{list[0].TokenHint, list[1].TokenHint}, " ")
	if strings.Contains(raw, made.Token) {
		t.Fatal("a list shows a whole token")
	}
	if err := st.Triggers.Remove(bg, "ORDER-SHIPPED"); err != nil {
		t.Fatal(err)
	}
	if err := st.Triggers.Remove(bg, "order-shipped"); !apperr.Is(err, apperr.ENOTFOUND) {
		t.Fatalf("remove twice: %v", err)
	}
}
