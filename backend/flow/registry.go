package flow

//go:generate go run ./internal/gen

// defs is the registry of node types, in palette order. A node type is its
// definition file (node_<type>.go) and one line here; the engine's executor
// registry (backend/engine/registry.go) is checked against this list by a
// test, and the editor's specs are generated from it (go generate ./...).
var defs = []*Def{
	&startDef,
	&messageDef,
	&questionDef,
	&buttonsDef,
	&listDef,
	&templateDef,
	&conditionDef,
	&setAttributeDef,
	&apiDef,
	&delayDef,
	&handoffDef,
	&endDef,
}

// byType indexes defs by type; it is built once, as defs never changes.
var byType = func() map[string]*Def {
	m := make(map[string]*Def, len(defs))
	for _, d := range defs {
		m[d.Type] = d
	}
	return m
}()

// Defs returns every node type's definition in palette order. The
// definitions are shared: callers read them and must not change them.
func Defs() []Def {
	out := make([]Def, len(defs))
	for i, d := range defs {
		out[i] = *d
	}
	return out
}

// DefOf returns the definition of a node type and whether it exists.
func DefOf(typ string) (Def, bool) {
	d, ok := byType[typ]
	if !ok {
		return Def{}, false
	}
	return *d, true
}

// KnownType reports whether t is a node type of the registry.
func KnownType(t string) bool {
	_, ok := byType[t]
	return ok
}
