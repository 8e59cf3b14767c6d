package apicall

// Call asks for one API to be run from a flow: the API is named as the flow
// names it, and Routes are the route labels the flow's API node branches on.
type Call struct {
	API       string            `json:"api"`
	Routes    []string          `json:"routes"`
	ContactID int64             `json:"contactId"`
	Values    map[string]string `json:"values"`
	// Source says who asked ("live", "simulator", "test") for the call log.
	Source string `json:"source"`
}

// Outcome is what a flow learns from one API call. Status is 0 when no HTTP
// response was read (timeout, refused connection, TLS failure, oversized or
// unreadable body); then Route is "others" and Error says what happened.
type Outcome struct {
	Status     int               `json:"status"`
	Route      string            `json:"route"`
	Error      string            `json:"error"`
	Mapped     map[string]string `json:"mapped"`
	DurationMs int64             `json:"durationMs"`
}

// OthersRoute is the route taken when no listed route matches.
const OthersRoute = "others"
