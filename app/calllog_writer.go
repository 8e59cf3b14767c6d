package app

import (
	"context"
	"log/slog"
	"sync"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/store"
)

// callLogPending is how many call-log entries may wait for the writer; past
// it a call records its entry itself, so a slow disk slows the bot down
// instead of growing memory.
const callLogPending = 1024

// callLogWriter is the live bot's apicall.Store: it loads APIs and
// attributes from the database and records call-log entries in the
// background, many per transaction, instead of one commit per call inside
// each customer's turn. The call log is a diagnostic: a crash (not a normal
// stop, which flushes) can lose the entries of the last few milliseconds,
// never a message or a reply. Until run starts, and after it stops, entries
// are written at once.
type callLogWriter struct {
	db  *store.DB
	log *slog.Logger

	mu      sync.Mutex
	pending []apicall.LogEntry
	running bool
	wake    chan struct{}
	stop    chan struct{}
	done    chan struct{}
}

func newCallLogWriter(db *store.DB, log *slog.Logger) *callLogWriter {
	return &callLogWriter{db: db, log: log, wake: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
}

// APIByName loads a saved API for the live bot (store.LiveAPI: shared, read-only).
func (w *callLogWriter) APIByName(ctx context.Context, name string) (apicall.Definition, error) {
	return w.db.LiveAPI(ctx, name)
}

// Attributes lists the custom attribute definitions.
func (w *callLogWriter) Attributes(ctx context.Context) ([]attribute.Definition, error) {
	return w.db.LiveAttributes(ctx)
}

// InsertCallLog queues e for the writer and returns 0 (the id is not known
// yet); it writes e itself when the writer is not running or is behind.
func (w *callLogWriter) InsertCallLog(ctx context.Context, e apicall.LogEntry) (int64, error) {
	w.mu.Lock()
	if !w.running || len(w.pending) >= callLogPending {
		w.mu.Unlock()
		return w.db.InsertCallLog(ctx, e)
	}
	w.pending = append(w.pending, e)
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
	return 0, nil
}

// start runs the writer until close.
func (w *callLogWriter) start() {
	w.mu.Lock()
	w.running = true
	w.mu.Unlock()
	go w.run()
}

func (w *callLogWriter) run() {
	defer close(w.done)
	for {
		select {
		case <-w.wake:
			w.flush()
		case <-w.stop:
			w.mu.Lock()
			w.running = false
			w.mu.Unlock()
			w.flush()
			return
		}
	}
}

// flush writes every queued entry in one transaction.
func (w *callLogWriter) flush() {
	w.mu.Lock()
	batch := w.pending
	w.pending = nil
	w.mu.Unlock()
	if len(batch) == 0 {
		return
	}
	if err := w.db.InsertCallLogs(context.Background(), batch); err != nil {
		w.log.Error("apicall: record calls", slog.Int("calls", len(batch)), slog.Any("err", err))
	}
}

// close stops a started writer after writing what is queued; later entries
// are written at once.
func (w *callLogWriter) close() {
	w.mu.Lock()
	started := w.running
	w.mu.Unlock()
	if !started {
		return
	}
	close(w.stop)
	<-w.done
}
