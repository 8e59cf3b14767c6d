package studio

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"sort"

	"chatflow/backend/apperr"
	"chatflow/backend/bundle"
	"chatflow/backend/media"
	"chatflow/backend/store"
)

// MediaStore is the media folder as the use cases need it (bundles' files,
// the files an API call may send); *media.Library implements it.
type MediaStore interface {
	Lookup(ctx context.Context, key string) (store.MediaFile, string, error)
	Attach(ctx context.Context, r io.Reader, name, kind string) (media.Attachment, error)
	Files() *media.Files
}

// filesRoom is how much of a bundle's size its files may take (base64 makes
// them a third larger); the rest is left for the flows themselves.
const filesRoom = bundle.MaxSize - 4<<20

// attachedKeys lists the files the flows' message nodes send, each once.
func attachedKeys(flows []bundle.Flow) []string {
	seen := map[string]bool{}
	var keys []string
	for _, f := range flows {
		for _, n := range f.Nodes {
			if k := n.Data.MediaFile; k != "" && !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// exportFiles reads the attached files of flows from the media folder,
// smallest first, as long as they fit in a bundle an import accepts. A file
// that is missing or does not fit stays a key: on another computer its node
// then says to attach it again.
func (u *Bundles) exportFiles(ctx context.Context, flows []bundle.Flow) []bundle.File {
	if u.s.media == nil {
		return nil
	}
	type found struct {
		row  store.MediaFile
		path string
	}
	var all []found
	for _, key := range attachedKeys(flows) {
		row, path, err := u.s.media.Lookup(ctx, key)
		if err != nil {
			u.s.log.Warn("studio: export leaves out an attached file", "key", key, "err", err)
			continue
		}
		all = append(all, found{row, path})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].row.Size < all[j].row.Size })
	var out []bundle.File
	used := int64(0)
	for _, f := range all {
		if used+f.row.Size*4/3 > filesRoom {
			u.s.log.Warn("studio: export leaves out an attached file too large for a bundle", "key", f.row.SHA256, "size", f.row.Size)
			continue
		}
		data, err := os.ReadFile(f.path)
		if err != nil {
			u.s.log.Warn("studio: export leaves out an attached file", "key", f.row.SHA256, "err", err)
			continue
		}
		used += int64(len(data)) * 4 / 3
		out = append(out, bundle.File{Key: f.row.SHA256, Mime: f.row.Mime, Data: data})
	}
	return out
}

// importFiles stores a bundle's files in the media folder, checked as a file
// attached in the editor is (size, type). It runs before the import's
// transaction: a file stored for an import that then fails is swept with the
// other unreferenced files.
func (u *Bundles) importFiles(ctx context.Context, files []bundle.File) error {
	if len(files) == 0 {
		return nil
	}
	if u.s.media == nil {
		return apperr.Errorf(apperr.EINVALID, "This bundle carries attached files, and there is no media folder here to keep them.")
	}
	for _, f := range files {
		att, err := u.s.media.Attach(ctx, bytes.NewReader(f.Data), "file"+media.Extension(f.Mime), "")
		if err != nil {
			return apperr.Errorf(apperr.EINVALID, "The bundle's attached file %.12s… was refused: %v.", f.Key, err)
		}
		if att.Key != f.Key {
			return u.s.internal("import the bundle's files", fmt.Errorf("file %s was stored as %s", f.Key, att.Key))
		}
	}
	return nil
}

// bundleHasFile extends exists with the files a bundle carries (nil stays
// nil: files are not checked).
func bundleHasFile(files []bundle.File, exists func(string) bool) func(string) bool {
	if exists == nil {
		return nil
	}
	carried := map[string]bool{}
	for _, f := range files {
		carried[f.Key] = true
	}
	return func(key string) bool { return carried[key] || exists(key) }
}
