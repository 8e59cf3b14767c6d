package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"chatflow/backend/apicall"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

func TestCallLog(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	api, err := db.SaveAPI(ctx, apicall.Definition{Name: "Orders", URL: "https://shop.test/x"})
	if err != nil {
		t.Fatal(err)
	}
	contact := contactA(t, db, "555")
	at := time.UnixMilli(1_700_000_000_123)
	entry := apicall.LogEntry{At: at, APIID: api.ID, APIName: "Orders", ContactID: contact, Source: apicall.SourceLive,
		Method: "GET", URL: "https://shop.test/x?key=••••", Status: 200, DurationMs: 42, Error: "",
		RequestHeaders: []apicall.KV{{Key: "Authorization", Value: "Bearer ••••"}},
		RequestBody:    "", ResponseBody: `{"ok":true}`, ResponseTruncated: true}
	id, err := db.InsertCallLog(ctx, entry)
	if err != nil || id == 0 {
		t.Fatalf("insert = %d, %v", id, err)
	}
	// Unknown contact and API ids are kept as "none", not refused.
	if _, err := db.InsertCallLog(ctx, apicall.LogEntry{APIID: 0, APIName: "Draft", ContactID: 999, Source: "test", Method: "GET", URL: "u"}); err != nil {
		t.Fatalf("insert with unknown contact: %v", err)
	}
	got, err := db.CallLog(ctx, api.ID, 10)
	if err != nil || len(got) != 1 {
		t.Fatalf("CallLog = %v, %v", got, err)
	}
	entry.ID = id
	if fmt.Sprintf("%+v", got[0]) != fmt.Sprintf("%+v", entry) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", got[0], entry)
	}
	drafts, err := db.CallLog(ctx, 0, 0)
	if err != nil || len(drafts) != 1 || drafts[0].ContactID != 0 || drafts[0].APIName != "Draft" {
		t.Fatalf("unsaved-API log = %+v, %v", drafts, err)
	}
}

func TestCallLogRetentionAndCascade(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	api, err := db.SaveAPI(ctx, apicall.Definition{Name: "Orders", URL: "https://shop.test/x"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range store.CallLogKeepPerAPI + 5 {
		if _, err := db.InsertCallLog(ctx, apicall.LogEntry{APIID: api.ID, APIName: "Orders", Source: "live", Method: "GET", URL: "u", Status: i}); err != nil {
			t.Fatal(err)
		}
	}
	all, err := db.CallLog(ctx, api.ID, 10_000)
	if err != nil || len(all) != store.CallLogKeepPerAPI {
		t.Fatalf("kept %d entries, want %d (%v)", len(all), store.CallLogKeepPerAPI, err)
	}
	if all[0].Status != store.CallLogKeepPerAPI+4 || all[len(all)-1].Status != 5 {
		t.Fatalf("kept the wrong entries: newest %d oldest %d", all[0].Status, all[len(all)-1].Status)
	}
	if err := db.DeleteAPI(ctx, api.ID); err != nil {
		t.Fatal(err)
	}
	if left, _ := db.CallLog(ctx, api.ID, 10); len(left) != 0 {
		t.Fatalf("log of a deleted API survived: %d", len(left))
	}
}

func TestNewAPIAdoptsItsUnsavedTestCalls(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	for _, name := range []string{"Order status", "order STATUS", "Other"} {
		if _, err := db.InsertCallLog(ctx, apicall.LogEntry{APIName: name, Source: "test", Method: "GET", URL: "u", Status: 200}); err != nil {
			t.Fatal(err)
		}
	}
	api, err := db.SaveAPI(ctx, apicall.Definition{Name: "Order status", URL: "https://shop.test/x"})
	if err != nil {
		t.Fatal(err)
	}
	mine, _ := db.CallLog(ctx, api.ID, 10)
	left, _ := db.CallLog(ctx, 0, 10)
	if len(mine) != 2 || len(left) != 1 || left[0].APIName != "Other" {
		t.Fatalf("adopted %d, left %+v", len(mine), left)
	}
}
