package whatsapp_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"chatflow/backend/whatsapp"
	"chatflow/backend/whatsapp/whatsapptest"
)

func TestTemplatesSyncFollowsEveryPage(t *testing.T) {
	g := whatsapptest.NewGraph()
	defer g.Close()
	var entries []string
	for i := range 5 {
		entries = append(entries, whatsapptest.Template(fmt.Sprintf("t%d", i), "en_US", "Hello {{1}}", "Yes", "No"))
	}
	entries = append(entries, `{"name": 7}`) // unreadable entries are skipped, not fatal
	g.SetTemplates(entries...)
	list, err := whatsapp.Client{}.Templates(context.Background(), g.Config())
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Templates) != 5 || list.Skipped != 1 || list.Pages != 3 || g.TemplateListRequests() != 3 {
		t.Fatalf("templates %d skipped %d pages %d requests %d", len(list.Templates), list.Skipped, list.Pages, g.TemplateListRequests())
	}
	for i, tpl := range list.Templates {
		if tpl.Name != fmt.Sprintf("t%d", i) || len(tpl.QuickReplies()) != 2 || len(tpl.Parameters()) != 1 {
			t.Fatalf("template %d = %+v", i, tpl)
		}
	}
}

func TestTemplatesSyncErrors(t *testing.T) {
	g := whatsapptest.NewGraph()
	defer g.Close()
	cfg := g.Config()

	noWABA := cfg
	noWABA.BusinessAccountID = ""
	if _, err := (whatsapp.Client{}).Templates(context.Background(), noWABA); !errors.Is(err, whatsapp.ErrNoBusinessAccount) {
		t.Fatalf("without a WABA id: %v", err)
	}

	badToken := cfg
	badToken.AccessToken = "wrong"
	_, err := whatsapp.Client{}.Templates(context.Background(), badToken)
	var apiErr *whatsapp.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != 190 || apiErr.Retryable ||
		!strings.HasPrefix(err.Error(), "whatsapp: list templates: Invalid OAuth access token") {
		t.Fatalf("bad token: %v", err)
	}

	g.FailNext(whatsapptest.Throttled)
	_, err = whatsapp.Client{}.Templates(context.Background(), cfg)
	if !errors.As(err, &apiErr) || !apiErr.Retryable || apiErr.Code != 130429 {
		t.Fatalf("throttled: %v", err)
	}

	// A page that fails after others were read fails the whole sync: a
	// partial list would make the store forget the templates not read.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("after") == "" {
			fmt.Fprint(w, `{"data":[{"name":"a","language":"en"}],"paging":{"cursors":{"after":"C1"},"next":"x"}}`)
			return
		}
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprint(w, `{"error":{"message":"An unknown error occurred","code":1}}`)
	}))
	defer srv.Close()
	_, err = whatsapp.Client{}.Templates(context.Background(), whatsapp.Config{GraphURL: srv.URL, BusinessAccountID: "1", AccessToken: "tok"})
	if err == nil || !strings.Contains(err.Error(), "An unknown error occurred") {
		t.Fatalf("second page failing: %v", err)
	}
}

// TestTemplatesSyncKeepsTheTokenAtHome checks that Meta's paging.next link
// is not followed to another host: the next page is asked for with the
// cursor on the configured Graph API URL.
func TestTemplatesSyncKeepsTheTokenAtHome(t *testing.T) {
	var elsewhere atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { elsewhere.Add(1) }))
	defer other.Close()
	var afters []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		after := r.URL.Query().Get("after")
		afters = append(afters, after)
		if after == "" {
			fmt.Fprintf(w, `{"data":[{"name":"a","language":"en","components":[]}],"paging":{"cursors":{"after":"C1"},"next":%q}}`, other.URL+"/steal")
			return
		}
		fmt.Fprint(w, `{"data":[{"name":"b","language":"en","components":[]}],"paging":{"cursors":{"after":"C2"}}}`)
	}))
	defer srv.Close()
	list, err := whatsapp.Client{}.Templates(context.Background(), whatsapp.Config{GraphURL: srv.URL, BusinessAccountID: "1", AccessToken: "tok"})
	if err != nil || len(list.Templates) != 2 {
		t.Fatalf("list %+v, %v", list, err)
	}
	if elsewhere.Load() != 0 || strings.Join(afters, ",") != ",C1" {
		t.Fatalf("requests elsewhere %d, cursors asked %q", elsewhere.Load(), afters)
	}
}

func TestTemplatesSyncStopsOnEndlessPaging(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := n.Add(1)
		fmt.Fprintf(w, `{"data":[],"paging":{"cursors":{"after":"c%d"},"next":"x"}}`, i)
	}))
	defer srv.Close()
	_, err := whatsapp.Client{}.Templates(context.Background(), whatsapp.Config{GraphURL: srv.URL, BusinessAccountID: "1", AccessToken: "tok"})
	if err == nil || !strings.Contains(err.Error(), "more than 100 pages") {
		t.Fatalf("endless paging: %v after %d requests", err, n.Load())
	}
	repeat := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"data":[{"name":"a","language":"en"}],"paging":{"cursors":{"after":"same"},"next":"x"}}`)
	}))
	defer repeat.Close()
	list, err := whatsapp.Client{}.Templates(context.Background(), whatsapp.Config{GraphURL: repeat.URL, BusinessAccountID: "1", AccessToken: "tok"})
	if err != nil || list.Pages != 2 || len(list.Templates) != 1 {
		t.Fatalf("a repeated cursor ends the sync: %+v, %v", list, err)
	}
}
