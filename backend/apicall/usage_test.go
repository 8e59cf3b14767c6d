package apicall_test

import (
	"reflect"
	"testing"

	"chatflow/backend/apicall"
)

func TestUsesOfAndRename(t *testing.T) {
	def := apicall.Definition{
		URL:      "https://x.test/{{id}}/{{idx}}",
		Query:    []apicall.KV{{Key: "q", Value: "{{ id }}"}},
		Headers:  []apicall.KV{{Key: "X-Id", Value: "{{id}}"}, {Key: "X-Other", Value: "{{other}}"}},
		Body:     `{"id": {{id}}}`,
		Auth:     apicall.Auth{Type: apicall.AuthBearer, Token: "{{id}}"},
		Mappings: []apicall.Mapping{{Path: "a.b", Attribute: "id"}, {Path: "c", Attribute: "idx"}},
	}
	want := []string{"mapping a.b", "URL", "query q", "header X-Id", "body", "auth"}
	if got := def.UsesOf("id"); !reflect.DeepEqual(got, want) {
		t.Fatalf("UsesOf(id) = %v, want %v", got, want)
	}
	if got := def.UsesOf("nothing"); len(got) != 0 {
		t.Fatalf("UsesOf(nothing) = %v", got)
	}
	r := def.RenameAttribute("id", "order_id")
	if r.URL != "https://x.test/{{order_id}}/{{idx}}" || r.Query[0].Value != "{{order_id}}" || r.Headers[0].Value != "{{order_id}}" ||
		r.Headers[1].Value != "{{other}}" || r.Body != `{"id": {{order_id}}}` || r.Auth.Token != "{{order_id}}" ||
		r.Mappings[0].Attribute != "order_id" || r.Mappings[1].Attribute != "idx" {
		t.Fatalf("RenameAttribute = %+v", r)
	}
	if def.Mappings[0].Attribute != "id" || def.Query[0].Value != "{{ id }}" {
		t.Fatal("RenameAttribute changed the original")
	}
	if got := r.UsesOf("id"); len(got) != 0 {
		t.Fatalf("renamed definition still uses id: %v", got)
	}
}
