package engine

import (
	"testing"

	"chatflow/backend/flow"
)

// TestRegistryMatchesFlowDefinitions keeps the executors and the node type
// definitions in step: every defined type runs, nothing else does, and a
// type waits for input exactly when its executor can resume.
func TestRegistryMatchesFlowDefinitions(t *testing.T) {
	defined := map[string]bool{}
	for _, d := range flow.Defs() {
		defined[d.Type] = true
		ex, ok := registry[d.Type]
		if !ok {
			t.Errorf("node type %q has no executor in registry.go", d.Type)
			continue
		}
		if _, resumes := ex.(inputExecutor); resumes != d.WaitsForInput {
			t.Errorf("node type %q: WaitsForInput is %v but its executor resumes: %v", d.Type, d.WaitsForInput, resumes)
		}
	}
	for typ := range registry {
		if !defined[typ] {
			t.Errorf("executor for %q, which flow does not define", typ)
		}
	}
}
