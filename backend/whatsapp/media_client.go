package whatsapp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"time"
)

// TooLargeError is returned by Download when the file is bigger than the
// caller's limit; nothing past the limit was read.
type TooLargeError struct {
	Limit int64
	// Size is the announced size, or 0 when the body simply ran past Limit.
	Size int64
}

func (e *TooLargeError) Error() string {
	if e.Size > 0 {
		return fmt.Sprintf("whatsapp: download media: the file has %s, more than the %s allowed", FormatBytes(e.Size), FormatBytes(e.Limit))
	}
	return fmt.Sprintf("whatsapp: download media: the file is larger than the %s allowed", FormatBytes(e.Limit))
}

// ErrUnsafeMediaURL is returned by Download for a download address the
// access token must not be sent to (plain http to another host).
var ErrUnsafeMediaURL = errors.New("whatsapp: download media: the download address is not https, so the access token was not sent")

// transferHTTP carries media downloads and uploads. Files reach 100 MB, so
// there is no overall timeout (the caller's context bounds the transfer),
// only one for the answer's headers.
var transferHTTP = func() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.ResponseHeaderTimeout = 60 * time.Second
	return &http.Client{Transport: t}
}()

func (cl Client) transfer() *http.Client {
	if cl.HTTP != nil {
		return cl.HTTP
	}
	return transferHTTP
}

func (cl Client) client() *http.Client {
	if cl.HTTP != nil {
		return cl.HTTP
	}
	return defaultHTTP
}

// MediaInfo asks the Graph API where the media mediaID (from a webhook) can
// be downloaded and what Meta says it is. Failures are *APIError values
// (retryable or not, as for Send) or wrap ErrMediaInfo.
func (cl Client) MediaInfo(ctx context.Context, cfg Config, mediaID string) (MediaInfo, error) {
	if cfg.AccessToken == "" {
		return MediaInfo{}, ErrNotConfigured
	}
	if !validMediaID(mediaID) {
		return MediaInfo{}, fmt.Errorf("%w: %.40q is not a media id", ErrMediaInfo, mediaID)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, cfg.MediaInfoURL(mediaID), nil)
	if err != nil {
		return MediaInfo{}, fmt.Errorf("whatsapp: build request: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+cfg.AccessToken)
	raw, resp, err := cl.exchange(req, cl.client(), "media information")
	if err != nil {
		return MediaInfo{}, err
	}
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		return MediaInfo{}, graphFailure(resp, raw, "media information")
	}
	info, err := ParseMediaInfo(raw)
	if err != nil {
		return MediaInfo{}, err
	}
	if info.ID == "" {
		info.ID = mediaID
	}
	return info, nil
}

// Download streams the file at downloadURL (from MediaInfo) into w with the
// access token, reading at most limit bytes; a bigger file is a
// *TooLargeError. An expired address (Meta keeps them about five minutes)
// answers 401, 403 or 404: those are retryable, with a fresh address.
func (cl Client) Download(ctx context.Context, cfg Config, downloadURL string, limit int64, w io.Writer) (int64, error) {
	if cfg.AccessToken == "" {
		return 0, ErrNotConfigured
	}
	if !cfg.mayCarryToken(downloadURL) {
		return 0, ErrUnsafeMediaURL
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, downloadURL, nil)
	if err != nil {
		return 0, fmt.Errorf("whatsapp: build request: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+cfg.AccessToken)
	resp, err := cl.transfer().Do(req)
	if err != nil {
		return 0, &APIError{Op: "download media", Retryable: true, Err: err}
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		raw, _ := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
		e := graphFailure(resp, raw, "download media")
		switch resp.StatusCode {
		case http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusGone:
			e.Retryable = true // most likely an expired address: ask for a new one
		}
		return 0, e
	}
	if resp.ContentLength > limit {
		return 0, &TooLargeError{Limit: limit, Size: resp.ContentLength}
	}
	n, err := io.Copy(w, io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return n, &APIError{Op: "download media", HTTPStatus: 0, Retryable: true, Err: err}
	}
	if n > limit {
		return n, &TooLargeError{Limit: limit}
	}
	return n, nil
}

// Upload sends a file to POST /{phone_number_id}/media (multipart, as Meta
// documents: file, type, messaging_product) and returns the media id, which
// messages can use for 30 days. size must be the exact length of body.
func (cl Client) Upload(ctx context.Context, cfg Config, filename, mimeType string, size int64, body io.Reader) (string, error) {
	if cfg.PhoneNumberID == "" || cfg.AccessToken == "" {
		return "", ErrNotConfigured
	}
	head, tail, contentType, err := uploadEnvelope(filename, mimeType)
	if err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, cfg.MediaUploadURL(),
		io.MultiReader(bytes.NewReader(head), io.LimitReader(body, size), bytes.NewReader(tail)))
	if err != nil {
		return "", fmt.Errorf("whatsapp: build request: %w", err)
	}
	req.ContentLength = int64(len(head)) + size + int64(len(tail))
	req.Header.Set("Authorization", "Bearer "+cfg.AccessToken)
	req.Header.Set("Content-Type", contentType)
	raw, resp, err := cl.exchange(req, cl.transfer(), "upload media")
	if err != nil {
		return "", err
	}
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		return "", graphFailure(resp, raw, "upload media")
	}
	var out struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(raw, &out); err != nil || !validMediaID(out.ID) {
		return "", &APIError{Op: "upload media", HTTPStatus: resp.StatusCode, Retryable: true,
			Message: "the answer carried no media id"}
	}
	return out.ID, nil
}

// uploadEnvelope writes the multipart fields and the file part's header
// (head) and the closing boundary (tail), so the file itself can be
// streamed between them with an exact Content-Length.
func uploadEnvelope(filename, mimeType string) (head, tail []byte, contentType string, err error) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if err := mw.WriteField("messaging_product", "whatsapp"); err != nil {
		return nil, nil, "", err
	}
	if err := mw.WriteField("type", mimeType); err != nil {
		return nil, nil, "", err
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="file"; filename="`+quoteFilename(filename)+`"`)
	h.Set("Content-Type", mimeType)
	if _, err := mw.CreatePart(h); err != nil {
		return nil, nil, "", err
	}
	head = bytes.Clone(buf.Bytes())
	buf.Reset()
	if err := mw.Close(); err != nil {
		return nil, nil, "", err
	}
	return head, bytes.Clone(buf.Bytes()), mw.FormDataContentType(), nil
}

// quoteFilename makes a file name safe inside a quoted header parameter.
func quoteFilename(name string) string {
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	if strings.TrimSpace(name) == "" {
		name = "file"
	}
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(name)
}

// exchange sends req and reads at most maxResponseBytes of the answer.
func (cl Client) exchange(req *http.Request, hc *http.Client, op string) ([]byte, *http.Response, error) {
	resp, err := hc.Do(req)
	if err != nil {
		return nil, nil, &APIError{Op: op, Retryable: true, Err: err}
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
	if err != nil {
		return nil, nil, &APIError{Op: op, HTTPStatus: resp.StatusCode, Retryable: true, Err: err, Message: "unreadable answer"}
	}
	return raw, resp, nil
}

// graphFailure builds the APIError of a failed media request from Meta's
// error object, when the answer has one.
func graphFailure(resp *http.Response, raw []byte, op string) *APIError {
	var out struct {
		Error *wireGraphError `json:"error"`
	}
	_ = json.Unmarshal(raw, &out)
	e := answerError(resp, out.Error, raw)
	e.Op = op
	return e
}

// FormatBytes writes a byte count the way people read file sizes.
func FormatBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.FormatInt((n+512)>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}
