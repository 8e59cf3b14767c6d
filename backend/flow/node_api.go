package flow

import "strings"

// TypeAPI calls a saved API and branches on its status code.
const TypeAPI = "api"

// MaxRoutesPerAPINode caps the routes an api node branches on.
const MaxRoutesPerAPINode = 20

var apiDef = Def{
	Type:        TypeAPI,
	Label:       "API call",
	Description: "Calls one of your APIs, saves the mapped fields and branches on the status code; \"others\" catches everything unlisted, timeouts and errors.",
	Group:       GroupLogic,
	Fields: []Field{
		{Name: "api", Kind: KindAPI},
		{Name: "routes", Kind: KindTexts, Reserved: []string{HandleOthers}},
	},
	Defaults: NodeData{Routes: []string{"200", "404"}},
	Outputs:  []OutputRule{EachText("routes", HandleOthers), Fixed(HandleOthers, "Others")},
	Limits:   []Limit{{"routes", MaxRoutesPerAPINode}},
	check:    checkAPI,
}

func checkAPI(v *validator, n Node) {
	d := n.Data
	switch {
	case strings.TrimSpace(d.API) == "":
		v.add(SeverityError, n.ID, "api", "Choose the API to call.")
	case v.env != nil && !v.env.APIExists(d.API):
		v.add(SeverityError, n.ID, "api", "There is no API named %q.", d.API)
	default:
		if ac, ok := v.env.(APIChecker); ok {
			for _, w := range ac.APIWarnings(d.API) {
				v.add(SeverityWarning, n.ID, "api", "The API %q: %s", d.API, w)
			}
		}
	}
	if len(d.Routes) > MaxRoutesPerAPINode {
		v.add(SeverityError, n.ID, "routes", "An API node has at most %d routes.", MaxRoutesPerAPINode)
	}
	seen := map[string]bool{}
	for _, r := range d.Routes {
		switch {
		case r == HandleOthers:
			v.add(SeverityError, n.ID, "routes", "\"others\" is always there; remove it from the routes.")
		case !ValidRoute(r):
			v.add(SeverityError, n.ID, "routes", "%q is not a route; use a status code such as 200 or a class such as 4xx.", r)
		case seen[r]:
			v.add(SeverityError, n.ID, "routes", "The route %q is listed twice.", r)
		}
		seen[r] = true
	}
}

// ValidRoute reports whether r is a status code (100-599) or a status class
// written as 1xx to 5xx.
func ValidRoute(r string) bool {
	if len(r) != 3 || r[0] < '1' || r[0] > '5' {
		return false
	}
	if r[1:] == "xx" {
		return true
	}
	return r[1] >= '0' && r[1] <= '9' && r[2] >= '0' && r[2] <= '9'
}
