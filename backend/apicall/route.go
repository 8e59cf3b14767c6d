package apicall

import (
	"strconv"
	"strings"
)

// MatchRoute picks the route an API node follows for an HTTP status: the
// exact code ("404") wins, then the status class ("4xx"), else OthersRoute.
// Status 0 (no response: timeout, refused connection, unreadable body)
// always takes OthersRoute. Route labels are compared case-insensitively
// and without surrounding spaces; the label returned is the one listed.
func MatchRoute(status int, routes []string) string {
	if status <= 0 {
		return OthersRoute
	}
	code := strconv.Itoa(status)
	class := code[:1] + "xx"
	classRoute := ""
	for _, r := range routes {
		label := strings.ToLower(strings.TrimSpace(r))
		if label == code {
			return r
		}
		if label == class && classRoute == "" {
			classRoute = r
		}
	}
	if classRoute != "" {
		return classRoute
	}
	return OthersRoute
}
