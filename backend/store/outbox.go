package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// The outbound queue is the outgoing rows of messages with status
// "queued": a turn (or a person in the inbox) inserts them, and the sender
// moves each to "sent" (with Meta's id) or "failed". A contact's rows leave
// in id order, each not before NextAttemptAt. SendingAt marks a row whose
// send is under way: a row the turn hands straight to the sender is
// inserted marked, the others are marked a round at a time (ClaimSends)
// before they are sent. A mark older than the running process means a
// process died during the attempt: the row waits for Meta's status before
// it is sent again (ParkInterruptedSends, SettleSentTx), and keeps its mark
// until then, so that another crash during the wait parks it again.

// States of the outbound queue as OutboxCounts reports them.
const (
	OutboxPending = "pending"
	OutboxSent    = "sent"
	OutboxFailed  = "failed"
)

// Sent is one message the Graph API accepted.
type Sent struct {
	ID          int64
	WaMessageID string
	At          time.Time
}

// DueOutbound returns up to limit rows that may be sent at now and are not
// being sent by the process that started at started: for each contact only
// its oldest waiting row (so a conversation is never sent out of order,
// even while a row waits for a retry), and only when its time has come. A
// row marked before started was interrupted by a crash and is due when its
// wait for Meta's status is over. Oldest first.
func (db *DB) DueOutbound(ctx context.Context, now, started time.Time, limit int) ([]Message, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT `+messageColumns+` FROM messages WHERE id IN (
			SELECT MIN(id) FROM messages WHERE direction = 'out' AND status = 'queued' GROUP BY contact_id)
		AND sending_at < ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
		started.UnixMilli(), now.UnixMilli(), limit)
	if err != nil {
		return nil, fmt.Errorf("store: list due messages: %w", err)
	}
	return scanMessages(rows, "list due messages")
}

// NextOutboundTime returns when the earliest waiting row at the head of a
// conversation (and not being sent by the process started at started)
// becomes due, and false when there is none.
func (db *DB) NextOutboundTime(ctx context.Context, started time.Time) (time.Time, bool, error) {
	return db.earliest(ctx, "next outgoing message", `SELECT MIN(next_attempt_at) FROM messages WHERE id IN (
		SELECT MIN(id) FROM messages WHERE direction = 'out' AND status = 'queued' GROUP BY contact_id)
		AND sending_at < ?`, started.UnixMilli())
}

// PendingOutbound counts each contact's waiting outgoing rows (the sender
// keeps the counts from then on).
func (db *DB) PendingOutbound(ctx context.Context) (map[int64]int, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT contact_id, COUNT(*) FROM messages
		WHERE direction = 'out' AND status = 'queued' GROUP BY contact_id`)
	if err != nil {
		return nil, fmt.Errorf("store: count waiting messages: %w", err)
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("store: count waiting messages: %w", err)
		}
		out[id] = n
	}
	return out, rows.Err()
}

// ClaimSends marks the rows of a send round as being sent, in one
// statement (group-committed with other writers). A row marked here and
// never attempted must be cleared with ClearSends, or a restart holds it
// back as interrupted.
func (db *DB) ClaimSends(ctx context.Context, ids []int64, at time.Time) error {
	if len(ids) == 0 {
		return nil
	}
	list, _ := json.Marshal(ids)
	return db.GroupTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE messages SET sending_at = ? WHERE id IN (SELECT value FROM json_each(?))`,
			at.UnixMilli(), string(list))
		if err != nil {
			return fmt.Errorf("store: start sending %d messages: %w", len(ids), err)
		}
		return nil
	})
}

// ClearSends removes the mark of waiting rows that were claimed but not
// attempted (a round cut short at shutdown).
func (db *DB) ClearSends(ctx context.Context, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	list, _ := json.Marshal(ids)
	_, err := db.W.ExecContext(ctx, `UPDATE messages SET sending_at = 0
		WHERE status = 'queued' AND id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return fmt.Errorf("store: clear send marks: %w", err)
	}
	return nil
}

// MarkSentBatch records every message of sent that the Graph API accepted
// (status sent, Meta's id) in one statement, group-committed, and returns
// the updated rows. Until it commits, the rows keep their mark, so a crash
// in between is settled like any interrupted send. Statuses that arrived
// before Meta's answer (the backlog) are applied to them.
func (db *DB) MarkSentBatch(ctx context.Context, sent []Sent) ([]Message, error) {
	if len(sent) == 0 {
		return nil, nil
	}
	type row struct {
		ID int64  `json:"i"`
		W  string `json:"w"`
		At int64  `json:"t"`
	}
	list := make([]row, len(sent))
	for i, s := range sent {
		list[i] = row{ID: s.ID, W: s.WaMessageID, At: s.At.UnixMilli()}
	}
	raw, _ := json.Marshal(list)
	var out []Message
	err := db.GroupTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = db.markSentTx(ctx, tx, string(raw), sent)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// markSentTx is MarkSentBatch inside tx. A Meta id already on another row
// (Meta answered a retry with the id of an earlier attempt) is left off.
func (db *DB) markSentTx(ctx context.Context, tx *sql.Tx, list string, sent []Sent) ([]Message, error) {
	rows, err := tx.QueryContext(ctx, `UPDATE messages SET
			status = CASE WHEN status = 'queued' THEN 'sent' ELSE status END,
			wa_message_id = CASE WHEN j.value->>'w' <> '' AND NOT EXISTS (
				SELECT 1 FROM messages x WHERE x.wa_message_id = j.value->>'w' AND x.wa_message_id <> '') THEN j.value->>'w' ELSE wa_message_id END,
			error = CASE WHEN status = 'queued' THEN '' ELSE error END,
			attempts = attempts + 1, sending_at = 0, updated_at = j.value->>'t'
		FROM json_each(?) AS j WHERE messages.id = j.value->>'i'
		RETURNING `+qualified("messages", messageColumns), list)
	if err != nil {
		return nil, fmt.Errorf("store: mark %d messages sent: %w", len(sent), err)
	}
	out, err := scanMessages(rows, fmt.Sprintf("mark %d messages sent", len(sent)))
	if err != nil || !db.backlogged.Load() {
		return out, err
	}
	return db.applyBacklogsTx(ctx, tx, out)
}

// applyBacklogsTx applies the backlogged statuses of the rows just marked
// sent, and notes when the backlog is empty (then the next rounds skip it).
func (db *DB) applyBacklogsTx(ctx context.Context, tx *sql.Tx, marked []Message) ([]Message, error) {
	var waiting int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM status_backlog`).Scan(&waiting); err != nil {
		return nil, fmt.Errorf("store: read status backlog: %w", err)
	}
	if waiting == 0 {
		db.backlogged.Store(false)
		return marked, nil
	}
	for i, m := range marked {
		if m.WaMessageID == "" {
			continue
		}
		if err := db.applyBacklogTx(ctx, tx, m.WaMessageID); err != nil {
			return nil, err
		}
		updated, err := scanMessage(tx.QueryRowContext(ctx, `SELECT `+messageColumns+` FROM messages WHERE id = ?`, m.ID))
		if err != nil {
			return nil, fmt.Errorf("store: load message %d: %w", m.ID, err)
		}
		marked[i] = updated
	}
	return marked, nil
}

