package inbox_test

import (
	"context"
	"strings"
	"testing"

	"chatflow/backend/engine"
	"chatflow/backend/flow"
	"chatflow/backend/inbox"
	"chatflow/backend/store"
	"chatflow/backend/watemplates"
	"chatflow/backend/whatsapp/whatsapptest"
)

// shippedFlow answers "order" with the order_shipped template; its quick
// reply "Track it" leads to a message, any other answer to another.
func shippedFlow() flow.Flow {
	n := func(id, typ string, d flow.NodeData) flow.Node { return flow.Node{ID: id, Type: typ, Data: d} }
	e := func(src, handle, dst string) flow.Edge {
		return flow.Edge{ID: src + handle, Source: src, SourceHandle: handle, Target: dst}
	}
	return flow.Flow{Name: "Shipped", Nodes: []flow.Node{
		n("start", flow.TypeStart, flow.NodeData{Keywords: []string{"order"}}),
		n("tpl", flow.TypeTemplate, flow.NodeData{Template: "order_shipped", Language: "en_US",
			Parameters: []string{"{{contact.name}}", "A<1001> & co"}, QuickReplies: []string{"Track it"}}),
		n("track", flow.TypeMessage, flow.NodeData{Text: "Tracking your order."}),
		n("other", flow.TypeMessage, flow.NodeData{Text: "Write order to see it again."}),
	}, Edges: []flow.Edge{e("start", "out", "tpl"), e("tpl", "Track it", "track"), e("tpl", "out", "other")}}
}

// TestAFlowSendsATemplateAndFollowsItsQuickReply drives a published flow
// with a template node through the live pipeline: the outbox sends Meta's
// template shape with the rendered values, and a tap on the quick reply
// (a webhook message of type button) takes that branch.
func TestAFlowSendsATemplateAndFollowsItsQuickReply(t *testing.T) {
	h := newHarness(t)
	h.syncTemplates(shippedTemplate)
	ctx := context.Background()
	f, err := h.db.CreateFlow(ctx, shippedFlow(), store.FlowCheck{Valid: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := h.db.PublishFlow(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	h.stop()
	h.start(engine.New(engine.Deps{Flows: inbox.LiveFlows(h.db), Attributes: h.db.Attributes, Templates: watemplates.New(h.db)}))
	const ana = "5511999990001"

	h.post(whatsapptest.Body(whatsapptest.Inbound{From: ana, Name: "Ana", ID: "wamid.1", Text: "order"}))
	got := h.received(ana, 1)
	if got[0].Type != "template" || got[0].Template != "order_shipped" || got[0].Language != "en_US" ||
		strings.Join(got[0].Params, "|") != "Ana|A<1001> & co" || strings.Join(got[0].Options, "|") != "Track it" {
		t.Fatalf("template sent = %+v", got[0])
	}
	msgs := h.conversation(ana)
	if len(msgs) != 2 || msgs[1].Type != "template" || msgs[1].Text != "Hi Ana, order A<1001> & co has shipped." {
		t.Fatalf("conversation = %+v", msgs)
	}

	h.post(whatsapptest.QuickReplyBody(ana, "Ana", "wamid.2", "Track it"))
	if got = h.received(ana, 2); got[1].Text != "Tracking your order." {
		t.Fatalf("after the quick reply = %+v", got[1])
	}
}
