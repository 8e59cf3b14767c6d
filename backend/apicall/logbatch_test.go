package apicall_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"chatflow/backend/apicall"
	"chatflow/backend/store/storetest"
)

func TestLogBatcher(t *testing.T) {
	tests := []struct {
		name    string
		start   bool
		entries int
		wantIDs bool // ids known at once: written synchronously
	}{
		{name: "not started writes at once", start: false, entries: 3, wantIDs: true},
		{name: "started batches and flushes on close", start: true, entries: 50},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := storetest.NewDB(t)
			ctx := context.Background()
			w := apicall.NewLogBatcher(db, slog.New(slog.DiscardHandler))
			if tc.start {
				w.Start()
			}
			for i := range tc.entries {
				id, err := w.InsertCallLog(ctx, apicall.LogEntry{APIName: "orders", Source: "live", Method: "GET",
					URL: "http://127.0.0.1/orders", Status: 200 + i%2, At: time.Now()})
				if err != nil {
					t.Fatal(err)
				}
				if tc.wantIDs != (id > 0) {
					t.Fatalf("entry %d id = %d; want known at once: %v", i, id, tc.wantIDs)
				}
			}
			w.Close()
			got, err := db.CallLog(ctx, 0, 1000)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tc.entries {
				t.Fatalf("call log holds %d entries; want %d", len(got), tc.entries)
			}
			// After close, entries are written at once again.
			if id, err := w.InsertCallLog(ctx, apicall.LogEntry{APIName: "orders", Source: "live"}); err != nil || id == 0 {
				t.Fatalf("after close: id %d, %v", id, err)
			}
		})
	}
}
