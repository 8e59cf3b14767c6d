// Package desktoptest holds the desktop smoke test: it starts the real
// chatflow window under a private Xvfb display and checks that the frontend
// loaded and called a bound Go method. It runs with `make test-desktop`
// (build tag desktopsmoke) because it needs a built binary and Xvfb.
package desktoptest
