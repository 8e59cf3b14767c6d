package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"chatflow/backend/apicall"
)

// Call log retention: the newest entries per saved API, and the newest
// entries of tests of unsaved APIs.
const (
	CallLogKeepPerAPI   = 500
	CallLogKeepUnsaved  = 100
	DefaultCallLogLimit = 50
)

// InsertCallLog records one API call (already redacted, see
// apicall.NewLogEntry) and trims the oldest entries beyond the retention.
// An APIID or ContactID of 0, or one that no longer exists, is stored as
// NULL so that logging never fails because of a concurrent delete.
func (db *DB) InsertCallLog(ctx context.Context, e apicall.LogEntry) (int64, error) {
	var id int64
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if id, err = insertCallLogTx(ctx, tx, e); err != nil {
			return err
		}
		return trimCallLogTx(ctx, tx, e.APIID)
	})
	return id, err
}

// InsertCallLogs is InsertCallLog for several entries in one transaction
// (one commit, group-committed with other writers), written many rows per
// statement and trimming each API's entries once: the live bot writes its
// call log this way, in the background.
func (db *DB) InsertCallLogs(ctx context.Context, entries []apicall.LogEntry) error {
	if len(entries) == 0 {
		return nil
	}
	return db.GroupTx(ctx, func(tx *sql.Tx) error {
		apis := map[int64]bool{}
		for rest := entries; len(rest) > 0; {
			n := callLogChunk(len(rest))
			if err := insertCallLogsTx(ctx, tx, rest[:n]); err != nil {
				return err
			}
			rest = rest[n:]
		}
		for _, e := range entries {
			apis[e.APIID] = true
		}
		for apiID := range apis {
			if err := trimCallLogTx(ctx, tx, apiID); err != nil {
				return err
			}
		}
		return nil
	})
}

// callLogChunks are the row counts one call-log insert takes: a few fixed
// sizes, so each has one cached statement.
var callLogChunks = [...]int{32, 8, 1}

// callLogChunk is how many of n entries the next insert takes.
func callLogChunk(n int) int {
	for _, c := range callLogChunks {
		if n >= c {
			return c
		}
	}
	return n
}

const callLogInsert = `INSERT INTO api_call_log(at, api_id, api_name, contact_id, source, method, url,
	status, duration_ms, error, request_headers, request_body, response_body, response_truncated) VALUES`

// callLogRow is one row of callLogInsert. An API or contact id that no
// longer exists is stored as NULL.
const callLogRow = `(?, (SELECT id FROM apis WHERE id = ?), ?, (SELECT id FROM contacts WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// insertCallLogsTx writes entries in one statement.
func insertCallLogsTx(ctx context.Context, q Execer, entries []apicall.LogEntry) error {
	args := make([]any, 0, 14*len(entries))
	for _, e := range entries {
		row, err := callLogArgs(e)
		if err != nil {
			return err
		}
		args = append(args, row...)
	}
	query := callLogInsert + strings.Repeat(callLogRow+",", len(entries)-1) + callLogRow
	if _, err := q.ExecContext(ctx, query, args...); err != nil {
		return fmt.Errorf("store: record %d api calls: %w", len(entries), err)
	}
	return nil
}

// callLogArgs are the values of one call-log row.
func callLogArgs(e apicall.LogEntry) ([]any, error) {
	headers := e.RequestHeaders
	if headers == nil {
		headers = []apicall.KV{}
	}
	hj, err := json.Marshal(headers)
	if err != nil {
		return nil, fmt.Errorf("store: record api call: %w", err)
	}
	at := e.At
	if at.IsZero() {
		at = time.Now()
	}
	return []any{at.UnixMilli(), e.APIID, e.APIName, e.ContactID, e.Source, e.Method, e.URL,
		e.Status, e.DurationMs, e.Error, string(hj), e.RequestBody, e.ResponseBody, e.ResponseTruncated}, nil
}

func insertCallLogTx(ctx context.Context, q Execer, e apicall.LogEntry) (int64, error) {
	args, err := callLogArgs(e)
	if err != nil {
		return 0, err
	}
	var id int64
	if err := q.QueryRowContext(ctx, callLogInsert+callLogRow+` RETURNING id`, args...).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: record api call: %w", err)
	}
	return id, nil
}

// trimCallLogTx deletes the oldest entries of one API beyond the retention.
func trimCallLogTx(ctx context.Context, q Execer, apiID int64) error {
	_, err := q.ExecContext(ctx, `DELETE FROM api_call_log WHERE api_id IS ? AND id <= (
			SELECT id FROM api_call_log WHERE api_id IS ? ORDER BY id DESC LIMIT 1 OFFSET ?)`,
		nullID(apiID), nullID(apiID), keepFor(apiID))
	if err != nil {
		return fmt.Errorf("store: trim api call log: %w", err)
	}
	return nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func keepFor(apiID int64) int {
	if apiID == 0 {
		return CallLogKeepUnsaved
	}
	return CallLogKeepPerAPI
}

// CallLog returns the newest entries for one API (apiID 0: tests of unsaved
// APIs), newest first, at most limit (DefaultCallLogLimit when limit <= 0).
func (db *DB) CallLog(ctx context.Context, apiID int64, limit int) ([]apicall.LogEntry, error) {
	if limit <= 0 {
		limit = DefaultCallLogLimit
	}
	rows, err := db.R.QueryContext(ctx, `SELECT id, at, COALESCE(api_id, 0), api_name, COALESCE(contact_id, 0), source, method, url,
			status, duration_ms, error, request_headers, request_body, response_body, response_truncated
		FROM api_call_log WHERE api_id IS ? ORDER BY id DESC LIMIT ?`, nullID(apiID), limit)
	if err != nil {
		return nil, fmt.Errorf("store: read api call log: %w", err)
	}
	defer rows.Close()
	out := []apicall.LogEntry{}
	for rows.Next() {
		var (
			e  apicall.LogEntry
			at int64
			hj string
		)
		if err := rows.Scan(&e.ID, &at, &e.APIID, &e.APIName, &e.ContactID, &e.Source, &e.Method, &e.URL,
			&e.Status, &e.DurationMs, &e.Error, &hj, &e.RequestBody, &e.ResponseBody, &e.ResponseTruncated); err != nil {
			return nil, fmt.Errorf("store: read api call log: %w", err)
		}
		e.At = time.UnixMilli(at)
		if err := json.Unmarshal([]byte(hj), &e.RequestHeaders); err != nil || e.RequestHeaders == nil {
			e.RequestHeaders = []apicall.KV{}
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: read api call log: %w", err)
	}
	return out, nil
}
