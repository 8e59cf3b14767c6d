package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"chatflow/backend/flow"
)

// Trigger is one notification trigger (migration 0012). FlowID is 0 for a
// template trigger, and also for a flow trigger whose flow was deleted
// (Template is then empty).
type Trigger struct {
	ID             int64
	Name           string
	FlowID         int64
	FlowName       string
	Template       string
	Language       string
	Parameters     []string
	HeaderMediaURL string
	TokenHash      string
	TokenHint      string
	CreatedAt      time.Time
	LastUsedAt     time.Time
	Uses           int
}

const triggerColumns = `t.id, t.name, COALESCE(t.flow_id, 0), COALESCE(f.name, ''), t.template, t.language, t.parameters,
	t.header_media_url, t.token_hash, t.token_hint, t.created_at, t.last_used_at, t.uses`

const triggerFrom = ` FROM triggers t LEFT JOIN flows f ON f.id = t.flow_id`

// CreateTrigger stores a new trigger; a taken name (whatever its case) is
// ErrConflict.
func (db *DB) CreateTrigger(ctx context.Context, t Trigger) (Trigger, error) {
	params, err := json.Marshal(nonNil(t.Parameters))
	if err != nil {
		return Trigger{}, fmt.Errorf("store: create trigger %s: %w", t.Name, err)
	}
	if t.CreatedAt.IsZero() {
		t.CreatedAt = time.Now()
	}
	var flowID any
	if t.FlowID != 0 {
		flowID = t.FlowID
	}
	err = db.W.QueryRowContext(ctx, `INSERT INTO triggers(name, flow_id, template, language, parameters, header_media_url,
		token_hash, token_hint, created_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		t.Name, flowID, t.Template, t.Language, string(params), t.HeaderMediaURL, t.TokenHash, t.TokenHint,
		t.CreatedAt.UnixMilli()).Scan(&t.ID)
	if uniqueViolation(err) {
		return Trigger{}, fmt.Errorf("store: trigger %s: %w", t.Name, ErrConflict)
	}
	if err != nil {
		return Trigger{}, fmt.Errorf("store: create trigger %s: %w", t.Name, err)
	}
	return db.TriggerByName(ctx, t.Name)
}

// TriggerByName loads one trigger, whatever the case of name.
func (db *DB) TriggerByName(ctx context.Context, name string) (Trigger, error) {
	t, err := scanTrigger(db.R.QueryRowContext(ctx, `SELECT `+triggerColumns+triggerFrom+` WHERE t.name = ?`, name))
	if errors.Is(err, sql.ErrNoRows) {
		return Trigger{}, fmt.Errorf("store: trigger %s: %w", name, ErrNotFound)
	}
	if err != nil {
		return Trigger{}, fmt.Errorf("store: load trigger %s: %w", name, err)
	}
	return t, nil
}

// Triggers lists every trigger by name.
func (db *DB) Triggers(ctx context.Context) ([]Trigger, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT `+triggerColumns+triggerFrom+` ORDER BY t.name COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("store: list triggers: %w", err)
	}
	defer rows.Close()
	var out []Trigger
	for rows.Next() {
		t, err := scanTrigger(rows)
		if err != nil {
			return nil, fmt.Errorf("store: list triggers: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// DeleteTrigger removes a trigger (its token stops working at once).
func (db *DB) DeleteTrigger(ctx context.Context, name string) error {
	res, err := db.W.ExecContext(ctx, `DELETE FROM triggers WHERE name = ?`, name)
	if err != nil {
		return fmt.Errorf("store: delete trigger %s: %w", name, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: trigger %s: %w", name, ErrNotFound)
	}
	return nil
}

// NoteTriggerUseTx counts one accepted request of the trigger, inside the
// transaction that stored it.
func NoteTriggerUseTx(ctx context.Context, q Execer, id int64, at time.Time) error {
	if _, err := q.ExecContext(ctx, `UPDATE triggers SET uses = uses + 1, last_used_at = ? WHERE id = ?`, at.UnixMilli(), id); err != nil {
		return fmt.Errorf("store: note use of trigger %d: %w", id, err)
	}
	return nil
}

func scanTrigger(row interface{ Scan(...any) error }) (Trigger, error) {
	var t Trigger
	var params string
	var created, used int64
	if err := row.Scan(&t.ID, &t.Name, &t.FlowID, &t.FlowName, &t.Template, &t.Language, &params, &t.HeaderMediaURL,
		&t.TokenHash, &t.TokenHint, &created, &used, &t.Uses); err != nil {
		return Trigger{}, err
	}
	if err := json.Unmarshal([]byte(params), &t.Parameters); err != nil {
		return Trigger{}, fmt.Errorf("trigger %s: stored parameters unreadable: %w", t.Name, err)
	}
	t.CreatedAt = time.UnixMilli(created)
	if used > 0 {
		t.LastUsedAt = time.UnixMilli(used)
	}
	return t, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// KindNotification is an incoming row that is a notification of a trigger
// (POST /notify/{trigger}): its Input is the notification as JSON, and the
// worker runs it in order with the contact's messages.
const KindNotification = "notification"

// SourceNotify marks the row of a notification in the conversation.
const SourceNotify = "notify"

// NotificationRowTx returns the id of the row stored under a notification's
// idempotency id (its wa_message_id), for a repeated request.
func NotificationRowTx(ctx context.Context, q Execer, waMessageID string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM messages WHERE wa_message_id = ? AND wa_message_id <> ''`, waMessageID).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: notification %s: %w", waMessageID, err)
	}
	return id, nil
}

// TriggerFlow loads the saved version of flow id when a trigger starts it:
// such a flow is live through its trigger without being the published
// flow. It fails with ErrNotFound when no trigger names the flow.
func (db *DB) TriggerFlow(ctx context.Context, id int64) (flow.Flow, error) {
	var n int
	if err := db.R.QueryRowContext(ctx, `SELECT COUNT(*) FROM triggers WHERE flow_id = ?`, id).Scan(&n); err != nil {
		return flow.Flow{}, fmt.Errorf("store: triggers of flow %d: %w", id, err)
	}
	if n == 0 {
		return flow.Flow{}, fmt.Errorf("store: flow %d has no trigger: %w", id, ErrNotFound)
	}
	return db.Flow(ctx, id)
}
