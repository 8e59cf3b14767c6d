package engine

import (
	"maps"
	"strconv"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/flow"
)

// apiNode calls one of the saved APIs, stores api.status, api.error and the
// mapped attributes, and follows the route the outcome names. A route the
// node does not list (or none) takes "others".
type apiNode struct{}

func (apiNode) enter(rc *runContext, n flow.Node) result {
	call := apicall.Call{
		API:       n.Data.API,
		Routes:    append([]string(nil), n.Data.Routes...),
		ContactID: rc.contactID,
		Values:    maps.Clone(rc.attrs),
		Source:    rc.engine.d.CallSource,
	}
	var out apicall.Outcome
	if rc.engine.d.APIs == nil {
		out = apicall.Outcome{Route: apicall.OthersRoute, Error: "no API runner is configured"}
	} else {
		out = rc.engine.d.APIs.RunAPI(rc.ctx, call)
	}
	set := make(map[string]string, len(out.Mapped)+2)
	for k, v := range out.Mapped {
		set[k] = v
	}
	set[attribute.APIStatus] = strconv.Itoa(out.Status)
	set[attribute.APIError] = out.Error
	route := out.Route
	if !contains(flow.Outputs(n), route) {
		route = apicall.OthersRoute
	}
	out.Route = route
	return result{output: route, set: set, call: &out}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
