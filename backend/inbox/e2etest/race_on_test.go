//go:build race

package e2etest

// raceDetector reports whether these tests run with -race; the chatflow
// binary they start is then built with it too, so the crash, fault and
// disk tests also check the serving process for data races under load.
const raceDetector = true
