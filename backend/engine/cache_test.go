package engine

import (
	"testing"

	"chatflow/backend/attribute"
	"chatflow/backend/flow"
)

func TestCacheCompilesOncePerVersion(t *testing.T) {
	defs := []attribute.Definition{{Name: "total", Type: attribute.Number}}
	env := newExprEnv(defs)
	c := NewCache()
	f := flow.Flow{ID: 3, Version: 1, Nodes: []flow.Node{{ID: "c", Type: "condition", Data: flow.NodeData{Expression: "total > 1"}}}}
	if err := c.Compile(f, defs); err != nil {
		t.Fatal(err)
	}
	p1, _ := c.program(f, env, "total > 1", true)
	p2, _ := c.program(f, env, "total > 1", true)
	if p1 == nil || p1 != p2 {
		t.Fatal("the same version reuses the compiled program")
	}
	f.Version = 2
	if p3, _ := c.program(f, env, "total > 1", true); p3 == p1 {
		t.Fatal("a new version compiles again")
	}
	f.Version = 1
	if p4, _ := c.program(f, env, "total > 1", true); p4 != p1 {
		t.Fatal("two versions (live and draft) stay cached")
	}
	changed := newExprEnv([]attribute.Definition{{Name: "total", Type: attribute.Text}})
	if _, err := c.program(f, changed, "total > 1", true); err == nil {
		t.Fatal("programs are not reused across attribute types")
	}
	if len(c.flows) != 1 || len(c.flows[3]) != 2 {
		t.Fatalf("at most two versions are kept, have %d", len(c.flows[3]))
	}
	c.Forget(3)
	if len(c.flows) != 0 {
		t.Fatal("Forget drops the flow")
	}
	bad := flow.Flow{ID: 4, Nodes: []flow.Node{{ID: "c", Type: "condition", Data: flow.NodeData{Expression: "total +"}}}}
	if err := c.Compile(bad, defs); err == nil {
		t.Fatal("Compile reports errors")
	}
}

func TestValidationEnv(t *testing.T) {
	v := NewValidationEnv([]attribute.Definition{{Name: "total", Type: attribute.Number}, {Name: "vip", Type: attribute.Boolean}}, []string{"Orders"})
	tests := []struct {
		src       string
		condition bool
		ok        bool
	}{
		{"total > 10 && vip", true, true},
		{"total + 1", true, false}, // not true/false
		{"total + 1", false, true},
		{`contact.name + " " + contact.phone`, false, true},
		{"message.txt", false, false},
		{"unknown > 1", true, false},
		{`total > "a"`, true, false},
		{"api.status >= 400 || api.error != \"\"", true, true},
	}
	for _, tt := range tests {
		check := v.CheckExpression
		if tt.condition {
			check = v.CheckCondition
		}
		if err := check(tt.src); (err == nil) != tt.ok {
			t.Errorf("%q (condition %v): err %v, want ok %v", tt.src, tt.condition, err, tt.ok)
		}
	}
	if !v.AttributeExists("contact.name") || !v.AttributeExists("total") || v.AttributeExists("nope") {
		t.Error("AttributeExists")
	}
	if !v.APIExists("Orders") || !v.APIExists("orders") || v.APIExists("Order") {
		t.Error("APIExists")
	}
}
