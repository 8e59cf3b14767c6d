package media

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// Dir is the media folder of the database at dbPath: beside it, named
// after it, so two databases in one folder never share (or sweep) files.
func Dir(dbPath string) string {
	base := filepath.Base(dbPath)
	return filepath.Join(filepath.Dir(dbPath), strings.TrimSuffix(base, filepath.Ext(base))+"-media")
}

// Files is the content-addressed folder. Names inside it are always
// "ab/<64 hex digits><ext>", built here from a checksum and a checked type.
type Files struct {
	dir string
}

// NewFiles returns the store rooted at dir (created on first write).
func NewFiles(dir string) *Files { return &Files{dir: dir} }

// Root is the folder holding every file.
func (f *Files) Root() string { return f.dir }

// namePattern is the only shape a stored name may have.
var namePattern = regexp.MustCompile(`^[0-9a-f]{2}/[0-9a-f]{64}(\.[a-z0-9]{1,5})?$`)

// keyPattern is a file's key: its SHA-256 in lower-case hex.
var keyPattern = regexp.MustCompile(`^[0-9a-f]{64}$`)

// ValidKey reports whether key is a file key (a SHA-256 in hex).
func ValidKey(key string) bool { return keyPattern.MatchString(key) }

// nameFor is the stored name of the file with key and extension ext.
func nameFor(key, ext string) string { return key[:2] + "/" + key + ext }

// Path returns the absolute path of a stored name, refusing anything that
// is not one.
func (f *Files) Path(name string) (string, error) {
	if !namePattern.MatchString(name) {
		return "", fmt.Errorf("media: %.80q is not a stored file name", name)
	}
	return filepath.Join(f.dir, filepath.FromSlash(name)), nil
}

// Contains reports whether path is a stored file of this folder: what a
// flow may read when it forwards {{message.media.path}}.
func (f *Files) Contains(path string) bool {
	rel, err := filepath.Rel(f.dir, filepath.Clean(path))
	return err == nil && namePattern.MatchString(filepath.ToSlash(rel))
}

// Staging is a file being written: it is hashed and measured as it goes and
// keeps its first bytes for the type check. Keep it or Discard it.
type Staging struct {
	file  *os.File
	hash  hash.Hash
	size  int64
	limit int64
	head  []byte
}

// ErrTooLarge is returned by Staging.Write past the staging's limit.
var ErrTooLarge = errors.New("media: the file is larger than allowed")

// Stage starts writing a new file of at most limit bytes.
func (f *Files) Stage(limit int64) (*Staging, error) {
	tmp := filepath.Join(f.dir, "tmp")
	if err := os.MkdirAll(tmp, 0o700); err != nil {
		return nil, fmt.Errorf("media: create the media folder: %w", err)
	}
	var rnd [8]byte
	rand.Read(rnd[:])
	file, err := os.OpenFile(filepath.Join(tmp, hex.EncodeToString(rnd[:])+".part"), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, fmt.Errorf("media: create a file: %w", err)
	}
	return &Staging{file: file, hash: sha256.New(), limit: limit}, nil
}

// Write appends p, refusing to grow past the limit.
func (s *Staging) Write(p []byte) (int, error) {
	if s.size+int64(len(p)) > s.limit {
		return 0, ErrTooLarge
	}
	if len(s.head) < SniffLen {
		s.head = append(s.head, p[:min(len(p), SniffLen-len(s.head))]...)
	}
	n, err := s.file.Write(p)
	s.hash.Write(p[:n])
	s.size += int64(n)
	if err != nil {
		return n, fmt.Errorf("media: write a file: %w", err)
	}
	return n, nil
}

// Head is the file's first bytes (up to SniffLen), for Check.
func (s *Staging) Head() []byte { return s.head }

// Size is how many bytes were written.
func (s *Staging) Size() int64 { return s.size }

// Sum is the SHA-256 of what was written.
func (s *Staging) Sum() [sha256.Size]byte {
	var out [sha256.Size]byte
	copy(out[:], s.hash.Sum(nil))
	return out
}

// Key is the file's key (its SHA-256 in hex).
func (s *Staging) Key() string {
	sum := s.Sum()
	return hex.EncodeToString(sum[:])
}

// Discard deletes the partial file.
func (s *Staging) Discard() {
	s.file.Close()
	os.Remove(s.file.Name())
}

// keep moves the staged file to its content-addressed name, synced to
// disk. If the same content is already stored, the copy is dropped.
func (f *Files) keep(s *Staging, ext string) (string, error) {
	name := nameFor(s.Key(), ext)
	final, _ := f.Path(name)
	if err := s.file.Sync(); err != nil {
		s.Discard()
		return "", fmt.Errorf("media: save a file: %w", err)
	}
	if err := s.file.Close(); err != nil {
		os.Remove(s.file.Name())
		return "", fmt.Errorf("media: save a file: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(final), 0o700); err != nil {
		os.Remove(s.file.Name())
		return "", fmt.Errorf("media: create the media folder: %w", err)
	}
	if st, err := os.Stat(final); err == nil && st.Size() == s.size {
		os.Remove(s.file.Name())
		return name, nil
	}
	if err := os.Rename(s.file.Name(), final); err != nil {
		os.Remove(s.file.Name())
		return "", fmt.Errorf("media: save a file: %w", err)
	}
	return name, nil
}

// remove deletes a stored file; a file already gone is not an error.
func (f *Files) remove(name string) error {
	p, err := f.Path(name)
	if err != nil {
		return err
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("media: delete a file: %w", err)
	}
	return nil
}

// walk lists every stored name with its modification time; staging files
// older than before are deleted on the way (left by a crash).
func (f *Files) walk(before time.Time) (map[string]time.Time, error) {
	out := map[string]time.Time{}
	err := filepath.WalkDir(f.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(f.dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case strings.HasPrefix(rel, "tmp/"):
			if info.ModTime().Before(before) {
				os.Remove(p)
			}
		case namePattern.MatchString(rel):
			out[rel] = info.ModTime()
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("media: list the media folder: %w", err)
	}
	return out, nil
}

// copyFrom stages everything r holds (at most limit bytes).
func (f *Files) copyFrom(r io.Reader, limit int64) (*Staging, error) {
	st, err := f.Stage(limit)
	if err != nil {
		return nil, err
	}
	if _, err := io.Copy(st, r); err != nil {
		st.Discard()
		return nil, err
	}
	return st, nil
}
