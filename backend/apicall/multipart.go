package apicall

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"os"
	"path/filepath"
	"strings"
)

// MaxUploadBytes bounds a file sent in a multipart body; WhatsApp's largest
// media (documents) are 100 MB, so a file from a conversation always fits.
const MaxUploadBytes = 100 << 20

// renderParts fills the placeholders of the enabled parts. A file part's
// value is a path, taken as it renders (trimmed).
func (e *expander) renderParts(parts []Part) []Part {
	out := []Part{}
	for _, p := range parts {
		if p.Disabled || strings.TrimSpace(p.Key) == "" {
			continue
		}
		r := Part{Key: strings.TrimSpace(e.expand(p.Key, raw)), Value: e.expand(p.Value, raw), File: p.File}
		if r.File {
			r.Value = strings.TrimSpace(r.Value)
		}
		out = append(out, r)
	}
	return out
}

// describeParts is what the call log and the tester show of a multipart
// body: each field with its value, and each file by its name.
func describeParts(parts []Part) string {
	var b strings.Builder
	for _, p := range parts {
		if p.File {
			fmt.Fprintf(&b, "%s: file %s\n", p.Key, filepath.Base(p.Value))
			continue
		}
		fmt.Fprintf(&b, "%s: %s\n", p.Key, p.Value)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// errFileNotAllowed is returned for a file part whose path is not a stored
// file: a flow forwards files of the conversation, never any file of this
// computer (a customer could otherwise make {{message.text}} a path).
var errFileNotAllowed = errors.New("not a file of the conversations")

// multipartBody builds a multipart/form-data body from rendered parts. Files
// are streamed from disk, not read into memory, and the exact length is
// known, so the request has a Content-Length (some APIs refuse chunked
// uploads). allowed says which paths may be read; nil allows none.
func multipartBody(parts []Part, allowed func(path string) bool) (io.Reader, int64, string, []io.Closer, error) {
	var (
		buf     bytes.Buffer
		readers []io.Reader
		closers []io.Closer
		size    int64
	)
	w := multipart.NewWriter(&buf)
	flush := func() {
		if buf.Len() > 0 {
			chunk := bytes.Clone(buf.Bytes())
			readers = append(readers, bytes.NewReader(chunk))
			size += int64(len(chunk))
			buf.Reset()
		}
	}
	fail := func(err error) (io.Reader, int64, string, []io.Closer, error) {
		for _, c := range closers {
			c.Close()
		}
		return nil, 0, "", nil, err
	}
	for _, p := range parts {
		if !p.File {
			if err := w.WriteField(p.Key, p.Value); err != nil {
				return fail(err)
			}
			continue
		}
		if p.Value == "" {
			return fail(fmt.Errorf("the file of field %s is empty (no file in the conversation yet?)", p.Key))
		}
		if allowed == nil || !allowed(p.Value) {
			return fail(fmt.Errorf("field %s: %s is %w", p.Key, filepath.Base(p.Value), errFileNotAllowed))
		}
		f, err := os.Open(p.Value)
		if err != nil {
			return fail(fmt.Errorf("field %s: the file %s cannot be read", p.Key, filepath.Base(p.Value)))
		}
		closers = append(closers, f)
		info, err := f.Stat()
		if err != nil || !info.Mode().IsRegular() {
			return fail(fmt.Errorf("field %s: the file %s cannot be read", p.Key, filepath.Base(p.Value)))
		}
		if info.Size() > MaxUploadBytes {
			return fail(fmt.Errorf("field %s: the file %s is larger than %s", p.Key, filepath.Base(p.Value), humanBytes(MaxUploadBytes)))
		}
		h := make(textproto.MIMEHeader)
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`, quoteEscape(p.Key), quoteEscape(filepath.Base(p.Value))))
		h.Set("Content-Type", fileType(f, p.Value))
		if _, err := w.CreatePart(h); err != nil {
			return fail(err)
		}
		flush()
		readers = append(readers, io.LimitReader(f, info.Size()))
		size += info.Size()
	}
	if err := w.Close(); err != nil {
		return fail(err)
	}
	flush()
	return io.MultiReader(readers...), size, w.FormDataContentType(), closers, nil
}

var quoteEscaper = strings.NewReplacer("\\", "\\\\", `"`, "\\\"")

func quoteEscape(s string) string { return quoteEscaper.Replace(s) }

// fileType is the content type of a file: from its extension (the media
// store names files by their checked type), else from its first bytes.
func fileType(f *os.File, path string) string {
	if t := mime.TypeByExtension(filepath.Ext(path)); t != "" {
		return t
	}
	head := make([]byte, 512)
	n, _ := f.ReadAt(head, 0)
	return http.DetectContentType(head[:n])
}
