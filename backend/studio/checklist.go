package studio

import "context"

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
func (u *FirstRun) Checklist(ctx context.Context) (Checklist, error) {
	flows, err := u.s.db.AllFlows(ctx)
	if err != nil {
		return Checklist{}, u.s.internal("read the flows", err)
	}
	built, published := false, false
	for _, f := range flows {
		built = built || len(f.Nodes) > 1
		published = published || f.Published
	}
	simulated, err := u.s.cfg.Simulated(ctx)
	if err != nil {
		return Checklist{}, u.s.internal("read the settings", err)
	}
	// Connected is what Settings says is missing, so a built-in tunnel
	// counts as the public address.
	st, err := u.s.Settings.Status(ctx)
	connected := err == nil && len(st.Missing) == 0
	steps := []ChecklistStep{
		{ID: "build", Title: "Build a flow", Hint: "Start from a template or add nodes to a blank flow.", Done: built, Href: "#/flows"},
		{ID: "test", Title: "Test it in the simulator", Hint: "Open a flow and chat with it in the simulator panel.", Done: simulated, Href: "#/flows"},
		{ID: "whatsapp", Title: "Connect WhatsApp", Hint: "Enter your WhatsApp Cloud API details in Settings.", Done: connected, Href: "#/settings"},
		{ID: "publish", Title: "Publish a flow", Hint: "Make one flow live so it answers your customers.", Done: published, Href: "#/flows"},
	}
	out := Checklist{Steps: steps, Flows: len(flows), Done: true}
	for _, s := range steps {
		out.Done = out.Done && s.Done
	}
	return out, nil
}
