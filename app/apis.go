package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/store"
)

// maxSampleResponse bounds the sample response stored with an API.
const maxSampleResponse = 256 << 10

// EventAPIsChanged is emitted after an API is saved or deleted, so the flow
// editor's API picker can refresh.
const EventAPIsChanged = "apis:changed"

// APIs is the "Your APIs" page: saved API definitions, the tester, cURL
// import and the call log.
type APIs struct {
	deps   *Deps
	client *apicall.Client
	runner *apicall.Runner

	mu   sync.Mutex
	runs map[string]*testRun
}

// NewAPIs returns the APIs service. Tests go out through the default HTTP
// client and are recorded in the call log like every other call.
func NewAPIs(deps *Deps) *APIs {
	client := &apicall.Client{}
	return &APIs{
		deps:   deps,
		client: client,
		runner: apicall.NewRunner(deps.DB, client, deps.Log),
		runs:   map[string]*testRun{},
	}
}

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

// List returns the saved APIs whose name or URL contains search (all when
// empty), by name, with the flows that call each.
func (s *APIs) List(search string) ([]APISummary, error) {
	ctx := s.deps.Ctx
	list, err := s.deps.DB.APIs(ctx, search)
	if err != nil {
		return nil, s.fail("list APIs", err)
	}
	u, err := loadUsages(ctx, s.deps.DB)
	if err != nil {
		return nil, s.fail("list APIs", err)
	}
	out := []APISummary{}
	for _, a := range list {
		out = append(out, APISummary{ID: a.ID, Name: a.Name, Method: a.Method, URL: a.URL,
			MappingCount: len(a.Mappings), UsedBy: u.ofAPI(a.Name), UpdatedAt: a.UpdatedAt.UTC().Format(time.RFC3339)})
	}
	return out, nil
}

// Get returns one saved API with its sample response and structure.
func (s *APIs) Get(id int64) (apicall.Definition, error) {
	a, err := s.deps.DB.API(s.deps.Ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return apicall.Definition{}, fmt.Errorf("This API no longer exists.")
	}
	if err != nil {
		return apicall.Definition{}, s.fail("load the API", err)
	}
	return a.Definition, nil
}

// Save creates the API (id 0) or updates it. Every mapping must go into an
// existing custom attribute. Renaming an API renames it in the flows that
// call it (the store does both in one transaction).
func (s *APIs) Save(def apicall.Definition) (apicall.Definition, error) {
	ctx := s.deps.Ctx
	def = def.Normalized()
	if err := def.Validate(); err != nil {
		return apicall.Definition{}, err
	}
	if len(def.SampleResponse) > maxSampleResponse {
		def.SampleResponse = "" // the structure is kept; a huge sample is not worth storing
	}
	if err := s.checkMappings(ctx, def.Mappings); err != nil {
		return apicall.Definition{}, err
	}
	saved, err := s.deps.DB.SaveAPI(ctx, def)
	switch {
	case errors.Is(err, store.ErrConflict):
		return apicall.Definition{}, fmt.Errorf("Another API is already named %q; pick another name.", def.Name)
	case errors.Is(err, store.ErrNotFound):
		return apicall.Definition{}, fmt.Errorf("This API no longer exists; it may have been deleted.")
	case err != nil:
		return apicall.Definition{}, s.fail("save the API", err)
	}
	s.deps.Events.Emit(EventAPIsChanged, nil)
	return saved.Definition, nil
}

// checkMappings refuses mappings into attributes that do not exist or are
// built in (those are set by the call or the conversation itself).
func (s *APIs) checkMappings(ctx context.Context, mappings []apicall.Mapping) error {
	if len(mappings) == 0 {
		return nil
	}
	defs, err := s.deps.DB.Attributes(ctx)
	if err != nil {
		return s.fail("check mappings", err)
	}
	known := map[string]bool{}
	for _, d := range defs {
		known[d.Name] = true
	}
	for i, m := range mappings {
		switch {
		case attribute.IsBuiltIn(m.Attribute):
			return fmt.Errorf("Mapping %d sets %s, which is built in; map it to a custom attribute.", i+1, m.Attribute)
		case !known[m.Attribute]:
			return fmt.Errorf("Mapping %d sets %q, which is not an attribute yet; create it first.", i+1, m.Attribute)
		}
	}
	return nil
}

// Duplicate saves a copy of an API under a free name ("Orders copy",
// "Orders copy 2", ...) and returns it.
func (s *APIs) Duplicate(id int64) (apicall.Definition, error) {
	def, err := s.Get(id)
	if err != nil {
		return apicall.Definition{}, err
	}
	list, err := s.deps.DB.APIs(s.deps.Ctx, "")
	if err != nil {
		return apicall.Definition{}, s.fail("duplicate the API", err)
	}
	taken := map[string]bool{}
	for _, a := range list {
		taken[strings.ToLower(a.Name)] = true
	}
	base := def.Name + " copy"
	name := base
	for n := 2; taken[strings.ToLower(name)]; n++ {
		name = fmt.Sprintf("%s %d", base, n)
	}
	def.ID, def.Name = 0, name
	return s.Save(def)
}

// Delete removes an API and its call log. It is refused, naming the nodes,
// while a flow calls it.
func (s *APIs) Delete(id int64) error {
	ctx := s.deps.Ctx
	def, err := s.Get(id)
	if err != nil {
		return err
	}
	u, err := loadUsages(ctx, s.deps.DB)
	if err != nil {
		return s.fail("delete the API", err)
	}
	if used := u.ofAPI(def.Name); len(used) > 0 {
		return fmt.Errorf("%q is called by %s, so it cannot be deleted.", def.Name, strings.Join(used, "; "))
	}
	if err := s.deps.DB.DeleteAPI(ctx, id); err != nil && !errors.Is(err, store.ErrNotFound) {
		return s.fail("delete the API", err)
	}
	s.deps.Events.Emit(EventAPIsChanged, nil)
	return nil
}

// Placeholders lists the placeholder names a definition uses, in order; the
// tester shows one test value field per name.
func (s *APIs) Placeholders(def apicall.Definition) ([]string, error) {
	return apicall.Placeholders(def), nil
}

// ImportCurl reads a pasted curl command into a definition (not saved).
func (s *APIs) ImportCurl(cmd string) (apicall.Definition, error) {
	def, err := apicall.ParseCurl(cmd)
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), "apicall: parse curl: ")
		return apicall.Definition{}, fmt.Errorf("Could not read the curl command: %s.", msg)
	}
	return def.Normalized(), nil
}

// fail logs an unexpected error in full and gives the UI one sentence.
func (s *APIs) fail(what string, err error) error {
	s.deps.Log.Error("apis: "+what, "err", err)
	return fmt.Errorf("Could not %s: %s.", what, strings.TrimSuffix(err.Error(), "."))
}
