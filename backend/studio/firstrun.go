package studio

import (
	"context"
	"embed"
	"fmt"
	"net"
	"strings"

	"chatflow/backend/apperr"
	"chatflow/backend/bundle"
	"chatflow/backend/flow"
	"chatflow/backend/server"
)

//go:embed templates/*.json
var templateFiles embed.FS

// templateDemoBase is the demo API's address as written in the templates.
// At import it is rewritten to where the webhook listener really listens,
// because that listener serves the demo API (see backend/demo).
const templateDemoBase = "http://127.0.0.1:8080/demo/"

// FirstRun is the newcomer's path: the starting templates, a blank first
// flow, and the checklist to a live bot.
type FirstRun struct{ s *Studio }

// Template is a starting point offered on the welcome screen.
type Template struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description"`
	// Features are short tags such as "Buttons" or "API call".
	Features []string `json:"features"`
}

// templates lists the bundles in templates/, in the order shown.
var templates = []Template{
	{ID: "order-status", Title: "Order status",
		Description: "Customers type their order number and the bot looks it up with an API call. Comes with a demo order API to try it against (orders A1001, A1002, A1003).",
		Features:    []string{"Buttons", "Question", "API call", "Condition"}},
	{ID: "appointment-booking", Title: "Appointment booking",
		Description: "Customers pick a service, a day and a time of day; the bot repeats the booking back and a person confirms it.",
		Features:    []string{"Buttons", "List menu", "Date question"}},
	{ID: "faq", Title: "FAQ",
		Description: "Answers common questions from a list menu (opening hours, delivery, returns, payment) and hands over to a person for anything else.",
		Features:    []string{"List menu", "Messages", "Handoff"}},
}

// StartResult is the flow a template or a blank start created.
type StartResult struct {
	FlowID   int64  `json:"flowId"`
	FlowName string `json:"flowName"`
	// Notice is an extra sentence to show, such as why the demo API may not
	// answer ("" when there is nothing to say).
	Notice string `json:"notice"`
}

// Templates lists the starting points.
func (u *FirstRun) Templates() []Template { return templates }

// StartFromTemplate imports a template's attributes, APIs and flow through
// the bundle import, as a draft. Names already taken get a number, and
// attributes that exist with the same type are reused.
func (u *FirstRun) StartFromTemplate(ctx context.Context, id string) (StartResult, error) {
	b, err := loadTemplate(id)
	if err != nil {
		return StartResult{}, err
	}
	var res StartResult
	demo := u.demoBase()
	for i, a := range b.APIs {
		if strings.HasPrefix(a.URL, templateDemoBase) {
			b.APIs[i].URL = demo + strings.TrimPrefix(a.URL, templateDemoBase)
			if u.s.listener == nil || u.s.listener.Status().State != server.StateListening {
				res.Notice = "The demo order API runs on the webhook listener, which is not running; start it in Settings to get answers."
			}
		}
	}
	if err := u.fitNames(ctx, &b); err != nil {
		return StartResult{}, err
	}
	if _, err := u.s.Bundles.Import(ctx, b, false); err != nil {
		return StartResult{}, err
	}
	f, err := u.s.db.FlowByName(ctx, b.Flows[0].Name)
	if err != nil {
		return StartResult{}, u.s.internal("open the template's flow", err)
	}
	u.s.emit(EventFlowsChanged, f.ID)
	res.FlowID, res.FlowName = f.ID, f.Name
	return res, nil
}

// StartBlank creates an empty flow (a start node only) named "My first flow".
func (u *FirstRun) StartBlank(ctx context.Context) (StartResult, error) {
	taken, err := u.flowNames(ctx)
	if err != nil {
		return StartResult{}, err
	}
	f, err := u.s.Flows.Create(ctx, freeName("My first flow", taken))
	if err != nil {
		return StartResult{}, err
	}
	return StartResult{FlowID: f.ID, FlowName: f.Name}, nil
}

// loadTemplate reads and parses one embedded template.
func loadTemplate(id string) (bundle.Bundle, error) {
	known := false
	for _, t := range templates {
		known = known || t.ID == id
	}
	if !known {
		return bundle.Bundle{}, apperr.Errorf(apperr.ENOTFOUND, "There is no template called %q.", id)
	}
	data, err := templateFiles.ReadFile("templates/" + id + ".json")
	if err != nil {
		return bundle.Bundle{}, fmt.Errorf("studio: read template %s: %w", id, err)
	}
	b, err := bundle.Parse(data)
	if err != nil {
		return bundle.Bundle{}, fmt.Errorf("studio: template %s: %w", id, err)
	}
	if len(b.Flows) != 1 {
		return bundle.Bundle{}, fmt.Errorf("studio: template %s must hold exactly one flow", id)
	}
	return b, nil
}

// demoBase is the demo API's address on this run's webhook listener.
func (u *FirstRun) demoBase() string {
	if u.s.listener == nil {
		return templateDemoBase
	}
	host, port, err := net.SplitHostPort(u.s.listener.Addr())
	if err != nil || port == "" || port == "0" {
		return templateDemoBase
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/demo/"
}

// fitNames renames the template's flow and APIs when their names are taken
// (updating the API nodes that call them) and drops attributes that exist
// already with the same type.
func (u *FirstRun) fitNames(ctx context.Context, b *bundle.Bundle) error {
	attrs, err := u.s.db.Attributes(ctx)
	if err != nil {
		return u.s.internal("read the attributes", err)
	}
	kept := b.Attributes[:0]
	for _, a := range b.Attributes {
		clash := false
		for _, have := range attrs {
			if strings.EqualFold(have.Name, a.Name) {
				if have.Type != a.Type {
					return apperr.Errorf(apperr.ECONFLICT, "You already have an attribute %q of type %s; this template needs it as %s. Rename yours to use the template.", have.Name, have.Type, a.Type)
				}
				clash = true
			}
		}
		if !clash {
			kept = append(kept, a)
		}
	}
	b.Attributes = kept

	apis, err := u.s.db.APIs(ctx, "")
	if err != nil {
		return u.s.internal("read the APIs", err)
	}
	apiNames := map[string]bool{}
	for _, a := range apis {
		apiNames[strings.ToLower(a.Definition.Name)] = true
	}
	for i, a := range b.APIs {
		name := freeName(a.Name, apiNames)
		apiNames[strings.ToLower(name)] = true
		if name != a.Name {
			renameAPICalls(b.Flows, a.Name, name)
			b.APIs[i].Name = name
		}
	}

	flowNames, err := u.flowNames(ctx)
	if err != nil {
		return err
	}
	b.Flows[0].Name = freeName(b.Flows[0].Name, flowNames)
	return nil
}

func renameAPICalls(flows []bundle.Flow, from, to string) {
	for fi := range flows {
		for ni, n := range flows[fi].Nodes {
			if n.Type == flow.TypeAPI && n.Data.API == from {
				flows[fi].Nodes[ni].Data.API = to
			}
		}
	}
}

// flowNames is the set of flow names in use, lower-cased.
func (u *FirstRun) flowNames(ctx context.Context) (map[string]bool, error) {
	list, err := u.s.db.Flows(ctx)
	if err != nil {
		return nil, u.s.internal("read the flows", err)
	}
	out := map[string]bool{}
	for _, f := range list {
		out[strings.ToLower(f.Name)] = true
	}
	return out, nil
}
