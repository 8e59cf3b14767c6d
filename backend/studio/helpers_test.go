package studio

import (
	"context"
	"sync"
	"testing"

	"chatflow/backend/store/storetest"
	"chatflow/backend/studio/config"
)

// recordedEvents is a Notifier that remembers event names.
type recordedEvents struct {
	mu    sync.Mutex
	names []string
}

func (r *recordedEvents) Emit(name string, _ any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.names = append(r.names, name)
}

func (r *recordedEvents) count(name string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, x := range r.names {
		if x == name {
			n++
		}
	}
	return n
}

// newTestStudio builds the use cases over a fresh database with a recording
// event sink and no listener; env plays the process environment.
func newTestStudio(t *testing.T, env map[string]string) (*Studio, *recordedEvents) {
	t.Helper()
	db := storetest.NewDB(t)
	ev := &recordedEvents{}
	st := New(Deps{DB: db, Config: config.New(db, func(k string) string { return env[k] }), Events: ev})
	return st, ev
}

// bg is the context the tests run under.
var bg = context.Background()
