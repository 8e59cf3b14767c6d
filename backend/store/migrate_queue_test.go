package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The migration that moves the inbox and outbox queues into messages keeps
// every waiting row waiting (with its attempts, retry time, send mark and
// last error) and every unread count.
func TestMessageQueueMigrationKeepsWaitingWork(t *testing.T) {
	ctx := context.Background()
	w := openPool(dsn(filepath.Join(t.TempDir(), "old.db"), false), &counters{})
	defer w.Close()
	w.SetMaxOpenConns(1)
	all, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.ExecContext(ctx, `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,
		applied_at INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	for _, m := range all {
		if strings.HasSuffix(m.name, "_message_queue.sql") {
			break
		}
		if err := apply(ctx, w, m); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Now().UnixMilli()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := w.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// Ana: two customer messages, the first done and answered, the second
	// waiting for a retry; one reply sent, one waiting after two failures
	// with its send cut short; two unread. Bo: one message, read.
	exec(`INSERT INTO contacts(id, wa_id, phone, name, created_at, last_message_at, unread, window_expires_at)
		VALUES(1, '111', '111', 'Ana', ?, ?, 2, ?), (2, '222', '222', 'Bo', ?, ?, 0, ?)`,
		now, now, now+86_400_000, now, now, now+86_400_000)
	exec(`INSERT INTO messages(id, contact_id, direction, wa_message_id, type, text, status, source, created_at, updated_at) VALUES
		(1, 1, 'in', 'wamid.a1', 'text', 'hi', 'done', 'customer', ?, ?),
		(2, 1, 'out', 'wamid.o1', 'text', 'hello', 'sent', 'bot', ?, ?),
		(3, 1, 'in', 'wamid.a2', 'text', 'again', 'received', 'customer', ?, ?),
		(4, 1, 'out', '', 'text', 'later', 'queued', 'bot', ?, ?),
		(5, 2, 'in', 'wamid.b1', 'text', 'yo', 'done', 'customer', ?, ?)`, now, now, now, now, now, now, now, now, now, now)
	exec(`INSERT INTO inbox(id, wa_message_id, contact_id, message_id, payload, sent_at, received_at, state, attempts, next_attempt_at, error)
		VALUES (10, 'wamid.a1', 1, 1, '{"text":"hi"}', ?, ?, 'done', 1, 0, ''),
		       (11, 'wamid.a2', 1, 3, '{"text":"again"}', ?, ?, 'pending', 2, ?, 'flows unreadable'),
		       (12, 'wamid.b1', 2, 5, '{"text":"yo"}', ?, ?, 'done', 1, 0, '')`, now, now, now, now, now+5000, now, now)
	exec(`INSERT INTO outbox(id, message_id, contact_id, payload, send_after, next_attempt_at, attempts, state, last_error, created_at, sending_at)
		VALUES (20, 2, 1, '{}', ?, ?, 1, 'sent', '', ?, 0), (21, 4, 1, '{}', ?, ?, 2, 'pending', 'HTTP 500', ?, ?)`,
		now, now, now, now, now+7000, now, now)

	if err := migrate(ctx, w); err != nil {
		t.Fatal(err)
	}
	db := &DB{W: w, R: w, stats: &counters{}}
	in := mustMessage(t, db, 3)
	if in.Status != MessageReceived || in.Kind != KindMessage || in.Input != `{"text":"again"}` || in.Attempts != 2 ||
		in.NextAttemptAt.UnixMilli() != now+5000 || in.Error != "flows unreadable" {
		t.Errorf("the waiting customer message = %+v", in)
	}
	out := mustMessage(t, db, 4)
	if out.Status != MessageQueued || out.Attempts != 2 || out.NextAttemptAt.UnixMilli() != now+7000 ||
		out.SendingAt.UnixMilli() != now || out.Error != "HTTP 500" {
		t.Errorf("the waiting reply = %+v", out)
	}
	if done := mustMessage(t, db, 1); done.Status != InboundDone || done.Input != `{"text":"hi"}` {
		t.Errorf("a done message = %+v", done)
	}
	ana, err := db.Contact(ctx, 1)
	if err != nil || ana.Unread != 2 || ana.WindowExpiresAt.UnixMilli() != now+86_400_000 {
		t.Errorf("Ana = %+v, %v; want 2 unread and the window from her last message", ana, err)
	}
	if bo, _ := db.Contact(ctx, 2); bo.Unread != 0 {
		t.Errorf("Bo = %+v; want nothing unread", bo)
	}
	for _, table := range []string{"inbox", "outbox"} {
		var n int
		if err := w.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE name = ?`, table).Scan(&n); err != nil || n != 0 {
			t.Errorf("table %s is still there (%d, %v)", table, n, err)
		}
	}
}

func mustMessage(t *testing.T, db *DB, id int64) Message {
	t.Helper()
	m, err := scanMessage(db.R.QueryRow(`SELECT `+messageColumns+` FROM messages WHERE id = ?`, id))
	if err != nil {
		t.Fatalf("message %d: %v", id, err)
	}
	return m
}
