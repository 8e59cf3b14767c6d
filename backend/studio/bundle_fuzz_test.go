package studio

import (
	"context"
	"os"
	"testing"

	"chatflow/backend/bundle"
	"chatflow/backend/store/storetest"
)

// FuzzImport feeds arbitrary files to Parse, Check and Import: a bundle is
// outside input, so whatever it holds must end in an import or one error,
// never a panic.
func FuzzImport(f *testing.F) {
	if data, err := os.ReadFile(examplePath); err == nil {
		f.Add(data)
	}
	for _, s := range []string{
		`{"format":"chatflow-bundle","version":1}`,
		`{"format":"chatflow-bundle","version":1,"attributes":[{"name":"a","type":"number"}]}`,
		`{"format":"chatflow-bundle","version":1,"flows":[{"name":"f","published":true,"nodes":[{"id":"s","type":"start"}]}]}`,
		`{"format":"chatflow-bundle","version":1,"flows":[{"name":"f","nodes":[{"id":"c","type":"condition","data":{"expression":"1 +"}}],"edges":[{"source":"c","target":"c"}]}]}`,
		`{"format":"chatflow-bundle","version":1,"apis":[{"name":"x","url":"http://127.0.0.1/{{a}}","auth":{"type":"bearer"}}]}`,
	} {
		f.Add([]byte(s))
	}
	db := storetest.NewDB(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := bundle.Parse(data)
		if err != nil {
			return
		}
		if CheckBundle(b, Existing{}, true) != nil {
			return
		}
		_, _ = importBundle(context.Background(), db, b, true)
	})
}
