package studio

import (
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"chatflow/backend/demo"
	"chatflow/backend/flow"
	"chatflow/backend/server"
	"chatflow/backend/studio/config"
)

// withDemoListener starts a webhook listener serving the demo order API on a
// free loopback port, as the core does.
func withDemoListener(t *testing.T, st *Studio) {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle(demo.OrdersPath, demo.OrdersHandler())
	l := server.NewListener("webhook listener", mux, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := l.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Stop(bg) })
	st.listener = l
}

func TestEveryTemplateImportsAndValidates(t *testing.T) {
	st, ev := newTestStudio(t, nil)
	d := st.FirstRun
	withDemoListener(t, st)
	list := d.Templates()
	if len(list) != 3 {
		t.Fatalf("Templates: %v", list)
	}
	for _, tpl := range list {
		t.Run(tpl.ID, func(t *testing.T) {
			res, err := d.StartFromTemplate(bg, tpl.ID)
			if err != nil || res.FlowID == 0 || res.Notice != "" {
				t.Fatalf("StartFromTemplate: %+v %v", res, err)
			}
			f, err := st.db.Flow(bg, res.FlowID)
			if err != nil {
				t.Fatal(err)
			}
			if f.Published {
				t.Fatal("a template was published on import")
			}
			env, _, err := loadEnv(bg, st.db)
			if err != nil {
				t.Fatal(err)
			}
			if problems := flow.Validate(f, env); len(problems) > 0 {
				t.Fatalf("the template has problems: %+v", problems)
			}
		})
	}
	if ev.count(EventFlowsChanged) < 3 {
		t.Fatalf("flows:changed emitted %d times", ev.count(EventFlowsChanged))
	}
	if _, err := d.StartFromTemplate(bg, "../../etc/passwd"); err == nil || err.Error() != `There is no template called "../../etc/passwd".` {
		t.Fatalf("unknown template: %v", err)
	}
}

func TestTemplateTwiceGetsFreeNames(t *testing.T) {
	st, _ := newTestStudio(t, nil)
	d := st.FirstRun
	withDemoListener(t, st)
	first, err := d.StartFromTemplate(bg, "order-status")
	if err != nil {
		t.Fatal(err)
	}
	second, err := d.StartFromTemplate(bg, "order-status")
	if err != nil || first.FlowName != "Order status" || second.FlowName != "Order status 2" {
		t.Fatalf("names %q, %q: %v", first.FlowName, second.FlowName, err)
	}
	f, _ := st.db.Flow(bg, second.FlowID)
	for _, n := range f.Nodes {
		if n.Type == flow.TypeAPI && n.Data.API != "Order status 2" {
			t.Fatalf("the copy's API node calls %q", n.Data.API)
		}
	}
	api, err := st.db.APIByName(bg, "Order status 2")
	if err != nil || !strings.HasPrefix(api.URL, "http://"+st.listener.Addr()+"/demo/orders/") {
		t.Fatalf("second API %+v: %v", api, err)
	}
	blank, err := d.StartBlank(bg)
	if err != nil || blank.FlowName != "My first flow" {
		t.Fatalf("StartBlank: %+v %v", blank, err)
	}
	if again, _ := d.StartBlank(bg); again.FlowName != "My first flow 2" {
		t.Fatalf("second blank flow: %+v", again)
	}
}

func TestTemplateWithoutListenerSaysSo(t *testing.T) {
	st, _ := newTestStudio(t, nil)
	d := st.FirstRun
	res, err := d.StartFromTemplate(bg, "order-status")
	if err != nil || !strings.Contains(res.Notice, "webhook listener, which is not running") {
		t.Fatalf("without a listener: %+v %v", res, err)
	}
}

func TestOrderTemplateSimulatesAgainstTheDemoAPI(t *testing.T) {
	st, _ := newTestStudio(t, nil)
	d := st.FirstRun
	withDemoListener(t, st)
	res, err := d.StartFromTemplate(bg, "order-status")
	if err != nil {
		t.Fatal(err)
	}
	sim := st.Simulator
	ss, err := sim.Start(bg, res.FlowID, nil)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		text, reply, wantNode, wantReply string
	}{
		{"hi", "", "menu", "How can we help you today?"},
		{"", "track", "ask", "What is your order number?"},
		{"A1001", "", "", "Good news! Order A1001 is on its way and should arrive on Saturday 2 May."},
	}
	for _, s := range steps {
		turn, err := sim.Send(bg, ss.ID, s.text, s.reply)
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		for _, r := range turn.Replies {
			texts = append(texts, r.Text)
		}
		if turn.NodeID != s.wantNode || !strings.Contains(strings.Join(texts, "\n"), s.wantReply) {
			t.Fatalf("after %q%q: node %q, replies %q, calls %+v", s.text, s.reply, turn.NodeID, texts, turn.Calls)
		}
	}
	check, err := d.Checklist(bg)
	if err != nil || check.Flows != 1 || !check.Steps[0].Done || !check.Steps[1].Done || check.Steps[3].Done {
		t.Fatalf("checklist after simulating: %+v %v", check, err)
	}
}

func TestChecklist(t *testing.T) {
	st, _ := newTestStudio(t, nil)
	d := st.FirstRun
	c, err := d.Checklist(bg)
	if err != nil || c.Flows != 0 || c.Done || len(c.Steps) != 4 {
		t.Fatalf("empty: %+v %v", c, err)
	}
	for _, s := range c.Steps {
		if s.Done || s.Title == "" || !strings.HasPrefix(s.Href, "#/") {
			t.Fatalf("empty database step %+v", s)
		}
	}
	blank, _ := d.StartBlank(bg)
	if c, _ = d.Checklist(bg); c.Flows != 1 || c.Steps[0].Done {
		t.Fatalf("a flow with only its start node counts as built: %+v", c.Steps[0])
	}
	f, _ := st.Flows.Get(bg, blank.FlowID)
	f.Nodes = append(f.Nodes, flowNode("m", "message", "Hello!"))
	f.Edges = append(f.Edges, flowEdge("start", "m"))
	if _, err := st.Flows.Save(bg, f); err != nil {
		t.Fatal(err)
	}
	if err := st.Flows.Publish(bg, blank.FlowID); err != nil {
		t.Fatal(err)
	}
	_, err = st.Settings.Save(bg, config.WhatsAppInput{PhoneNumberID: "1234567890", AccessToken: "token-123456",
		AppSecret: "secret-123456", VerifyToken: "verify-123456", PublicURL: "https://bot.example.com"})
	if err != nil {
		t.Fatal(err)
	}
	st.Config().MarkSimulated(bg, time.Now())
	c, _ = d.Checklist(bg)
	for _, s := range c.Steps {
		if !s.Done {
			t.Fatalf("step %q not done: %+v", s.ID, c)
		}
	}
	if !c.Done {
		t.Fatal("every step done but the checklist is not")
	}
}
