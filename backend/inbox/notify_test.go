package inbox_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"chatflow/backend/attribute"
	"chatflow/backend/engine"
	"chatflow/backend/flow"
	"chatflow/backend/inbox"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
	"chatflow/backend/watemplates"
)

// TestNotificationsSurviveARestartAndRunOnce stores notifications while
// the inbox is stopped (a crash right after the 202), starts it again, and
// checks each is run once, in order, with its values; a repeated
// Idempotency-Key after the restart stores nothing.
func TestNotificationsSurviveARestartAndRunOnce(t *testing.T) {
	h := newHarness(t)
	h.syncTemplates(shippedTemplate)
	ctx := context.Background()
	if err := h.db.CreateAttribute(ctx, attribute.Definition{Name: "order_id", Type: attribute.Text}); err != nil {
		t.Fatal(err)
	}
	trig, err := h.db.CreateTrigger(ctx, store.Trigger{Name: "order-shipped", Template: "order_shipped", Language: "en_US",
		Parameters: []string{"{{contact.phone}}", "{{order_id}}"}, TokenHash: "x", TokenHint: "x"})
	if err != nil {
		t.Fatal(err)
	}
	h.stop()
	action := engine.Notify{Template: &flow.NodeData{Template: "order_shipped", Language: "en_US", Parameters: trig.Parameters}}
	const cy = "15550001111"
	for i, order := range []string{"A1001", "A1002"} {
		n := inbox.Notification{TriggerID: trig.ID, TriggerName: trig.Name, Phone: cy, Key: "k" + order,
			Attributes: map[string]string{"order_id": order}, Action: action}
		if _, dup, err := h.svc.QueueNotification(ctx, n); err != nil || dup {
			t.Fatalf("notification %d: dup %v, %v", i, dup, err)
		}
	}
	_, _, err = h.svc.QueueNotification(ctx, inbox.Notification{TriggerID: trig.ID, Phone: cy, Attributes: map[string]string{"nope": "1"}, Action: action})
	if !errors.Is(err, inbox.ErrNotificationRefused) || !strings.Contains(err.Error(), `"nope"`) {
		t.Fatalf("unknown attribute: %v", err)
	}

	h.start(engine.New(engine.Deps{Flows: inbox.LiveFlows(h.db), Attributes: h.db.Attributes, Templates: watemplates.New(h.db)}))
	got := h.received(cy, 2)
	if strings.Join(got[0].Params, "|") != cy+"|A1001" || strings.Join(got[1].Params, "|") != cy+"|A1002" {
		t.Fatalf("sent after the restart: %+v", got)
	}
	first, dup, err := h.svc.QueueNotification(ctx, inbox.Notification{TriggerID: trig.ID, TriggerName: trig.Name, Phone: cy,
		Key: "kA1001", Attributes: map[string]string{"order_id": "A1001"}, Action: action})
	if err != nil || !dup || first == 0 {
		t.Fatalf("a repeated key after the restart: %d, %v, %v", first, dup, err)
	}
	c, _ := storetest.ContactByWaID(t, h.db, cy)
	msgs, _ := h.db.Messages(ctx, c.ID, 0, 20)
	if len(msgs) != 4 || msgs[0].Kind != store.KindNotification || msgs[0].Status != store.InboundDone {
		t.Fatalf("conversation: %+v", msgs)
	}
	if tr, _ := h.db.TriggerByName(ctx, "order-shipped"); tr.Uses != 2 {
		t.Fatalf("uses = %d, want 2 (a replay is not a use)", tr.Uses)
	}
}
