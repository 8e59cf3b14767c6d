//go:build bindings

package app

// GeneratingBindings is true only in the build the Wails CLI makes to
// generate frontend/wailsjs; it must then skip the database and listener.
const GeneratingBindings = true
