package cli

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"chatflow/backend/attribute"
	"chatflow/backend/flow"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
	"chatflow/backend/studio/config"
	"chatflow/backend/whatsapp/whatsapptest"
)

// notifyFlow sends order_shipped with the contact's name and the order id
// the notification set.
func notifyFlow() flow.Flow {
	return flow.Flow{Name: "Shipped", Nodes: []flow.Node{
		{ID: "s", Type: flow.TypeStart, Data: flow.NodeData{Keywords: []string{"shipped"}}},
		{ID: "t", Type: flow.TypeTemplate, Data: flow.NodeData{Template: "order_shipped", Language: "en_US",
			Parameters: []string{"{{contact.phone}}", "{{order_id}}"}}},
	}, Edges: []flow.Edge{{ID: "1", Source: "s", Target: "t"}}}
}

// post sends one notification to the webhook listener.
func post(t *testing.T, base, trigger, token, key, body string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, base+"/notify/"+trigger, strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if key != "" {
		req.Header.Set("Idempotency-Key", key)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	json.NewDecoder(res.Body).Decode(&out)
	return res.StatusCode, out
}

// TestNotifyStartsTheFlowThroughTheWebhookListener drives the contract end
// to end: chatflow trigger add prints a token as its last line; POST
// /notify/{trigger} on the running webhook listener answers 202 once
// stored, 401 without the token (nothing stored), 404 for an unknown
// trigger, 400 for a bad body, replays an Idempotency-Key without a second
// send, and the flow sends the customer the template with the values.
func TestNotifyStartsTheFlowThroughTheWebhookListener(t *testing.T) {
	l := newLiveApp(t)
	ctx := context.Background()
	c := l.core
	l.graph.SetTemplates(whatsapptest.Template("order_shipped", "en_US", "Hi {{1}}, order {{2}} has shipped."))
	cfg := l.graph.Config()
	if _, err := c.studio.Settings.Save(ctx, config.WhatsAppInput{BusinessAccountID: cfg.BusinessAccountID}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.studio.Templates.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if err := c.db.CreateAttribute(ctx, attribute.Definition{Name: "order_id", Type: attribute.Text}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.db.CreateFlow(ctx, notifyFlow(), store.FlowCheck{Valid: true}); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, "", "trigger", "add", "order-shipped", "--flow", "Shipped", "--db", c.db.Path)
	if code != 0 {
		t.Fatalf("trigger add: exit %d %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	token := lines[len(lines)-1]
	if !strings.HasPrefix(token, "cft_") && len(token) < 40 {
		t.Fatalf("the last line is not a token: %q", stdout)
	}
	if err := c.webhook.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	base := "http://" + c.webhook.Addr()
	const ana = "15550001111"
	body := `{"phone": "+1 555 000 1111", "attributes": {"order_id": "A1001"}}`

	if code, out := post(t, base, "order-shipped", "wrong", "", body); code != http.StatusUnauthorized || out["error"] == "" {
		t.Fatalf("wrong token: %d %v", code, out)
	}
	if code, _ := post(t, base, "nope", token, "", body); code != http.StatusNotFound {
		t.Fatalf("unknown trigger: %d", code)
	}
	if code, out := post(t, base, "order-shipped", token, "", `{"phone": "15550001111", "attributes": {"order_id": 1,}}`); code != http.StatusBadRequest || !strings.HasSuffix(out["error"].(string), ".") {
		t.Fatalf("malformed body: %d %v", code, out)
	}
	if code, out := post(t, base, "order-shipped", token, "", `{"phone": "15550001111", "attributes": {"nothing_like_it": "x"}}`); code != http.StatusBadRequest || !strings.Contains(out["error"].(string), "nothing_like_it") {
		t.Fatalf("unknown attribute: %d %v", code, out)
	}
	if msgs, _ := c.db.Messages(ctx, 1, 0, 10); len(msgs) != 0 {
		t.Fatalf("a refused request stored something: %v", msgs)
	}

	code, out := post(t, base, "order-shipped", token, "ship-A1001", body)
	if code != http.StatusAccepted || out["duplicate"] != false {
		t.Fatalf("accepted: %d %v", code, out)
	}
	code, again := post(t, base, "order-shipped", token, "ship-A1001", body)
	if code != http.StatusAccepted || again["duplicate"] != true || again["id"] != out["id"] {
		t.Fatalf("replayed: %d %v (first %v)", code, again, out)
	}
	eventually(t, "the template", func() bool { return len(l.graph.AcceptedTo(ana)) > 0 })
	got := l.graph.AcceptedTo(ana)
	if len(got) != 1 || got[0].Type != "template" || strings.Join(got[0].Params, "|") != ana+"|A1001" {
		t.Fatalf("sent to the customer: %+v", got)
	}
	contact, ok := storetest.ContactByWaID(t, c.db, ana)
	if !ok {
		t.Fatal("no contact for the notified number")
	}
	msgs, err := c.db.Messages(ctx, contact.ID, 0, 10)
	if err != nil || len(msgs) != 2 || msgs[0].Kind != store.KindNotification || msgs[0].Status != store.InboundDone ||
		!strings.Contains(msgs[0].Text, "order_id = A1001") || msgs[1].Type != "template" {
		t.Fatalf("conversation: %+v, %v", msgs, err)
	}
	values, _ := c.db.ContactAttributes(ctx, contact.ID)
	if values["order_id"] != "A1001" {
		t.Fatalf("attributes: %v", values)
	}

	code, stdout, _ = runCLI(t, "", "trigger", "list", "--db", c.db.Path)
	if code != 0 || !strings.Contains(stdout, "order-shipped\tstarts the flow Shipped") || !strings.Contains(stdout, "used 1 times") {
		t.Fatalf("trigger list: %d %q", code, stdout)
	}
	if code, _, stderr := runCLI(t, "", "trigger", "remove", "order-shipped", "--db", c.db.Path); code != 0 {
		t.Fatalf("trigger remove: %d %s", code, stderr)
	}
	if code, _ := post(t, base, "order-shipped", token, "", body); code != http.StatusNotFound {
		t.Fatalf("after remove: %d", code)
	}
}
