// Package app is the surface the UI calls: one bound service per area of the
// product, plus the command line. It is thin on purpose; the work happens in
// backend/. The same service values are bound to the Wails window and served
// over RPC in browser mode, so both transports always offer the same API.
package app

import (
	"context"
	"log/slog"
	"time"

	"chatflow/backend/server"
	"chatflow/backend/store"
)

// Deps are the shared dependencies every service may use.
type Deps struct {
	// Ctx lives as long as the process; services use it for background work.
	Ctx     context.Context
	DB      *store.DB
	Log     *slog.Logger
	Events  *Broadcaster
	Webhook *server.Listener
	// Mode is "desktop" or "browser".
	Mode    string
	Started time.Time
	// Getenv reads environment overrides of settings (WHATSAPP_TOKEN...).
	Getenv func(string) string
}

// App holds every bound service.
type App struct {
	deps          *Deps
	System        *System
	Attributes    *Attributes
	APIs          *APIs
	Settings      *Settings
	Conversations *Conversations
	Flows         *Flows
	Simulator     *Simulator
	Data          *Data
	// live is the WhatsApp bot (inbox and webhook); see live.go.
	live *live
}

// New builds the services over deps.
func New(deps *Deps) *App {
	settings := NewSettings(deps)
	l := newLive(deps, settings)
	flows := NewFlows(deps)
	return &App{
		deps:          deps,
		System:        &System{deps: deps},
		Attributes:    NewAttributes(deps),
		APIs:          NewAPIs(deps),
		Settings:      settings,
		Conversations: NewConversations(deps, l),
		Flows:         flows,
		Simulator:     NewSimulator(deps),
		Data:          NewData(deps, flows, settings),
		live:          l,
	}
}

// Bindings is the one list of services handed to both transports: Wails'
// Bind option and the browser-mode RPC server. Add a service here and it is
// callable from the UI in both modes as window.go.app.<Service>.<Method>.
func (a *App) Bindings() []any {
	return []any{
		a.System,
		a.Attributes,
		a.APIs,
		a.Settings,
		a.Conversations,
		a.Flows,
		a.Simulator,
		a.Data,
	}
}
