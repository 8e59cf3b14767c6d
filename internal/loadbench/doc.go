//go:build linux

// Package loadbench is the end-to-end load benchmark of the live bot. It
// starts `chatflow serve` on loopback with a fake Graph API and a fake order
// API of its own, imports an order bot (any message -> GET the order API ->
// one reply that echoes the message), and drives signed webhook posts from
// many contacts: a closed loop with a fixed number of messages in flight and
// an open loop paced at a fixed rate. The same load runs against an
// in-memory baseline (verify, acknowledge, call the order API, post the
// reply, store nothing) so the product's figures read as ratios of it.
//
// Every byte stays on 127.0.0.1, every phase is bounded in time, and every
// process it starts is stopped before it returns. cmd/loadbench is the
// command; docs/performance.md has the figures and how to reproduce them.
package loadbench
