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

// The live bot's batches: many rows per statement, each row as InsertCallLog
// would store it, the retention applied once per batch.
func TestInsertCallLogsWritesManyRowsPerStatement(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	api, err := db.SaveAPI(ctx, apicall.Definition{Name: "Orders", URL: "https://shop.test/x"})
	if err != nil {
		t.Fatal(err)
	}
	contact := contactA(t, db, "556")
	var batch []apicall.LogEntry
	for i := range 45 {
		e := apicall.LogEntry{At: time.UnixMilli(1_700_000_000_000 + int64(i)), APIID: api.ID, APIName: "Orders",
			ContactID: contact, Source: apicall.SourceLive, Method: "GET", URL: fmt.Sprintf("https://shop.test/x/%d", i),
			Status: 200, DurationMs: int64(i), RequestHeaders: []apicall.KV{{Key: "Accept", Value: "application/json"}},
			ResponseBody: `{"n":` + fmt.Sprint(i) + `}`, ResponseTruncated: i%2 == 0}
		if i == 44 {
			e.APIID, e.ContactID = 9999, 9999 // deleted meanwhile: stored as none
		}
		batch = append(batch, e)
	}
	before := db.Stats()
	if err := db.InsertCallLogs(ctx, batch); err != nil {
		t.Fatal(err)
	}
	// 45 rows: chunks of 32, 8 and five of 1, then one trim per API (two).
	if n := db.Stats().Sub(before).Statements; n > 7+2+1 {
		t.Errorf("45 entries took %d statements", n)
	}
	got, err := db.CallLog(ctx, api.ID, 100)
	if err != nil || len(got) != 44 {
		t.Fatalf("stored %d entries for the API, %v", len(got), err)
	}
	want := batch[43]
	want.ID = got[0].ID
	if fmt.Sprintf("%+v", got[0]) != fmt.Sprintf("%+v", want) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", got[0], want)
	}
	if orphans, _ := db.CallLog(ctx, 0, 10); len(orphans) != 1 || orphans[0].ContactID != 0 {
		t.Fatalf("the entry of a deleted API = %+v", orphans)
	}
}
