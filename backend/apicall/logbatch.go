package apicall

import (
	"context"
	"log/slog"
	"sync"
)

// logBatchPending is how many call-log entries may wait for the batcher;
// past it a call records its entry itself, so a slow disk slows the bot down
// instead of growing memory.
const logBatchPending = 1024

// LogWriter stores call-log entries one at a time or many in one
// transaction; *store.DB implements it.
type LogWriter interface {
	InsertCallLog(ctx context.Context, e LogEntry) (int64, error)
	InsertCallLogs(ctx context.Context, entries []LogEntry) error
}

// LogBatcher records the live bot's call-log entries in the background,
// many per transaction, instead of one commit per call inside each
// customer's turn. The call log is a diagnostic: a crash (not a normal
// stop, which flushes) can lose the entries of the last few milliseconds,
// never a message or a reply. Until Start, and after Close, entries are
// written at once.
type LogBatcher struct {
	w   LogWriter
	log *slog.Logger

	mu      sync.Mutex
	pending []LogEntry
	running bool
	wake    chan struct{}
	stop    chan struct{}
	done    chan struct{}
}

// NewLogBatcher returns a batcher writing to w; it writes nothing in the
// background until Start.
func NewLogBatcher(w LogWriter, log *slog.Logger) *LogBatcher {
	return &LogBatcher{w: w, log: log, wake: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
}

// InsertCallLog queues e and returns 0 (the id is not known yet); it writes
// e itself when the batcher is not running or is behind.
func (b *LogBatcher) InsertCallLog(ctx context.Context, e LogEntry) (int64, error) {
	b.mu.Lock()
	if !b.running || len(b.pending) >= logBatchPending {
		b.mu.Unlock()
		return b.w.InsertCallLog(ctx, e)
	}
	b.pending = append(b.pending, e)
	b.mu.Unlock()
	select {
	case b.wake <- struct{}{}:
	default:
	}
	return 0, nil
}

// Start runs the batcher until Close.
func (b *LogBatcher) Start() {
	b.mu.Lock()
	b.running = true
	b.mu.Unlock()
	go b.run()
}

func (b *LogBatcher) run() {
	defer close(b.done)
	for {
		select {
		case <-b.wake:
			b.flush()
		case <-b.stop:
			b.mu.Lock()
			b.running = false
			b.mu.Unlock()
			b.flush()
			return
		}
	}
}

// flush writes every queued entry in one transaction.
func (b *LogBatcher) flush() {
	b.mu.Lock()
	batch := b.pending
	b.pending = nil
	b.mu.Unlock()
	if len(batch) == 0 {
		return
	}
	if err := b.w.InsertCallLogs(context.Background(), batch); err != nil {
		b.log.Error("apicall: record calls", slog.Int("calls", len(batch)), slog.Any("err", err))
	}
}

// Close stops a started batcher after writing what is queued; later
// entries are written at once.
func (b *LogBatcher) Close() {
	b.mu.Lock()
	started := b.running
	b.mu.Unlock()
	if !started {
		return
	}
	close(b.stop)
	<-b.done
}
