package main

import (
	"fmt"
	"reflect"
	"strings"

	"chatflow/backend/flow"
)

// renderOutputCases writes outputCases.gen.ts: for every node type, sample
// data and the output handles flow.OutputHandles gives it. The editor builds
// outputs from the generated rules with its own code (catalogue.ts), so the
// frontend's unit test replays these cases to prove both agree.
func renderOutputCases(defs []flow.Def) string {
	var b strings.Builder
	b.WriteString(header)
	b.WriteString("// The output handles Go's flow.OutputHandles gives sample nodes of every type; catalogue.test.ts\n")
	b.WriteString("// checks that the editor's outputsOf gives the same.\n\n")
	b.WriteString("import type { NodeType } from './catalogue.gen';\n\n")
	b.WriteString("/** One sample node and the handles Go gives it. */\n")
	b.WriteString("export type OutputCase = {\n  name: string;\n  type: NodeType;\n  data: Record<string, unknown>;\n")
	b.WriteString("  want: { id: string; label: string }[];\n};\n\n")
	cases := list{}
	for _, d := range defs {
		for _, c := range samples(d) {
			want := list{}
			for _, h := range flow.OutputHandles(flow.Node{Type: d.Type, Data: c.data}) {
				want = append(want, object{{"id", h.ID}, {"label", h.Label}})
			}
			cases = append(cases, object{
				{"name", d.Type + " " + c.name},
				{"type", d.Type},
				{"data", jsonValue(reflect.ValueOf(c.data))},
				{"want", want},
			})
		}
	}
	b.WriteString("/** The cases, type by type. */\n")
	fmt.Fprintf(&b, "export const outputCases: OutputCase[] = %s;\n", write(cases, 0, "export const outputCases: OutputCase[] = "))
	return b.String()
}

type sample struct {
	name string
	data flow.NodeData
}

// samples are a node type's defaults, empty data, data whose lists hold the
// entries output rules treat specially (blank titles, skipped entries), and
// that data again with each variant's field set.
func samples(d flow.Def) []sample {
	out := []sample{{"defaults", d.Defaults}, {"empty", flow.NodeData{}}}
	lists, filled := flow.NodeData{}, false
	for _, r := range allRules(d) {
		if r.From != "" {
			fill(&lists, r.From, r.Skip)
			filled = true
		}
	}
	if filled {
		out = append(out, sample{"with list entries", lists})
	}
	for _, v := range d.OutputsWhen {
		set := lists
		fill(&set, v.When, nil)
		out = append(out, sample{"with " + v.When, set})
	}
	return out
}

func allRules(d flow.Def) []flow.OutputRule {
	rules := append([]flow.OutputRule(nil), d.Outputs...)
	for _, v := range d.OutputsWhen {
		rules = append(rules, v.Outputs...)
	}
	return rules
}

// fill sets the named field to a sample value: texts and options get two
// entries (the second blank-titled) plus the skipped ones.
func fill(d *flow.NodeData, name string, skip []string) {
	f := fieldByJSON(reflect.ValueOf(d).Elem(), name)
	switch v := f.Addr().Interface().(type) {
	case *string:
		*v = "set"
	case *int:
		*v = 1
	case *[]string:
		*v = append([]string{"200", "4xx"}, skip...)
	case *[]flow.Option:
		*v = []flow.Option{{ID: "a", Title: " First "}, {ID: "b", Title: "  "}}
	default:
		panic(fmt.Sprintf("gen: no sample for %s", f.Type()))
	}
}
