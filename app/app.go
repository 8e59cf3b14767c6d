// Package app is the surface the UI calls: one bound service per area of
// the product, served to the Wails window and, in browser mode, over RPC, so
// both transports always offer the same API (window.go.app.<Service>.<Method>).
// It is an adapter and nothing more: each method passes its arguments to a
// use case in backend/studio and returns the result as a DTO of this
// package (so the generated TypeScript names stay app.X) and the use case's
// coded error (backend/apperr) as it is. It also holds the one wrapper
// around the Wails runtime and the desktop window's options.
package app

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"chatflow/backend/studio"
)

// Deps are what the services need from the process (wired by cli).
type Deps struct {
	// Ctx lives as long as the process; calls run under it.
	Ctx    context.Context
	Studio *studio.Studio
	// Conversations are the inbox use cases over the live bot's inbox.
	Conversations *studio.Conversations
	// Webhook is the webhook listener (nil while generating bindings).
	Webhook studio.Listener
	Log     *slog.Logger
	Events  *Broadcaster
	// Mode is "desktop" or "browser".
	Mode    string
	DBPath  string
	Started time.Time
	// OpenRoute is the page the window opens on (see SystemInfo.OpenRoute).
	OpenRoute string
	// Media serves the media store's files (GET /media/{key}) and takes the
	// editor's attachments (POST /media/attachments) in the window, through
	// Wails' asset server; nil while generating bindings.
	Media http.Handler
}

// App holds every bound service.
type App struct {
	System        *System
	Attributes    *Attributes
	APIs          *APIs
	Settings      *Settings
	Conversations *Conversations
	Flows         *Flows
	Simulator     *Simulator
	Data          *Data
	Templates     *Templates
	Triggers      *Triggers
}

// New builds the services over deps.
func New(deps *Deps) *App {
	return &App{
		System:        &System{deps},
		Attributes:    &Attributes{deps},
		APIs:          &APIs{deps},
		Settings:      &Settings{deps},
		Conversations: &Conversations{deps},
		Flows:         &Flows{deps},
		Simulator:     &Simulator{deps},
		Data:          newData(deps),
		Templates:     &Templates{deps},
		Triggers:      &Triggers{deps},
	}
}

// Bindings is the one list of services handed to both transports: Wails'
// Bind option and the browser-mode RPC server. Add a service here and it is
// callable from the UI in both modes as window.go.app.<Service>.<Method>.
func (a *App) Bindings() []any {
	return []any{a.System, a.Attributes, a.APIs, a.Settings, a.Conversations, a.Flows, a.Simulator, a.Data, a.Templates, a.Triggers}
}

// each converts a list of use-case results into this package's DTOs.
func each[T, U any](in []U, conv func(U) T) []T {
	out := make([]T, len(in))
	for i, v := range in {
		out[i] = conv(v)
	}
	return out
}
