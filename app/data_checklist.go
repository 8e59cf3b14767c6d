package app

import (
	"context"
	"fmt"
	"log/slog"
	"time"
)

// settingSimulated records that a simulation reached a bot reply, the
// "test it in the simulator" step of the checklist.
const settingSimulated = "firstrun.simulated_at"

// Checklist is the newcomer's path to a live bot, each step done or not
// from the real state of the data.
type Checklist struct {
	Steps []ChecklistStep `json:"steps"`
	// Flows is how many flows exist; the welcome screen shows with none.
	Flows int `json:"flows"`
	// Done is true when every step is done.
	Done bool `json:"done"`
}

// ChecklistStep is one step of the checklist.
type ChecklistStep struct {
	// ID is "build", "test", "whatsapp" or "publish".
	ID    string `json:"id"`
	Title string `json:"title"`
	Hint  string `json:"hint"`
	Done  bool   `json:"done"`
	// Href is where the step is done, as an app hash link ("#/settings").
	Href string `json:"href"`
}

// Checklist reads each step's state: a flow with more than its start node,
// a simulation that got a reply, a complete WhatsApp connection, a
// published flow.
func (d *Data) Checklist() (Checklist, error) {
	ctx := d.deps.Ctx
	flows, err := d.deps.DB.AllFlows(ctx)
	if err != nil {
		return Checklist{}, d.fail("read the flows", err)
	}
	built, published := false, false
	for _, f := range flows {
		built = built || len(f.Nodes) > 1
		published = published || f.Published
	}
	simulated, _, err := d.deps.DB.Setting(ctx, settingSimulated)
	if err != nil {
		return Checklist{}, d.fail("read the settings", err)
	}
	connected := false
	if d.settings != nil {
		st, err := d.settings.Status()
		connected = err == nil && len(st.Missing) == 0
	}
	steps := []ChecklistStep{
		{ID: "build", Title: "Build a flow", Hint: "Start from a template or add nodes to a blank flow.", Done: built, Href: "#/flows"},
		{ID: "test", Title: "Test it in the simulator", Hint: "Open a flow and chat with it in the simulator panel.", Done: simulated != "", Href: "#/flows"},
		{ID: "whatsapp", Title: "Connect WhatsApp", Hint: "Enter your WhatsApp Cloud API details in Settings.", Done: connected, Href: "#/settings"},
		{ID: "publish", Title: "Publish a flow", Hint: "Make one flow live so it answers your customers.", Done: published, Href: "#/flows"},
	}
	out := Checklist{Steps: steps, Flows: len(flows), Done: true}
	for _, s := range steps {
		out.Done = out.Done && s.Done
	}
	return out, nil
}

// markSimulated records that a simulation reached a reply (called by the
// simulator); only the first time writes.
func markSimulated(ctx context.Context, deps *Deps) {
	if _, ok, err := deps.DB.Setting(ctx, settingSimulated); err != nil || ok {
		return
	}
	if err := deps.DB.SetSetting(ctx, settingSimulated, time.Now().UTC().Format(time.RFC3339)); err != nil {
		deps.Log.Warn("data: mark the simulator step", slog.Any("err", err))
	}
}

// fail logs err and answers one sentence saying what could not be done.
func (d *Data) fail(what string, err error) error {
	d.deps.Log.Error("data: "+what, slog.Any("err", err))
	return fmt.Errorf("Could not %s.", what)
}
