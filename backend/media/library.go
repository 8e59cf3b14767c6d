package media

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"chatflow/backend/store"
)

// SweepGrace is how long an unreferenced file is kept: a file attached in
// the editor is referenced only once the flow is saved, a moment later.
const SweepGrace = time.Hour

// Library is the media store of one database: the files and their rows.
// Storing a file and recording its row happen under one lock, and so does
// the sweep, so a file that is being stored again is never swept away.
type Library struct {
	db    *store.DB
	files *Files
	log   *slog.Logger
	now   func() time.Time
	mu    sync.Mutex
}

// NewLibrary returns the media store of db, kept in dir (see Dir).
func NewLibrary(db *store.DB, dir string, log *slog.Logger) *Library {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Library{db: db, files: NewFiles(dir), log: log, now: time.Now}
}

// Files is the folder of the library.
func (l *Library) Files() *Files { return l.files }

// SetClock replaces the clock (tests).
func (l *Library) SetClock(now func() time.Time) { l.now = now }

// keep moves a staged, checked file into the folder and calls record with
// its row while holding the lock the sweep takes; record must write the
// row (store.PutMediaFileTx, alone or within a larger transaction).
func (l *Library) keep(st *Staging, mimeType string, record func(store.MediaFile) error) (store.MediaFile, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	name, err := l.files.keep(st, Extension(mimeType))
	if err != nil {
		return store.MediaFile{}, err
	}
	f := store.MediaFile{SHA256: st.Key(), Name: name, Mime: mimeType, Size: st.Size(), TouchedAt: l.now()}
	if err := record(f); err != nil {
		return store.MediaFile{}, err
	}
	return f, nil
}

// Lookup returns a stored file's row and its absolute path.
func (l *Library) Lookup(ctx context.Context, key string) (store.MediaFile, string, error) {
	if !ValidKey(key) {
		return store.MediaFile{}, "", fmt.Errorf("media: %.80q is not a file key: %w", key, store.ErrNotFound)
	}
	f, err := l.db.MediaFile(ctx, key)
	if err != nil {
		return store.MediaFile{}, "", err
	}
	p, err := l.files.Path(f.Name)
	if err != nil {
		return store.MediaFile{}, "", err
	}
	return f, p, nil
}

// Attachment is a file attached to a message node in the editor.
type Attachment struct {
	// Key is the file's SHA-256, what the node stores as mediaFile.
	Key  string `json:"key"`
	Kind string `json:"kind"`
	Mime string `json:"mime"`
	Size int64  `json:"size"`
	// Name is the file's name as chosen (documents are sent with it).
	Name string `json:"name"`
}

// Attach stores a file someone chose in the editor for a message node of
// kind (image, video, audio, document; "" picks the kind from the file).
// It is checked like a customer's file; refusals wrap ErrRefused.
func (l *Library) Attach(ctx context.Context, r io.Reader, name, kind string) (Attachment, error) {
	limit := int64(MaxLimit)
	if kind != "" {
		if !ValidKind(kind) {
			return Attachment{}, fmt.Errorf("%w: %q is not a kind of media", ErrRefused, kind)
		}
		limit = Limits[kind]
	}
	st, err := l.files.copyFrom(r, limit)
	if errors.Is(err, ErrTooLarge) {
		return Attachment{}, fmt.Errorf("%w: the file is larger than the %s WhatsApp allows for %s", ErrRefused,
			formatSize(limit), kindWord(orDocument(kind)))
	}
	if err != nil {
		return Attachment{}, err
	}
	if kind == "" {
		kind = guessKind(name, st.Head())
	}
	mimeType := TypeForUpload(kind, name, st.Head())
	if mimeType == "" {
		st.Discard()
		return Attachment{}, fmt.Errorf("%w: the file %s is not one WhatsApp can send as %s (it allows %s)", ErrRefused,
			displayName(name), kindWord(orDocument(kind)), allowedList(orDocument(kind)))
	}
	if st.Size() > Limits[kind] {
		st.Discard()
		return Attachment{}, fmt.Errorf("%w: the file has %s, more than the %s WhatsApp allows for %s", ErrRefused,
			formatSize(st.Size()), formatSize(Limits[kind]), kindWord(kind))
	}
	f, err := l.keep(st, mimeType, func(f store.MediaFile) error { return l.db.PutMediaFile(ctx, f) })
	if err != nil {
		return Attachment{}, err
	}
	return Attachment{Key: f.SHA256, Kind: kind, Mime: mimeType, Size: f.Size, Name: CleanFilename(name)}, nil
}

// guessKind picks the kind of an attached file from its bytes.
func guessKind(name string, head []byte) string {
	for _, k := range []string{KindImage, KindVideo, KindAudio, KindDocument} {
		if TypeForUpload(k, name, head) != "" {
			return k
		}
	}
	return KindDocument
}

func orDocument(kind string) string {
	if kind == "" {
		return KindDocument
	}
	return kind
}

// CleanFilename makes a name from outside fit to show and to send as a
// document's file name: no folders, no control characters, at most 200
// characters. It is never used as a path.
func CleanFilename(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if r := []rune(name); len(r) > 200 {
		name = string(r[:200])
	}
	if name == "." || name == ".." {
		return ""
	}
	return name
}

func displayName(name string) string {
	if n := CleanFilename(name); n != "" {
		return n
	}
	return "This file"
}

func formatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+512)>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
