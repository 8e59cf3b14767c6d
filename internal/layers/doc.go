// Package layers holds no code: its test checks the module's dependency
// graph (who may import whom) as docs/architecture.md draws it, so a
// change that breaks the layering fails `go test ./...`.
package layers
