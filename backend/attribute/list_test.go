package attribute_test

import (
	"strings"
	"testing"

	"chatflow/backend/attribute"
)

func TestCoerceList(t *testing.T) {
	tests := []struct {
		name, raw, want, wantErr string
	}{
		{"array of objects compacted", `[ {"id": "s1", "time": "09:00"},
			{"id": "s2", "time": "09:30"} ]`, `[{"id":"s1","time":"09:00"},{"id":"s2","time":"09:30"}]`, ""},
		{"array of values", `["a", 1, true, null]`, `["a",1,true,null]`, ""},
		{"empty array is a value", `[]`, `[]`, ""},
		{"spaces inside strings kept", `[" a  b "]`, `[" a  b "]`, ""},
		{"multi-byte and emoji kept", `["café 🍰"]`, `["café 🍰"]`, ""},
		{"nothing is no value", "  ", "", ""},
		{"object refused", `{"id": 1}`, "", "is not a list"},
		{"number refused", `42`, "", "is not a list"},
		{"plain text refused", `a, b, c`, "", "is not a list"},
		{"broken JSON refused", `[1, 2`, "", "is not a list"},
		{"trailing text refused", `[1] [2]`, "", "is not a list"},
		{"huge list refused", "[" + strings.Repeat(`"xxxxxxxxxx",`, attribute.MaxListBytes/13+1) + `"x"]`, "", "map a narrower path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := attribute.Coerce(attribute.List, tt.raw)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Coerce(list, %.40q) error = %v, want %q", tt.raw, err, tt.wantErr)
				}
				if len(err.Error()) > 200 {
					t.Fatalf("error message is %d bytes long; it must stay one short sentence", len(err.Error()))
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Coerce(list, %q) = %q, %v; want %q", tt.raw, got, err, tt.want)
			}
		})
	}
}

func TestListIsAType(t *testing.T) {
	if !attribute.List.Valid() {
		t.Fatal("list is not a valid type")
	}
	if err := (attribute.Definition{Name: "slots", Type: attribute.List}).Validate(); err != nil {
		t.Fatalf("a list attribute does not validate: %v", err)
	}
}
