package attribute_test

import (
	"errors"
	"strings"
	"testing"

	"chatflow/backend/attribute"
)

func TestCoerce(t *testing.T) {
	tests := []struct {
		name    string
		typ     attribute.Type
		raw     string
		want    string
		wantErr string
	}{
		{"text kept as typed", attribute.Text, "  Hello, World ", "  Hello, World ", ""},
		{"untyped is text", "", "x", "x", ""},
		{"empty is no value", attribute.Number, "   ", "", ""},
		{"integer", attribute.Number, "42", "42", ""},
		{"trailing zeros dropped", attribute.Number, "42.500", "42.5", ""},
		{"negative", attribute.Number, "-3", "-3", ""},
		{"thousands separators", attribute.Number, "1,250.75", "1250.75", ""},
		{"exponent", attribute.Number, "1e3", "1000", ""},
		{"leading dot", attribute.Number, ".5", "0.5", ""},
		{"spaces trimmed", attribute.Number, " 7 ", "7", ""},
		{"word is not a number", attribute.Number, "seven", "", `"seven" is not a number`},
		{"NaN refused", attribute.Number, "NaN", "", "is not a number"},
		{"Inf refused", attribute.Number, "Inf", "", "is not a number"},
		{"hex refused", attribute.Number, "0x1p4", "", "is not a number"},
		{"underscores refused", attribute.Number, "1_000", "", "is not a number"},
		{"out of range", attribute.Number, "1e400", "", "fits"},
		{"true", attribute.Boolean, "TRUE", "true", ""},
		{"yes", attribute.Boolean, "yes", "true", ""},
		{"one", attribute.Boolean, "1", "true", ""},
		{"no", attribute.Boolean, "No", "false", ""},
		{"off", attribute.Boolean, "off", "false", ""},
		{"maybe refused", attribute.Boolean, "maybe", "", "is not yes/no"},
		{"iso date", attribute.Date, "2024-03-09", "2024-03-09", ""},
		{"day first", attribute.Date, "09/03/2024", "2024-03-09", ""},
		{"slashes year first", attribute.Date, "2024/03/09", "2024-03-09", ""},
		{"dashes day first", attribute.Date, "09-03-2024", "2024-03-09", ""},
		{"timestamp keeps time", attribute.Date, "2024-03-09T10:30:00Z", "2024-03-09T10:30:00Z", ""},
		{"impossible date", attribute.Date, "2024-02-30", "", "is not a date"},
		{"unknown type", attribute.Type("color"), "red", "", "unknown attribute type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := attribute.Coerce(tt.typ, tt.raw)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Coerce(%q, %q) error = %v, want it to contain %q", tt.typ, tt.raw, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Coerce(%q, %q) unexpected error: %v", tt.typ, tt.raw, err)
			}
			if got != tt.want {
				t.Fatalf("Coerce(%q, %q) = %q, want %q", tt.typ, tt.raw, got, tt.want)
			}
		})
	}
}

func TestValidateName(t *testing.T) {
	tests := []struct {
		name    string
		input   string
		wantErr string
	}{
		{"simple", "order_id", ""},
		{"leading underscore", "_tmp", ""},
		{"mixed case and digits", "Order2", ""},
		{"max length", strings.Repeat("a", attribute.MaxNameLength), ""},
		{"empty", "", "a name is required"},
		{"too long", strings.Repeat("a", attribute.MaxNameLength+1), "longer than"},
		{"built-in", attribute.ContactName, "built-in"},
		{"dot", "order.id", "letters, digits and underscores"},
		{"space", "order id", "letters, digits and underscores"},
		{"leading digit", "1st", "must not start with a digit"},
		{"dash", "order-id", "letters, digits and underscores"},
		{"unicode letter", "café", "letters, digits and underscores"},
		{"braces", "{{x}}", "letters, digits and underscores"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := attribute.ValidateName(tt.input)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("ValidateName(%q) = %v, want nil", tt.input, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("ValidateName(%q) = %v, want it to contain %q", tt.input, err, tt.wantErr)
			}
			if !errors.Is(err, attribute.ErrInvalidName) {
				t.Fatalf("ValidateName(%q) error does not wrap ErrInvalidName", tt.input)
			}
		})
	}
}

func TestDefinitionValidate(t *testing.T) {
	tests := []struct {
		name    string
		def     attribute.Definition
		wantErr string
	}{
		{"valid", attribute.Definition{Name: "order_id", Type: attribute.Text}, ""},
		{"bad name", attribute.Definition{Name: "order id", Type: attribute.Text}, "letters"},
		{"bad type", attribute.Definition{Name: "x", Type: "color"}, "not an attribute type"},
		{"missing type", attribute.Definition{Name: "x"}, "not an attribute type"},
		{"long description", attribute.Definition{Name: "x", Type: attribute.Date, Description: strings.Repeat("d", 501)}, "description"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.def.Validate()
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("Validate() = %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Validate() = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestTypeMapAndBuiltIns(t *testing.T) {
	m := attribute.TypeMap([]attribute.Definition{{Name: "total", Type: attribute.Number}})
	want := map[string]attribute.Type{
		"total":                attribute.Number,
		attribute.APIStatus:    attribute.Number,
		attribute.ContactName:  attribute.Text,
		attribute.ContactPhone: attribute.Text,
		attribute.MessageText:  attribute.Text,
		attribute.APIError:     attribute.Text,
	}
	for name, typ := range want {
		if m[name] != typ {
			t.Errorf("TypeMap[%q] = %q, want %q", name, m[name], typ)
		}
	}
	for _, d := range attribute.BuiltIns() {
		if !d.BuiltIn || !attribute.IsBuiltIn(d.Name) || !d.Type.Valid() {
			t.Errorf("built-in %q is not consistently marked", d.Name)
		}
	}
	if attribute.IsBuiltIn("order_id") {
		t.Error("IsBuiltIn(order_id) = true")
	}
}
