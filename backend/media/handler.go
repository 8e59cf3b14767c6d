package media

import (
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"os"
	"strings"
	"time"

	"chatflow/backend/store"
)

// Handler serves the media store to the UI, and only to the UI: the
// browser-mode UI server mounts it behind its token, and the desktop window
// through Wails' asset server; the webhook listener never has it.
//
//	GET  /media/{key}[?name=file.pdf][&download=1]  a stored file
//	POST /media/attachments?kind=document&name=menu.pdf  (body: the file)
//
// Files are served with their checked type, never sniffed by the browser,
// in a sandbox (so an HTML file could never run as a page of the app), and
// cached for good (a key is the content's checksum).
func Handler(lib *Library) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /media/{key}", func(w http.ResponseWriter, r *http.Request) { serveFile(lib, w, r) })
	mux.HandleFunc("POST /media/attachments", func(w http.ResponseWriter, r *http.Request) { attach(lib, w, r) })
	return mux
}

func serveFile(lib *Library, w http.ResponseWriter, r *http.Request) {
	f, path, err := lib.Lookup(r.Context(), r.PathValue("key"))
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			http.Error(w, "This file is not in the media folder (it may have been deleted).", http.StatusNotFound)
			return
		}
		http.Error(w, "The file could not be read.", http.StatusInternalServerError)
		return
	}
	file, err := os.Open(path)
	if err != nil {
		http.Error(w, "This file is missing from the media folder.", http.StatusNotFound)
		return
	}
	defer file.Close()
	name := CleanFilename(r.URL.Query().Get("name"))
	if name == "" {
		name = f.SHA256[:12] + Extension(f.Mime)
	}
	disposition := "inline"
	if r.URL.Query().Get("download") != "" || !inlineType(f.Mime) {
		disposition = "attachment"
	}
	h := w.Header()
	h.Set("Content-Type", f.Mime)
	h.Set("Content-Disposition", mime.FormatMediaType(disposition, map[string]string{"filename": name}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox")
	h.Set("Cache-Control", "private, max-age=31536000, immutable")
	// ServeContent answers Range requests, which audio and video players use.
	http.ServeContent(w, r, "", time.Time{}, file)
}

// inlineType reports whether the UI shows a type in the page (pictures,
// sound, video); everything else is only ever downloaded.
func inlineType(mimeType string) bool {
	return strings.HasPrefix(mimeType, "image/") || strings.HasPrefix(mimeType, "audio/") || strings.HasPrefix(mimeType, "video/")
}

func attach(lib *Library, w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	r.Body = http.MaxBytesReader(w, r.Body, MaxLimit+1)
	a, err := lib.Attach(r.Context(), r.Body, q.Get("name"), q.Get("kind"))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("The file is larger than the %s WhatsApp allows for any file.", formatSize(MaxLimit)))
	case errors.Is(err, ErrRefused):
		writeError(w, http.StatusBadRequest, sentence(trimPrefix(err.Error(), ErrRefused.Error()+": ")))
	case err != nil:
		lib.log.Error("media: attach a file", "err", err)
		writeError(w, http.StatusInternalServerError, "The file could not be stored in the data folder.")
	default:
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(a)
	}
}

func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

// sentence capitalises a reason and ends it with a full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
