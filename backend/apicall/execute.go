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
// storing it, see Redact).
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
}

// Client executes API definitions over HTTP. The zero value is ready to use
// and shares one connection pool.
type Client struct {
	// Transport sends the requests; nil means a shared clone of
	// http.DefaultTransport.
	Transport http.RoundTripper
	// MaxResponseBytes overrides the response cap; 0 means MaxResponseBytes.
	MaxResponseBytes int64
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

// Execute renders def with values, sends it with the definition's timeout
// and reads at most the response cap. Redirects are returned as they are
// unless FollowRedirects is set. Cancelling ctx stops the call; the error
// then says it was cancelled.
func (c *Client) Execute(ctx context.Context, def Definition, values attribute.Values, types Types) Response {
	def = def.Normalized()
	res := Response{Headers: []KV{}, Structure: []PathSample{}, Missing: []string{}}
	rendered, err := Render(def, values, types)
	res.Request = rendered
	res.Missing = rendered.Missing
	if err != nil {
		res.Error = sentence(strings.TrimPrefix(err.Error(), "apicall: render url: "))
		return res
	}

	timeout := time.Duration(def.TimeoutMs) * time.Millisecond
	callCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var body io.Reader
	if rendered.Body != "" {
		body = strings.NewReader(rendered.Body)
	}
	req, err := http.NewRequestWithContext(callCtx, rendered.Method, rendered.URL, body)
	if err != nil {
		res.Error = sentence("The request could not be built: " + err.Error())
		return res
	}
	for _, h := range rendered.Headers {
		if strings.EqualFold(h.Key, "Host") {
			req.Host = h.Value
			continue
		}
		req.Header.Add(h.Key, h.Value)
	}
	if req.Header.Get("User-Agent") == "" {
		req.Header.Set("User-Agent", "ChatflowStudio/1")
	}

	start := time.Now()
	resp, err := c.httpClient(def.FollowRedirects).Do(req)
	if err != nil {
		res.DurationMs = time.Since(start).Milliseconds()
		res.Error = describeError(ctx, err, req.URL.Host, timeout)
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
	return res
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
