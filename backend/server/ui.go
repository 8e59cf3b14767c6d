package server

import (
	"bytes"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"io/fs"
	"net/http"

	"chatflow/backend/apperr"
)

// tokenCookie keeps the UI token after the first visit so the token can be
// removed from the address bar.
const tokenCookie = "chatflow_token"

// NewToken returns a random UI token.
func NewToken() string {
	b := make([]byte, 24)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// UIConfig is what the browser-mode UI server needs.
type UIConfig struct {
	Token  string
	Assets fs.FS // the built frontend (index.html at its root)
	RPC    *Registry
	Events *Hub
	// Media serves the media store under /media/ (nil: not mounted).
	Media http.Handler
}

// NewUIHandler returns the browser-mode UI server: the app with the bridge
// script injected, /rpc, /events and the media files, all behind the token.
func NewUIHandler(cfg UIConfig) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST /rpc/", cfg.RPC)
	mux.HandleFunc("GET /rpc/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", http.MethodPost)
		writeJSON(w, http.StatusMethodNotAllowed, rpcError{Error: "RPC calls use POST.", Code: apperr.EINVALID})
	})
	mux.Handle("GET /events", cfg.Events)
	if cfg.Media != nil {
		mux.Handle("GET /media/", cfg.Media)
		mux.Handle("POST /media/", cfg.Media)
	}
	bridge := bridgeScript(cfg.RPC.Names())
	files := http.FileServerFS(cfg.Assets)
	mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" || r.URL.Path == "/index.html" {
			serveIndex(w, cfg.Assets, bridge)
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
	return requireToken(cfg.Token, mux)
}

// requireToken admits a request with the token as ?token= (then sets the
// cookie and, for a page load, redirects to the same URL without it) or with
// the cookie; anything else gets 401.
func requireToken(token string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if q := r.URL.Query().Get("token"); q != "" && equalToken(q, token) {
			http.SetCookie(w, &http.Cookie{
				Name: tokenCookie, Value: token, Path: "/",
				HttpOnly: true, SameSite: http.SameSiteStrictMode,
			})
			if r.Method == http.MethodGet && r.URL.Path == "/" {
				u := *r.URL
				qs := u.Query()
				qs.Del("token")
				u.RawQuery = qs.Encode()
				http.Redirect(w, r, u.String(), http.StatusSeeOther)
				return
			}
			next.ServeHTTP(w, r)
			return
		}
		if c, err := r.Cookie(tokenCookie); err == nil && equalToken(c.Value, token) {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusUnauthorized)
		w.Write([]byte("Chatflow Studio: open the address printed by `chatflow serve` (it carries the access token).\n"))
	})
}

func equalToken(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// serveIndex sends index.html with the bridge script placed first in <head>,
// so window.go and window.runtime exist before the app's own scripts run.
func serveIndex(w http.ResponseWriter, assets fs.FS, bridge string) {
	page, err := fs.ReadFile(assets, "index.html")
	if err != nil {
		http.Error(w, "the UI is not built", http.StatusInternalServerError)
		return
	}
	tag := []byte("<script>" + bridge + "</script>")
	if i := bytes.Index(bytes.ToLower(page), []byte("<head>")); i >= 0 {
		i += len("<head>")
		page = append(page[:i:i], append(tag, page[i:]...)...)
	} else {
		page = append(tag, page...)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(page)
}
