package engine

import (
	"errors"
	"sync"

	"github.com/expr-lang/expr/vm"

	"chatflow/backend/attribute"
	"chatflow/backend/flow"
)

// Cache keeps the compiled expressions of each flow version, so that an
// expression is compiled once (when the flow is saved, or on its first run)
// and not on every message. It keeps the two most recently used versions of
// each flow: the published copy that customers run and the draft that the
// editor and the simulator use.
type Cache struct {
	mu    sync.Mutex
	flows map[int64][]*flowPrograms
}

// versionsKept is how many versions of one flow the cache holds.
const versionsKept = 2

type flowPrograms struct {
	version   int
	signature string
	programs  map[programKey]compiled
}

type programKey struct {
	src    string
	asBool bool
}

type compiled struct {
	program *vm.Program
	err     error
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{flows: map[int64][]*flowPrograms{}}
}

// Compile compiles every expression of f with the given attribute types and
// keeps the programs for f's version. It returns the compile errors joined.
func (c *Cache) Compile(f flow.Flow, defs []attribute.Definition) error {
	env := newExprEnv(defs)
	var errs []error
	for _, n := range f.Nodes {
		if n.Data.Expression == "" || (n.Type != flow.TypeCondition && n.Type != flow.TypeSetAttribute) {
			continue
		}
		if _, err := c.program(f, env, n.Data.Expression, n.Type == flow.TypeCondition); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// program returns the compiled program for src in flow f, compiling it on
// first use. Flows without an id (not saved yet) are compiled every time.
func (c *Cache) program(f flow.Flow, env *exprEnv, src string, asBool bool) (*vm.Program, error) {
	if f.ID == 0 {
		return env.compile(src, asBool)
	}
	key := programKey{src: src, asBool: asBool}
	c.mu.Lock()
	fp := c.versionLocked(f.ID, f.Version, env.signature)
	if p, ok := fp.programs[key]; ok {
		c.mu.Unlock()
		return p.program, p.err
	}
	c.mu.Unlock()
	p, err := env.compile(src, asBool)
	c.mu.Lock()
	fp.programs[key] = compiled{program: p, err: err}
	c.mu.Unlock()
	return p, err
}

// versionLocked returns the programs of one flow version, moving them to the
// front (most recently used) and dropping the oldest beyond versionsKept.
func (c *Cache) versionLocked(id int64, version int, signature string) *flowPrograms {
	list := c.flows[id]
	for i, fp := range list {
		if fp.version == version && fp.signature == signature {
			copy(list[1:i+1], list[:i])
			list[0] = fp
			return fp
		}
	}
	fp := &flowPrograms{version: version, signature: signature, programs: map[programKey]compiled{}}
	list = append([]*flowPrograms{fp}, list...)
	if len(list) > versionsKept {
		list = list[:versionsKept]
	}
	c.flows[id] = list
	return fp
}

// Forget drops the programs of one flow (after it is deleted).
func (c *Cache) Forget(flowID int64) {
	c.mu.Lock()
	delete(c.flows, flowID)
	c.mu.Unlock()
}
