package app

import "sync"

// Events sends named events to the UI. In the desktop window the Wails
// runtime delivers them; in browser mode the server-sent event hub does.
type Events interface {
	Emit(name string, data any)
}

// Broadcaster is the Events every service holds. Its sinks are attached once
// the transport exists (the Wails context only appears at startup), so
// services can be built before the window or server.
type Broadcaster struct {
	mu    sync.RWMutex
	sinks []Events
}

// Attach adds a transport that receives every later event.
func (b *Broadcaster) Attach(sink Events) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.sinks = append(b.sinks, sink)
}

// Emit delivers the event to every attached transport; with none attached
// the event is dropped, which is right: no UI is listening.
func (b *Broadcaster) Emit(name string, data any) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	for _, s := range b.sinks {
		s.Emit(name, data)
	}
}
