package app

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"chatflow/backend/apperr"
	"chatflow/backend/store/storetest"
	"chatflow/backend/studio"
	"chatflow/backend/studio/config"
)

// recordedEvents is an Events sink that remembers event names.
type recordedEvents struct {
	mu    sync.Mutex
	names []string
}

func (r *recordedEvents) Emit(name string, _ any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.names = append(r.names, name)
}

func (r *recordedEvents) count(name string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, x := range r.names {
		if x == name {
			n++
		}
	}
	return n
}

// testApp builds the services over a fresh database in browser mode (no
// window, no listener).
func testApp(t *testing.T) (*App, *recordedEvents) {
	t.Helper()
	db := storetest.NewDB(t)
	ev := &recordedEvents{}
	b := &Broadcaster{}
	b.Attach(ev)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	st := studio.New(studio.Deps{DB: db, Config: config.New(db, nil), Log: log, Events: b})
	return New(&Deps{Ctx: context.Background(), Studio: st, Log: log, Events: b, Mode: "browser", DBPath: db.Path,
		Started: time.Now()}), ev
}

// TestBoundMethods pins the JavaScript API: window.go.app.<Service>.<Method>
// is what the frontend and the browser tests call, so a method may be added
// but never renamed or dropped without changing them.
func TestBoundMethods(t *testing.T) {
	a, _ := testApp(t)
	want := map[string]string{
		"System":        "FrontendReady Info",
		"Attributes":    "ContactValues Create Delete List SetContactValue Update",
		"APIs":          "CallLog CancelTest Delete Duplicate Get ImportCurl List Placeholders Save Test Warnings",
		"Settings":      "Check CheckPublicAddress DetectTunnel GenerateVerifyToken Get PublicAddress RetryTunnel Save SavePublicAddress Status TestConnection",
		"Conversations": "Contact Delete List MarkRead Messages Reply RestartSession SendTemplate SetBotPaused",
		"Flows":         "Create Delete Duplicate ExportBundle Get ImportBundle List PreviewRows Publish PublishPreview Rename Save Unpublish Validate",
		"Simulator":     "Restart Send Start Stop",
		"Data": "BackupNow Backups CancelRestore Checklist CloseAction CloseDialogReady CloseWindow Folder OpenFolder Quit " +
			"Restore SetCloseAction StartBlank StartFromTemplate Templates",
		"Templates": "List Sync",
		"Triggers":  "Add List Remove",
	}
	for _, svc := range a.Bindings() {
		typ := reflect.TypeOf(svc)
		var names []string
		for i := range typ.NumMethod() {
			names = append(names, typ.Method(i).Name)
		}
		sort.Strings(names)
		name := typ.Elem().Name()
		if got := strings.Join(names, " "); got != want[name] {
			t.Errorf("%s methods:\n got %s\nwant %s", name, got, want[name])
		}
		delete(want, name)
	}
	if len(want) != 0 {
		t.Errorf("services not bound: %v", want)
	}
}

// TestFormatError checks what the desktop window rejects with.
func TestFormatError(t *testing.T) {
	tests := []struct {
		err  error
		want ErrorDTO
	}{
		{apperr.Invalid("name", "Give the flow a name."), ErrorDTO{Code: apperr.EINVALID, Message: "Give the flow a name.", Field: "name"}},
		{apperr.Errorf(apperr.ECONFLICT, "A flow named %q already exists.", "x"), ErrorDTO{Code: apperr.ECONFLICT, Message: `A flow named "x" already exists.`}},
		{errors.New("disk on fire"), ErrorDTO{Code: apperr.EINTERNAL, Message: "disk on fire"}},
	}
	for _, tt := range tests {
		if got := FormatError(tt.err); got != tt.want {
			t.Errorf("FormatError(%v) = %+v, want %+v", tt.err, got, tt.want)
		}
	}
}

// TestServicesPassCodedErrors checks that an adapter hands the use case's
// coded error through untouched.
func TestServicesPassCodedErrors(t *testing.T) {
	a, ev := testApp(t)
	if _, err := a.Flows.Create("Support"); err != nil {
		t.Fatal(err)
	}
	_, err := a.Flows.Create("support")
	if apperr.ErrorCode(err) != apperr.ECONFLICT || apperr.ErrorField(err) != "name" || err.Error() != `A flow named "support" already exists.` {
		t.Fatalf("duplicate flow: %v (%s)", err, apperr.ErrorCode(err))
	}
	if _, err := a.Flows.Get(999); apperr.ErrorCode(err) != apperr.ENOTFOUND {
		t.Fatalf("missing flow: %v", err)
	}
	list, err := a.Flows.List()
	if err != nil || len(list) != 1 || list[0].Name != "Support" {
		t.Fatalf("List = %+v, %v", list, err)
	}
	if ev.count(studio.EventFlowsChanged) != 1 {
		t.Fatalf("events %v", ev.names)
	}
}

func TestOpenFolder(t *testing.T) {
	a, _ := testApp(t)
	d := a.Data
	var opened string
	d.openPath = func(p string) error { opened = p; return nil }
	if err := d.OpenFolder(); err != nil || opened != filepath.Dir(d.d.DBPath) {
		t.Fatalf("OpenFolder opened %q: %v", opened, err)
	}
	d.openPath = func(string) error { return errors.New("no file manager") }
	want := "Could not open the folder here; it is " + filepath.Dir(d.d.DBPath) + "."
	if err := d.OpenFolder(); err == nil || err.Error() != want || apperr.ErrorCode(err) != apperr.EUNAVAILABLE {
		t.Fatalf("OpenFolder without a file manager: %v", err)
	}
}

func TestCloseWindowChoices(t *testing.T) {
	a, ev := testApp(t)
	d := a.Data
	ctx := context.Background()
	if err := d.CloseWindow("quit", false); err == nil || !strings.Contains(err.Error(), "browser mode") || apperr.ErrorCode(err) != apperr.EUNAVAILABLE {
		t.Fatalf("CloseWindow without a window: %v", err)
	}
	if err := d.CloseWindow("minimize", false); apperr.ErrorCode(err) != apperr.EINVALID {
		t.Fatalf("an unknown close action: %v", err)
	}
	if err := d.Quit(); err == nil {
		t.Fatal("Quit without a window succeeded")
	}
	// Until the page's dialog listens, closing the window just closes it.
	if d.window.beforeClose(ctx) {
		t.Fatal("the close was held with no dialog to answer it")
	}
	d.CloseDialogReady()
	if !d.window.beforeClose(ctx) || ev.count(EventCloseRequested) != 1 {
		t.Fatal("closing did not ask")
	}
	if err := d.SetCloseAction("sometimes"); err == nil {
		t.Fatal("SetCloseAction accepted nonsense")
	}
	if err := d.SetCloseAction("quit"); err != nil {
		t.Fatal(err)
	}
	if act, _ := d.CloseAction(); act != "quit" || d.window.beforeClose(ctx) {
		t.Fatalf("remembered quit (%q) did not let the close through", act)
	}
	if err := d.SetCloseAction(""); err != nil {
		t.Fatal(err)
	}
	if act, _ := d.CloseAction(); act != "" {
		t.Fatalf("close action after reset: %q", act)
	}
}
