package apicall

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tidwall/gjson"

	"chatflow/backend/attribute"
)

// MaxResponseBytes caps how much of a response is read (2 MiB); a larger
// response fails the call with a clear error instead of filling memory.
const MaxResponseBytes = 2 << 20

// maxRedirects bounds redirect chains when FollowRedirects is on.
const maxRedirects = 10

// Response is everything one execution learned. Status is 0 when no usable
// HTTP response was read; then Error says why in one sentence. Request is
// the rendered request as sent (secrets included: redact before showing or
// storing it, see Redact). Earlier holds the tries before this one when the
// API was retried, each with a note in RetryNote; RetryNote on the last
// says why it was not retried when that is worth knowing.
type Response struct {
	Status     int          `json:"status"`
	DurationMs int64        `json:"durationMs"`
	Size       int64        `json:"size"`
	Headers    []KV         `json:"headers"`
	Body       string       `json:"body"`
	IsJSON     bool         `json:"isJSON"`
	Error      string       `json:"error"`
	Structure  []PathSample `json:"structure"`
	Missing    []string     `json:"missing"`
	Request    Request      `json:"request"`
	Earlier    []Response   `json:"earlier,omitempty"`
	RetryNote  string       `json:"retryNote,omitempty"`
	// transient marks a failure that may pass (a timeout, a refused or cut
	// connection), which a retry may try again.
	transient bool
}

// Client executes API definitions over HTTP. The zero value is ready to use
// and shares one connection pool. The tester and the live bot share one
// Client, so a test behaves as the bot will.
type Client struct {
	// Transport sends the requests; nil means a shared clone of
	// http.DefaultTransport.
	Transport http.RoundTripper
	// MaxResponseBytes overrides the response cap; 0 means MaxResponseBytes.
	MaxResponseBytes int64
	// FileAllowed says whether a multipart file part may send the file at
	// path: only files of the conversations (the media store) may leave.
	// nil refuses every file.
	FileAllowed func(path string) bool
	// Sleep waits between tries and Now reads the clock for Retry-After
	// dates; nil means the real ones (tests replace them).
	Sleep func(ctx context.Context, d time.Duration) error
	Now   func() time.Time
}

var (
	sharedTransport = newSharedTransport()
	defaultClient   = &Client{}
)

// newSharedTransport keeps more idle connections per host than the default
// two: the live bot's workers call the same API in parallel, and with two
// kept the others opened a new connection for every call.
func newSharedTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 16
	return t
}

// Execute runs def with the default client. See Client.Execute.
func Execute(ctx context.Context, def Definition, values attribute.Values, types Types) Response {
	return defaultClient.Execute(ctx, def, values, types)
}

// Execute renders def with values and sends it, trying again as the
// definition's Retry allows (on 408, 429, 500, 502, 503, 504, a timeout or a
// refused or cut connection; never a POST or PATCH unless idempotent), with
// backoff or the API's Retry-After. Each try has the definition's timeout
// and reads at most the response cap. Redirects are returned as they are
// unless FollowRedirects is set. Cancelling ctx stops the call; the error
// then says it was cancelled.
func (c *Client) Execute(ctx context.Context, def Definition, values attribute.Values, types Types) Response {
	def = def.Normalized()
	rendered, err := Render(def, values, types)
	if err != nil {
		res := emptyResponse(rendered)
		res.Error = sentence(strings.TrimPrefix(err.Error(), "apicall: render url: "))
		return res
	}
	tries := def.Retry.Tries(def.Method)
	var earlier []Response
	for try := 1; ; try++ {
		res := c.send(ctx, def, rendered)
		wait, note := c.nextWait(res, try, tries)
		if wait < 0 {
			res.RetryNote = note
			res.Earlier = earlier
			return res
		}
		res.RetryNote = retryNote(res, try, tries, wait)
		res.Structure = nil
		earlier = append(earlier, res)
		if err := c.sleep(ctx, wait); err != nil {
			last := emptyResponse(rendered)
			last.Error = "The call was cancelled."
			last.Earlier = earlier
			return last
		}
	}
}

