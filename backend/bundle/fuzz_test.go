package bundle_test

import (
	"os"
	"testing"

	"chatflow/backend/bundle"
)

// FuzzParse feeds arbitrary files to Parse and the format's own checks: a
// bundle is outside input, so whatever it holds must end in a bundle or one
// error, never a panic. (backend/studio's FuzzImport goes on to import.)
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile(examplePath); err == nil {
		f.Add(data)
	}
	for _, s := range []string{
		`{"format":"chatflow-bundle","version":1}`,
		`{"format":"chatflow-bundle","version":1,"flows":[{"name":"f","nodes":[{"id":"s","type":"start"}],"edges":[{"source":"s","target":"x"}]}]}`,
		`{"format":"chatflow-bundle","version":2}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := bundle.Parse(data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("a refusal without a sentence")
			}
			return
		}
		bundle.CheckLimits(b)
		for _, fl := range b.Flows {
			bundle.Structure(fl)
		}
		if _, err := bundle.Encode(b); err != nil {
			t.Fatalf("a parsed bundle does not encode: %v", err)
		}
	})
}