// ParkInterruptedSends holds back, until until, every waiting row whose
// last attempt was cut short by a crash: the Graph API may have accepted
// it, and Meta's status webhook (carrying the row's callback data) settles
// it without sending it twice; unless settled, it is sent again at until.
// It returns how many rows were parked.
func (db *DB) ParkInterruptedSends(ctx context.Context, until time.Time) (int, error) {
	res, err := db.W.ExecContext(ctx, `UPDATE messages SET next_attempt_at = MAX(next_attempt_at, ?)
		WHERE direction = 'out' AND status = 'queued' AND sending_at > 0`, until.UnixMilli())
	if err != nil {
		return 0, fmt.Errorf("store: park interrupted sends: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// SettleSentTx marks a waiting row sent because Meta reported a status for
// it (named by its callback data) under waMessageID, and returns it. It
// reports false when the row is unknown or no longer waiting.
func (db *DB) SettleSentTx(ctx context.Context, q Execer, id int64, waMessageID string, at time.Time) (Message, bool, error) {
	m, err := scanMessage(q.QueryRowContext(ctx, `UPDATE messages SET status = 'sent',
			wa_message_id = CASE WHEN ? <> '' AND NOT EXISTS (SELECT 1 FROM messages x
				WHERE x.wa_message_id = ? AND x.wa_message_id <> '')
				THEN ? ELSE wa_message_id END,
			error = '', sending_at = 0, updated_at = ?
		WHERE id = ? AND direction = 'out' AND status = 'queued' RETURNING `+messageColumns,
		waMessageID, waMessageID, waMessageID, at.UnixMilli(), id))
	if errors.Is(err, sql.ErrNoRows) {
		return Message{}, false, nil
	}
	if err != nil {
		return Message{}, false, fmt.Errorf("store: settle message %d: %w", id, err)
	}
	if waMessageID != "" && db.backlogged.Load() {
		if err := db.applyBacklogTx(ctx, q, waMessageID); err != nil {
			return Message{}, false, err
		}
	}
	return m, true, nil
}

// RetryOutbound keeps a row waiting after a temporary failure, to be tried
// again at next, with the reason (the inbox shows "retrying").
func (db *DB) RetryOutbound(ctx context.Context, id int64, next time.Time, reason string) error {
	_, err := db.W.ExecContext(ctx, `UPDATE messages SET attempts = attempts + 1, next_attempt_at = ?, error = ?,
		sending_at = 0 WHERE id = ? AND status = 'queued'`, next.UnixMilli(), reason, id)
	if err != nil {
		return fmt.Errorf("store: retry message %d: %w", id, err)
	}
	return nil
}

// FailOutbound gives up on a row: it is marked failed with the reason the
// inbox shows, and returned.
func (db *DB) FailOutbound(ctx context.Context, id int64, reason string, at time.Time) (Message, error) {
	m, err := scanMessage(db.W.QueryRowContext(ctx, `UPDATE messages SET status = 'failed', error = ?,
			attempts = attempts + 1, sending_at = 0, updated_at = ?
		WHERE id = ? RETURNING `+messageColumns, reason, at.UnixMilli(), id))
	if errors.Is(err, sql.ErrNoRows) {
		return Message{}, fmt.Errorf("store: message %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Message{}, fmt.Errorf("store: mark message %d failed: %w", id, err)
	}
	return m, nil
}

// OutboxCounts reports how many outgoing messages wait (pending), went out
// (sent, whatever Meta reported since) and failed.
func (db *DB) OutboxCounts(ctx context.Context) (map[string]int, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT CASE status WHEN 'queued' THEN 'pending' WHEN 'failed' THEN 'failed'
		ELSE 'sent' END, COUNT(*) FROM messages WHERE direction = 'out' GROUP BY 1`)
	if err != nil {
		return nil, fmt.Errorf("store: count outgoing messages: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var state string
		var n int
		if err := rows.Scan(&state, &n); err != nil {
			return nil, fmt.Errorf("store: count outgoing messages: %w", err)
		}
		out[state] = n
	}
	return out, rows.Err()
}