func emptyResponse(rendered Request) Response {
	return Response{Headers: []KV{}, Structure: []PathSample{}, Missing: rendered.Missing, Request: rendered}
}

// send makes one try.
func (c *Client) send(ctx context.Context, def Definition, rendered Request) Response {
	res := emptyResponse(rendered)
	timeout := time.Duration(def.TimeoutMs) * time.Millisecond
	callCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	body, length, contentType, closers, err := c.requestBody(def, rendered)
	defer func() {
		for _, cl := range closers {
			cl.Close()
		}
	}()
	if err != nil {
		res.Error = sentence("The request body could not be made: " + err.Error())
		return res
	}
	req, err := http.NewRequestWithContext(callCtx, rendered.Method, rendered.URL, body)
	if err != nil {
		res.Error = sentence("The request could not be built: " + err.Error())
		return res
	}
	if length >= 0 && body != nil {
		req.ContentLength = length
	}
	for _, h := range rendered.Headers {
		switch {
		case strings.EqualFold(h.Key, "Host"):
			req.Host = h.Value
		case contentType != "" && strings.EqualFold(h.Key, "Content-Type"):
		default:
			req.Header.Add(h.Key, h.Value)
		}
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if req.Header.Get("User-Agent") == "" {
		req.Header.Set("User-Agent", "ChatflowStudio/1")
	}

	start := time.Now()
	resp, err := c.httpClient(def.FollowRedirects).Do(req)
	if err != nil {
		res.DurationMs = time.Since(start).Milliseconds()
		res.Error = describeError(ctx, err, req.URL.Host, timeout)
		res.transient = transientError(ctx, err)
		return res
	}
	defer resp.Body.Close()

	limit := c.MaxResponseBytes
	if limit <= 0 {
		limit = MaxResponseBytes
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	res.DurationMs = time.Since(start).Milliseconds()
	res.Size = int64(len(data))
	res.Headers = flattenHeaders(resp.Header)
	switch {
	case err != nil:
		res.Error = describeError(ctx, err, req.URL.Host, timeout)
		res.Error = strings.TrimSuffix(res.Error, ".") + fmt.Sprintf(" (while reading the HTTP %d response).", resp.StatusCode)
		res.transient = transientError(ctx, err)
		return res
	case int64(len(data)) > limit:
		res.Error = fmt.Sprintf("The response is larger than %s (HTTP %d), so it was not read.", humanBytes(limit), resp.StatusCode)
		return res
	}
	res.Status = resp.StatusCode
	res.Body = strings.ToValidUTF8(string(data), string(utf8.RuneError))
	res.IsJSON = strings.TrimSpace(res.Body) != "" && gjson.Valid(res.Body)
	if res.IsJSON {
		res.Structure = Structure(res.Body)
	}
	res.Structure = append(res.Structure, ResponseRoots(res)...)
	return res
}

// requestBody makes the body of one try (a file is opened again for each)
// with its length (-1 when unknown) and, for multipart, its content type.
func (c *Client) requestBody(def Definition, rendered Request) (io.Reader, int64, string, []io.Closer, error) {
	if def.BodyType == BodyMultipart {
		return multipartBody(rendered.Parts, c.FileAllowed)
	}
	if rendered.Body == "" {
		return nil, -1, "", nil, nil
	}
	return strings.NewReader(rendered.Body), int64(len(rendered.Body)), "", nil, nil
}

func (c *Client) httpClient(follow bool) *http.Client {
	t := c.Transport
	if t == nil {
		t = sharedTransport
	}
	return &http.Client{
		Transport: t,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if !follow {
				return http.ErrUseLastResponse
			}
			if len(via) >= maxRedirects {
				return fmt.Errorf("stopped after %d redirects", maxRedirects)
			}
			return nil
		},
	}
}

// flattenHeaders lists response headers sorted by name, one row per value.
func flattenHeaders(h http.Header) []KV {
	out := []KV{}
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range h[k] {
			out = append(out, KV{Key: k, Value: v})
		}
	}
	return out
}

func humanBytes(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	if n >= 1<<10 && n%(1<<10) == 0 {
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// sentence capitalizes s and ends it with a period.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
