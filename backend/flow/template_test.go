package flow_test

import (
	"reflect"
	"strings"
	"testing"

	"chatflow/backend/flow"
)

var orderValues = map[string]string{
	"contact.name": "Ana",
	"order_id":     "A1001",
	"orders":       `[{"id":"A1","status":"open","total":12.5},{"id":"A2","status":"shipped","total":3},{"id":"A3","status":"open","total":7}]`,
	"tags":         `["red","green"]`,
	"none":         `[]`,
	"chosen":       `{"id":"s12","time":"15:30","price":20}`,
	"order_eta":    "2026-05-02",
	"ts":           "2026-05-02T14:05:00+02:00",
	"price":        "1250.5",
	"in_stock":     "true",
	"nested":       `[{"name":"Box","lines":[{"sku":"x"},{"sku":"y"}]},{"name":"Bag","lines":[]}]`,
}

func TestRender(t *testing.T) {
	tests := []struct{ name, tpl, want string }{
		{"plain text untouched", "Hello there", "Hello there"},
		{"attribute", "Hi {{contact.name}}, order {{ order_id }}.", "Hi Ana, order A1001."},
		{"missing is empty", "[{{nope}}]", "[]"},
		{"count", "You have {{orders.#}} orders", "You have 3 orders"},
		{"item field", "First: {{orders.0.id}} ({{orders.0.status}})", "First: A1 (open)"},
		{"object member", "{{chosen.time}} for {{chosen.price}} EUR", "15:30 for 20 EUR"},
		{"not a placeholder kept", "{{ not one }} {{}} {{1x}} {{a..b}}", "{{ not one }} {{}} {{1x}} {{a..b}}"},
		{"triple braces", "{{{order_id}}}", "{A1001}"},
		{"unbalanced", "{{order_id", "{{order_id"},
		{"inline loop puts items on lines", "{{#each orders}}• {{item.id}}: {{item.status}}{{/each}}",
			"• A1: open\n• A2: shipped\n• A3: open"},
		{"loop one tag per line", "Orders:\n{{#each orders}}\n• {{item.id}}\n{{/each}}\nThanks", "Orders:\n• A1\n• A2\n• A3\nThanks"},
		{"index", "{{#each tags}}{{index}}. {{item}}{{/each}}", "1. red\n2. green"},
		{"separator", "Colours: {{#each tags sep=\", \"}}{{item}}{{/each}}.", "Colours: red, green."},
		{"cap with and more", "{{#each orders max=2}}• {{item.id}}{{/each}}", "• A1\n• A2\n…and 1 more"},
		{"cap with lines", "{{#each orders max=1}}\n• {{item.id}}\n{{/each}}\nBye", "• A1\n…and 2 more\nBye"},
		{"own more text", `{{#each orders max=1 more="y {n} más"}}{{item.id}}{{/each}}`, "A1\ny 2 más"},
		{"no more text", `{{#each orders max=1 more=""}}{{item.id}}{{/each}}`, "A1"},
		{"else for empty", "{{#each none}}x{{else}}No orders.{{/each}}", "No orders."},
		{"else for missing", "{{#each nope}}x{{else}}No orders.{{/each}}", "No orders."},
		{"else skipped when items", "{{#each tags}}{{item}}{{else}}none{{/each}}", "red\ngreen"},
		{"attribute inside loop", "{{#each tags}}{{item}} for {{contact.name}}{{/each}}", "red for Ana\ngreen for Ana"},
		{"nested loops", "{{#each nested}}{{item.name}}: {{#each item.lines sep=\",\"}}{{item.sku}}{{else}}empty{{/each}}{{/each}}",
			"Box: x,y\nBag: empty"},
		{"loop over an object member list", "{{#each chosen}}x{{else}}not a list{{/each}}", "not a list"},
		{"date", "{{order_eta | date}}", "2 May 2026"},
		{"date with time", "{{ts | date}}", "2 May 2026, 14:05"},
		{"date layout", "{{order_eta | date:DD/MM/YYYY}} {{order_eta|date:ddd D MMM}}", "02/05/2026 Sat 2 May"},
		{"time of a timestamp", "{{ts | date:h:mm A}}", "2:05 PM"},
		{"date of text kept", "{{order_id | date}}", "A1001"},
		{"number", "{{price | number:2}} / {{price | number}} / {{price | number:0}}", "1250.50 / 1250.5 / 1250"},
		{"number of text kept", "{{order_id | number:2}}", "A1001"},
		{"yesno", "{{in_stock | yesno}} {{nope | yesno}} {{in_stock | yesno:Sí/No}}", "yes no Sí"},
		{"default", `{{nope | default:"friend"}} {{contact.name | default:"friend"}}`, "friend Ana"},
		{"chained", `{{nope | default:"2026-01-31" | date:D/M}}`, "31/1"},
		{"formats in loops", "{{#each orders max=1}}{{item.total | number:2}}{{/each}}", "12.50\n…and 2 more"},
		{"unknown format kept as typed", "{{order_eta | dat}}", "{{order_eta | dat}}"},
		{"unclosed loop kept as typed", "{{#each orders}}{{item.id}}", "{{#each orders}}"},
		{"stray end kept", "a{{/each}}b {{else}}", "a{{/each}}b {{else}}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := flow.Render(tt.tpl, orderValues); got != tt.want {
				t.Fatalf("Render(%q) =\n%q\nwant\n%q", tt.tpl, got, tt.want)
			}
		})
	}
}

