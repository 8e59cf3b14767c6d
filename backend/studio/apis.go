package studio

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"chatflow/backend/apicall"
	"chatflow/backend/apperr"
	"chatflow/backend/store"
)

// maxSampleResponse bounds the sample response stored with an API.
const maxSampleResponse = 256 << 10

// APIs are the use cases of saved API definitions: the list with where each
// is used, saving under the mapping rules, copies, deletion, cURL import and
// the call log. The tester is Tester.
type APIs struct{ s *Studio }

// APISummary is one row of the APIs list.
type APISummary struct {
	ID           int64    `json:"id"`
	Name         string   `json:"name"`
	Method       string   `json:"method"`
	URL          string   `json:"url"`
	MappingCount int      `json:"mappingCount"`
	UsedBy       []string `json:"usedBy"`
	UpdatedAt    string   `json:"updatedAt"`
}

// CallLogEntry is one row of an API's call log.
type CallLogEntry struct {
	ID                int64        `json:"id"`
	At                string       `json:"at"`
	Source            string       `json:"source"`
	ContactID         int64        `json:"contactId"`
	Method            string       `json:"method"`
	URL               string       `json:"url"`
	Status            int          `json:"status"`
	DurationMs        int64        `json:"durationMs"`
	Error             string       `json:"error"`
	RequestHeaders    []apicall.KV `json:"requestHeaders"`
	RequestBody       string       `json:"requestBody"`
	ResponseBody      string       `json:"responseBody"`
	ResponseTruncated bool         `json:"responseTruncated"`
}

// List returns the saved APIs whose name or URL contains search (all when
// empty), by name, with the flows that call each.
func (u *APIs) List(ctx context.Context, search string) ([]APISummary, error) {
	list, err := u.s.db.APIs(ctx, search)
	if err != nil {
		return nil, u.s.internal("list APIs", err)
	}
	uses, err := loadUsages(ctx, u.s.db)
	if err != nil {
		return nil, u.s.internal("list APIs", err)
	}
	out := []APISummary{}
	for _, a := range list {
		out = append(out, APISummary{ID: a.ID, Name: a.Name, Method: a.Method, URL: a.URL,
			MappingCount: len(a.Mappings), UsedBy: uses.ofAPI(a.Name), UpdatedAt: a.UpdatedAt.UTC().Format(time.RFC3339)})
	}
	return out, nil
}

// Get returns one saved API with its sample response and structure.
func (u *APIs) Get(ctx context.Context, id int64) (apicall.Definition, error) {
	a, err := u.s.db.API(ctx, id)
	if err != nil {
		return apicall.Definition{}, u.s.notFound("load the API", err, "This API no longer exists.")
	}
	return a.Definition, nil
}

// Save creates the API (id 0) or updates it, under the same rules as a
// bundle import (checkAPI): every mapping must save into an existing custom
// attribute. Renaming an API renames it in the flows that call it (the
// store does both in one transaction).
func (u *APIs) Save(ctx context.Context, def apicall.Definition) (apicall.Definition, error) {
	defs, err := u.s.db.Attributes(ctx)
	if err != nil {
		return apicall.Definition{}, u.s.internal("check mappings", err)
	}
	def, err = checkAPI(def, customNames(defs))
	if err != nil {
		return apicall.Definition{}, err
	}
	if len(def.SampleResponse) > maxSampleResponse {
		def.SampleResponse = "" // the structure is kept; a huge sample is not worth storing
	}
	saved, err := u.s.db.SaveAPI(ctx, def)
	switch {
	case errors.Is(err, store.ErrConflict):
		return apicall.Definition{}, &apperr.Error{Code: apperr.ECONFLICT, Field: "name", Err: err,
			Message: fmt.Sprintf("Another API is already named %q; pick another name.", def.Name)}
	case errors.Is(err, store.ErrNotFound):
		return apicall.Definition{}, apperr.Wrap(apperr.ENOTFOUND, err, "This API no longer exists; it may have been deleted.")
	case err != nil:
		return apicall.Definition{}, u.s.internal("save the API", err)
	}
	u.s.emit(EventAPIsChanged, nil)
	return saved.Definition, nil
}

// Duplicate saves a copy of an API under a free name ("Orders copy",
// "Orders copy 2", ...) and returns it.
func (u *APIs) Duplicate(ctx context.Context, id int64) (apicall.Definition, error) {
	def, err := u.Get(ctx, id)
	if err != nil {
		return apicall.Definition{}, err
	}
	list, err := u.s.db.APIs(ctx, "")
	if err != nil {
		return apicall.Definition{}, u.s.internal("duplicate the API", err)
	}
	taken := map[string]bool{}
	for _, a := range list {
		taken[strings.ToLower(a.Name)] = true
	}
	def.ID, def.Name = 0, freeName(def.Name+" copy", taken)
	return u.Save(ctx, def)
}

// Delete removes an API and its call log. It is refused (ECONFLICT), naming
// the nodes, while a flow calls it.
func (u *APIs) Delete(ctx context.Context, id int64) error {
	def, err := u.Get(ctx, id)
	if err != nil {
		return err
	}
	uses, err := loadUsages(ctx, u.s.db)
	if err != nil {
		return u.s.internal("delete the API", err)
	}
	if used := uses.ofAPI(def.Name); len(used) > 0 {
		return apperr.Errorf(apperr.ECONFLICT, "%q is called by %s, so it cannot be deleted.", def.Name, strings.Join(used, "; "))
	}
	if err := u.s.db.DeleteAPI(ctx, id); err != nil && !errors.Is(err, store.ErrNotFound) {
		return u.s.internal("delete the API", err)
	}
	u.s.emit(EventAPIsChanged, nil)
	return nil
}

// ImportCurl reads a pasted curl command into a definition (not saved).
func (u *APIs) ImportCurl(cmd string) (apicall.Definition, error) {
	def, err := apicall.ParseCurl(cmd)
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), "apicall: parse curl: ")
		return apicall.Definition{}, apperr.Wrap(apperr.EINVALID, err, fmt.Sprintf("Could not read the curl command: %s.", msg))
	}
	return def.Normalized(), nil
}

// CallLog returns the newest calls of one API (tests, simulator and live),
// newest first; limit 0 means 50.
func (u *APIs) CallLog(ctx context.Context, apiID int64, limit int) ([]CallLogEntry, error) {
	if limit <= 0 || limit > 500 {
		limit = 50
	}
	entries, err := u.s.db.CallLog(ctx, apiID, limit)
	if err != nil {
		return nil, u.s.internal("load the call log", err)
	}
	out := make([]CallLogEntry, 0, len(entries))
	for _, e := range entries {
		out = append(out, CallLogEntry{
			ID: e.ID, At: e.At.UTC().Format(time.RFC3339Nano), Source: e.Source, ContactID: e.ContactID,
			Method: e.Method, URL: e.URL, Status: e.Status, DurationMs: e.DurationMs, Error: e.Error,
			RequestHeaders: e.RequestHeaders, RequestBody: e.RequestBody, ResponseBody: e.ResponseBody,
			ResponseTruncated: e.ResponseTruncated,
		})
	}
	return out, nil
}

// freeName returns base, or "base 2", "base 3"... whichever is not taken
// (taken holds lower-cased names).
func freeName(base string, taken map[string]bool) string {
	name := base
	for i := 2; taken[strings.ToLower(name)]; i++ {
		name = fmt.Sprintf("%s %d", base, i)
	}
	return name
}
