//go:build !linux

package cli

import "log/slog"

// releaseUnusedPages is Linux-only (see release_pages_linux.go).
func releaseUnusedPages(*slog.Logger) {}