func TestRenderWithItem(t *testing.T) {
	got := flow.RenderWith("{{item.time}} · {{item.price | number:2}} ({{index}}) {{order_id}}", orderValues,
		map[string]string{"item": `{"time":"09:00","price":20}`, "index": "3"})
	if got != "09:00 · 20.00 (3) A1001" {
		t.Fatalf("RenderWith = %q", got)
	}
}

func TestRenderIsBounded(t *testing.T) {
	big := `[` + strings.Repeat(`"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",`, 99) + `"x"]`
	values := map[string]string{"l": big}
	tpl := "{{#each l max=100}}{{#each l max=100}}{{#each l max=100}}{{item}}{{/each}}{{/each}}{{/each}}"
	if got := flow.Render(tpl, values); len(got) > 64<<10 {
		t.Fatalf("a loop of loops rendered %d bytes", len(got))
	}
}

func TestPlaceholdersAndProblems(t *testing.T) {
	tpl := "Hi {{contact.name}}! {{#each orders}}{{item.id}} {{index}} {{order_id}}{{/each}} {{orders.#}} {{eta | date}} {{item}}"
	want := []string{"contact.name", "orders", "order_id", "orders.#", "eta", "item"}
	if got := flow.Placeholders(tpl); !reflect.DeepEqual(got, want) {
		t.Fatalf("Placeholders = %q, want %q", got, want)
	}
	if got := flow.Placeholders("{{item.title}} {{x}}", "item"); !reflect.DeepEqual(got, []string{"x"}) {
		t.Fatalf("Placeholders with item bound = %q", got)
	}
	problems := []struct{ tpl, want string }{
		{"{{eta | dat}}", `"dat" is not a format`},
		{"{{n | number:x}}", "number:x must give the decimals"},
		{"{{b | yesno:oui}}", "two words"},
		{"{{x | default}}", "default needs the text"},
		{"{{x | }}", "must be followed by a format"},
		{"{{#each orders}}x", "has no {{/each}}"},
		{"x{{/each}}", "has no {{#each}}"},
		{"{{else}}", "has no {{#each}}"},
		{"{{#each orders}}a{{else}}b{{else}}c{{/each}}", "two {{else}}"},
		{"{{#each orders max=0}}x{{/each}}", "max=0"},
		{"{{#each orders limit=3}}x{{/each}}", "no option \"limit\""},
		{"{{#each}}x{{/each}}", "Write the list"},
		{"{{#each a}}{{#each a}}{{#each a}}{{#each a}}{{#each a}}x{{/each}}{{/each}}{{/each}}{{/each}}{{/each}}", "nested more than"},
	}
	for _, p := range problems {
		got := flow.TemplateProblems(p.tpl)
		if len(got) == 0 || !strings.Contains(got[0].Message, p.want) {
			t.Errorf("TemplateProblems(%q) = %v, want %q", p.tpl, got, p.want)
		}
	}
	if got := flow.TemplateProblems("{{#each orders max=3 sep=\", \"}}{{item.id | default:\"?\"}}{{else}}none{{/each}}"); len(got) != 0 {
		t.Fatalf("a correct template has problems: %v", got)
	}
}
