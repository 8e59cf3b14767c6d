//go:build !embedui

// Package frontend embeds the built UI into the binary.
//
// Builds with the embedui tag (every binary the Makefile makes) embed
// frontend/dist. Without the tag, a one-page placeholder is embedded instead,
// so that `go vet` and `go test ./...` work on a fresh clone before any Node
// build has run.
package frontend

import (
	"embed"
	"io/fs"
)

//go:embed placeholder
var placeholder embed.FS

// Assets returns the placeholder page that explains how to build the UI.
func Assets() fs.FS {
	sub, err := fs.Sub(placeholder, "placeholder")
	if err != nil {
		panic(err) // the embed pattern guarantees the folder exists
	}
	return sub
}

// Built reports whether Assets holds the real UI.
const Built = false
