package app

import (
	"runtime/debug"
)

// version and commit are stamped at build time by the Makefile with
// -ldflags "-X chatflow/app.version=... -X chatflow/app.commit=...".
var (
	version = "dev"
	commit  = ""
)

// BuildInfo says which build of Chatflow Studio is running.
type BuildInfo struct {
	Version   string `json:"version"`
	Commit    string `json:"commit"`
	GoVersion string `json:"goVersion"`
}

// Build returns the version stamped into this binary, falling back to the
// VCS revision Go records when the Makefile did not stamp one.
func Build() BuildInfo {
	b := BuildInfo{Version: version, Commit: commit}
	if info, ok := debug.ReadBuildInfo(); ok {
		b.GoVersion = info.GoVersion
		if b.Commit == "" {
			for _, s := range info.Settings {
				if s.Key == "vcs.revision" && len(s.Value) >= 12 {
					b.Commit = s.Value[:12]
				}
			}
		}
	}
	return b
}

// CommitOr returns the commit, or def when none is known.
func (b BuildInfo) CommitOr(def string) string {
	if b.Commit == "" {
		return def
	}
	return b.Commit
}
