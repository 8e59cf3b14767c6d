package app

import (
	"embed"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"

	"chatflow/backend/apicall"
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

// Template is a starting point offered on the welcome screen.
type Template struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description"`
	// Features are short tags such as "Buttons" or "API call".
	Features []string `json:"features"`
}

// templates lists the bundles in app/templates, in the order shown.
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
func (d *Data) Templates() ([]Template, error) {
	return templates, nil
}

// StartFromTemplate imports a template's attributes, APIs and flow through
// the bundle import, as a draft. Names already taken get a number, and
// attributes that exist with the same type are reused.
func (d *Data) StartFromTemplate(id string) (StartResult, error) {
	b, err := loadTemplate(id)
	if err != nil {
		return StartResult{}, err
	}
	var res StartResult
	demo := d.demoBase()
	for i, a := range b.APIs {
		if strings.HasPrefix(a.URL, templateDemoBase) {
			b.APIs[i].URL = demo + strings.TrimPrefix(a.URL, templateDemoBase)
			if d.deps.Webhook == nil || d.deps.Webhook.Status().State != server.StateListening {
				res.Notice = "The demo order API runs on the webhook listener, which is not running; start it in Settings to get answers."
			}
		}
	}
	if err := d.fitNames(&b); err != nil {
		return StartResult{}, err
	}
	if _, err := bundle.Import(d.deps.Ctx, d.deps.DB, b, false); err != nil {
		d.deps.Log.Warn("data: import template", slog.String("template", id), slog.Any("err", err))
		return StartResult{}, bundleError(err)
	}
	f, err := d.deps.DB.FlowByName(d.deps.Ctx, b.Flows[0].Name)
	if err != nil {
		return StartResult{}, fmt.Errorf("The template was added but its flow could not be opened: %w", err)
	}
	d.deps.Events.Emit(EventFlowsChanged, f.ID)
	d.deps.Events.Emit(EventAttributesChanged, nil)
	d.deps.Events.Emit(EventAPIsChanged, nil)
	res.FlowID, res.FlowName = f.ID, f.Name
	return res, nil
}

// StartBlank creates an empty flow (a start node only) named "My first flow".
func (d *Data) StartBlank() (StartResult, error) {
	taken, err := d.flowNames()
	if err != nil {
		return StartResult{}, err
	}
	f, err := d.flows.Create(freeName("My first flow", taken))
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
		return bundle.Bundle{}, fmt.Errorf("There is no template called %q.", id)
	}
	data, err := templateFiles.ReadFile("templates/" + id + ".json")
	if err != nil {
		return bundle.Bundle{}, fmt.Errorf("app: read template %s: %w", id, err)
	}
	b, err := bundle.Parse(data)
	if err != nil {
		return bundle.Bundle{}, fmt.Errorf("app: template %s: %w", id, err)
	}
	if len(b.Flows) != 1 {
		return bundle.Bundle{}, fmt.Errorf("app: template %s must hold exactly one flow", id)
	}
	return b, nil
}

// demoBase is the demo API's address on this run's webhook listener.
func (d *Data) demoBase() string {
	if d.deps.Webhook == nil {
		return templateDemoBase
	}
	addr := d.deps.Webhook.Addr()
	host, port, err := net.SplitHostPort(addr)
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
func (d *Data) fitNames(b *bundle.Bundle) error {
	ctx := d.deps.Ctx
	attrs, err := d.deps.DB.Attributes(ctx)
	if err != nil {
		return fmt.Errorf("Could not read the attributes: %w", err)
	}
	kept := b.Attributes[:0]
	for _, a := range b.Attributes {
		clash := false
		for _, have := range attrs {
			if strings.EqualFold(have.Name, a.Name) {
				if have.Type != a.Type {
					return fmt.Errorf("You already have an attribute %q of type %s; this template needs it as %s. Rename yours to use the template.", have.Name, have.Type, a.Type)
				}
				clash = true
			}
		}
		if !clash {
			kept = append(kept, a)
		}
	}
	b.Attributes = kept

	apis, err := d.deps.DB.APIs(ctx, "")
	if err != nil {
		return fmt.Errorf("Could not read the APIs: %w", err)
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
			b.APIs[i] = renamedAPI(a, name)
		}
	}

	flowNames, err := d.flowNames()
	if err != nil {
		return err
	}
	b.Flows[0].Name = freeName(b.Flows[0].Name, flowNames)
	return nil
}

func renamedAPI(a apicall.Definition, name string) apicall.Definition {
	a.Name = name
	return a
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
func (d *Data) flowNames() (map[string]bool, error) {
	list, err := d.deps.DB.Flows(d.deps.Ctx)
	if err != nil {
		return nil, errors.New("Could not read the flows.")
	}
	out := map[string]bool{}
	for _, f := range list {
		out[strings.ToLower(f.Name)] = true
	}
	return out, nil
}

// freeName returns base, or "base 2", "base 3"... whichever is not taken.
func freeName(base string, taken map[string]bool) string {
	name := base
	for i := 2; taken[strings.ToLower(name)]; i++ {
		name = fmt.Sprintf("%s %d", base, i)
	}
	return name
}
