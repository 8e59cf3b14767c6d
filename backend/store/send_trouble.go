package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// SendTrouble sums up the replies waiting in the outbound queue, so the
// Settings page can say why replies are not leaving ("3 replies waiting:
// Could not reach WhatsApp ... (retry 4 at 12:03)"). It is read on demand,
// never on the path of a message; only failed sends write what it reads.
type SendTrouble struct {
	// Waiting counts the queued replies; Retrying those of them that failed
	// at least once.
	Waiting  int
	Retrying int
	// Reason, Attempts and NextAttemptAt describe the retrying reply due
	// next: its last failure, its failed tries so far and when it is tried
	// again. Empty when none is retrying.
	Reason        string
	Attempts      int
	NextAttemptAt time.Time
}

// SendTrouble reads the summary of the waiting replies (two statements over
// the partial index of waiting rows: the history is not walked).
func (db *DB) SendTrouble(ctx context.Context) (SendTrouble, error) {
	var t SendTrouble
	err := db.R.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(*) FILTER (WHERE attempts > 0) FROM messages
		WHERE direction = 'out' AND status = 'queued'`).Scan(&t.Waiting, &t.Retrying)
	if err != nil {
		return SendTrouble{}, fmt.Errorf("store: count waiting replies: %w", err)
	}
	if t.Retrying == 0 {
		return t, nil
	}
	var next int64
	err = db.R.QueryRowContext(ctx, `SELECT error, attempts, next_attempt_at FROM messages
		WHERE direction = 'out' AND status = 'queued' AND attempts > 0 ORDER BY next_attempt_at, id LIMIT 1`).
		Scan(&t.Reason, &t.Attempts, &next)
	if errors.Is(err, sql.ErrNoRows) {
		return t, nil // sent between the two reads
	}
	if err != nil {
		return SendTrouble{}, fmt.Errorf("store: read the next retry: %w", err)
	}
	t.NextAttemptAt = fromMillis(next)
	return t, nil
}
