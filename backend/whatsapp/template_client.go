package whatsapp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// ErrNoBusinessAccount is returned by Templates when the WhatsApp Business
// Account id or the access token is missing; nothing was requested.
var ErrNoBusinessAccount = errors.New("whatsapp: the WhatsApp Business Account id and access token are not set")

// TemplatesURL returns {graph}/{version}/{waba_id}/message_templates.
func (c Config) TemplatesURL() string {
	base := strings.TrimRight(orDefault(c.GraphURL, DefaultGraphURL), "/")
	return base + "/" + strings.Trim(orDefault(c.APIVersion, DefaultAPIVersion), "/") + "/" +
		url.PathEscape(c.BusinessAccountID) + "/message_templates"
}

// Paging limits of a template sync: Meta serves at most 100 per page, and a
// business account holds at most a few thousand templates, so a sync that
// needs more pages than this is answered by something that is not Meta.
const (
	templatePageLimit    = 100
	maxTemplatePages     = 100
	maxTemplatePageBytes = 8 << 20
)

// templateFields are the fields a sync asks for.
const templateFields = "id,name,language,status,category,rejected_reason,parameter_format,components"

// TemplateList is the result of a full sync.
type TemplateList struct {
	Templates []Template
	// Skipped counts entries that could not be read (see TemplatePage).
	Skipped int
	Pages   int
}

// Templates lists every message template of the business account, page by
// page. It follows Meta's paging.cursors.after for as long as the answer
// carries a paging.next link, but builds each page's URL itself, so the
// access token is only ever sent to the configured Graph API host. A
// template listed twice (a page boundary that moved during the sync) is
// kept once. Failures are *APIError values with Op "list templates".
func (cl Client) Templates(ctx context.Context, cfg Config) (TemplateList, error) {
	var out TemplateList
	if cfg.BusinessAccountID == "" || cfg.AccessToken == "" {
		return out, ErrNoBusinessAccount
	}
	seen := map[string]bool{}
	after := ""
	for {
		if out.Pages == maxTemplatePages {
			return out, fmt.Errorf("whatsapp: list templates: more than %d pages; the Graph API URL may not be Meta's", maxTemplatePages)
		}
		page, err := cl.templatePage(ctx, cfg, after)
		if err != nil {
			return out, err
		}
		out.Pages++
		out.Skipped += page.Skipped
		for _, t := range page.Templates {
			key := t.Name + "\x00" + t.Language
			if !seen[key] {
				seen[key] = true
				out.Templates = append(out.Templates, t)
			}
		}
		if page.Next == "" || page.After == "" || page.After == after {
			return out, nil
		}
		after = page.After
	}
}

// templatePage fetches one page, after the given cursor ("" for the first).
func (cl Client) templatePage(ctx context.Context, cfg Config, after string) (TemplatePage, error) {
	q := url.Values{"limit": {strconv.Itoa(templatePageLimit)}, "fields": {templateFields}}
	if after != "" {
		q.Set("after", after)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, cfg.TemplatesURL()+"?"+q.Encode(), nil)
	if err != nil {
		return TemplatePage{}, fmt.Errorf("whatsapp: list templates: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+cfg.AccessToken)
	httpClient := cl.HTTP
	if httpClient == nil {
		httpClient = defaultHTTP
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		return TemplatePage{}, &APIError{Op: "list templates", Retryable: true, Err: err}
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxTemplatePageBytes+1))
	if err != nil {
		return TemplatePage{}, &APIError{Op: "list templates", HTTPStatus: resp.StatusCode, Retryable: true, Err: err,
			Message: "unreadable answer"}
	}
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		var w wireTemplatePage
		// An error answer that is not JSON is described by its status.
		_ = json.Unmarshal(raw, &w)
		e := answerError(resp, w.Error, raw)
		e.Op = "list templates"
		return TemplatePage{}, e
	}
	if len(raw) > maxTemplatePageBytes {
		return TemplatePage{}, fmt.Errorf("whatsapp: list templates: a page is larger than %d MiB", maxTemplatePageBytes>>20)
	}
	return ParseTemplatePage(raw)
}
