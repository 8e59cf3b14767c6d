//go:build !race

package e2etest

// raceDetector: see race_on_test.go.
const raceDetector = false
