package bundle_test

import (
	"os"
	"strings"
	"testing"

	"chatflow/backend/apperr"
	"chatflow/backend/bundle"
)

const examplePath = "../../docs/examples/order-status.json"

func readExample(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(examplePath)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string // substring of the error; "" means it parses
	}{
		{"minimal", `{"format":"chatflow-bundle","version":1}`, ""},
		{"not json", "{\n\"format\": \"chatflow-bundle\",\n  oops\n}", "not valid JSON: invalid character 'o' looking for beginning of object key string (line 3)"},
		{"empty", ``, "not valid JSON"},
		{"other format", `{"format":"zip","version":1}`, `not a Chatflow bundle ("format" must be "chatflow-bundle")`},
		{"no version", `{"format":"chatflow-bundle"}`, `has no "version"`},
		{"newer version", `{"format":"chatflow-bundle","version":2}`, "Version 2 bundles are not supported; this app reads version 1."},
		{"version as text", `{"format":"chatflow-bundle","version":"1"}`, `"version" should be int, not string`},
		{"unknown field", `{"format":"chatflow-bundle","version":1,"flws":[]}`, `unknown field "flws"`},
		{"wrong type deep", "{\"format\":\"chatflow-bundle\",\"version\":1,\n\"flows\":[{\"name\":\"a\",\"nodes\":[{\"id\":1}]}]}", `"flows.nodes.id" should be string, not number (line 2).`},
		{"trailing content", `{"format":"chatflow-bundle","version":1} {}`, "after top-level value (line 1)"},
		{"truncated", `{"format":"chatflow-bundle","version":1,"flows":[`, "not valid JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := bundle.Parse([]byte(tt.data))
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("unexpected error %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("error %v, want it to contain %q", err, tt.want)
			case tt.want != "" && apperr.ErrorCode(err) != apperr.EINVALID:
				t.Fatalf("error %v is %s, want EINVALID", err, apperr.ErrorCode(err))
			}
		})
	}
}

func TestParseRefusesHugeFiles(t *testing.T) {
	_, err := bundle.Parse(make([]byte, bundle.MaxSize+1))
	if err == nil || !strings.Contains(err.Error(), "larger than 64 MiB") {
		t.Fatalf("err = %v", err)
	}
}

func TestParseExample(t *testing.T) {
	b, err := bundle.Parse(readExample(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Attributes) != 3 || len(b.APIs) != 1 || len(b.Flows) != 1 || !b.Flows[0].Published {
		t.Fatalf("example: %d attributes, %d APIs, %d flows", len(b.Attributes), len(b.APIs), len(b.Flows))
	}
}
