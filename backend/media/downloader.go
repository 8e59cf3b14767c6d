package media

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/whatsapp"
)

// Graph is the part of the Graph API client the downloader uses;
// whatsapp.Client implements it.
type Graph interface {
	MediaInfo(ctx context.Context, cfg whatsapp.Config, mediaID string) (whatsapp.MediaInfo, error)
	Download(ctx context.Context, cfg whatsapp.Config, url string, limit int64, w io.Writer) (int64, error)
}

// DownloaderOptions configure a Downloader. Config is required.
type DownloaderOptions struct {
	// Graph defaults to whatsapp.Client{}.
	Graph Graph
	// Config returns the current WhatsApp settings (read before each try).
	Config func(ctx context.Context) (whatsapp.Config, error)
	// OnChange receives a message whose file state changed (downloaded,
	// failed, retrying), for the inbox's live view.
	OnChange func(store.Message)
	Log      *slog.Logger
	// Parallel bounds simultaneous downloads (default 4).
	Parallel int
	// RetryBase is the first retry delay (default 2 s); it doubles per
	// attempt up to RetryMax (default 5 minutes), with jitter.
	RetryBase, RetryMax time.Duration
	// GiveUpAfter fails a download still not done this long after the
	// message arrived (default 24 hours); MaxAttempts (default 50) fails it
	// after that many tries.
	GiveUpAfter time.Duration
	MaxAttempts int
	// Timeout bounds one try, information and transfer (default 10 minutes).
	Timeout time.Duration
	// Poll is the safety-net interval of the loop (default 30 s).
	Poll time.Duration
	Now  func() time.Time
}

// Downloader fetches customers' attachments in the background: at once
// when Accept queues one (Kick), again with backoff when a try fails, and
// after a restart for whatever was left pending. Each try asks for a fresh
// download address (they expire within minutes).
type Downloader struct {
	lib  *Library
	opt  DownloaderOptions
	log  *slog.Logger
	wake chan struct{}
	wg   sync.WaitGroup

	mu       sync.Mutex
	waiters  map[int64]chan struct{} // closed when that message's download ends
	inFlight map[int64]bool
}

// NewDownloader returns a downloader storing into lib; call Start.
func NewDownloader(lib *Library, opt DownloaderOptions) *Downloader {
	if opt.Graph == nil {
		opt.Graph = whatsapp.Client{}
	}
	if opt.OnChange == nil {
		opt.OnChange = func(store.Message) {}
	}
	if opt.Log == nil {
		opt.Log = lib.log
	}
	if opt.Parallel <= 0 {
		opt.Parallel = 4
	}
	if opt.RetryBase <= 0 {
		opt.RetryBase = 2 * time.Second
	}
	if opt.RetryMax <= 0 {
		opt.RetryMax = 5 * time.Minute
	}
	if opt.GiveUpAfter <= 0 {
		opt.GiveUpAfter = 24 * time.Hour
	}
	if opt.MaxAttempts <= 0 {
		opt.MaxAttempts = 50
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 10 * time.Minute
	}
	if opt.Poll <= 0 {
		opt.Poll = 30 * time.Second
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	return &Downloader{lib: lib, opt: opt, log: opt.Log, wake: make(chan struct{}, 1),
		waiters: map[int64]chan struct{}{}, inFlight: map[int64]bool{}}
}

// Start runs the download loop until ctx ends; Wait waits for it.
func (d *Downloader) Start(ctx context.Context) {
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		d.loop(ctx)
	}()
	d.Kick()
}

// Wait blocks until the loop and its downloads have stopped.
func (d *Downloader) Wait() { d.wg.Wait() }

// Kick wakes the loop: a download was queued.
func (d *Downloader) Kick() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

func (d *Downloader) loop(ctx context.Context) {
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-d.wake:
		case <-timer.C:
		}
		d.startDue(ctx)
		timer.Reset(d.nextWait(ctx))
	}
}

// startDue starts a download for each due row, while there is room.
func (d *Downloader) startDue(ctx context.Context) {
	due, err := d.lib.db.DueMediaDownloads(ctx, d.opt.Now(), 4*d.opt.Parallel)
	if err != nil {
		if ctx.Err() == nil {
			d.log.Error("media: list downloads", slog.Any("err", err))
		}
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, row := range due {
		if len(d.inFlight) >= d.opt.Parallel {
			return
		}
		if d.inFlight[row.MessageID] {
			continue
		}
		d.inFlight[row.MessageID] = true
		d.wg.Add(1)
		go func() {
			defer d.wg.Done()
			d.attempt(ctx, row)
			d.mu.Lock()
			delete(d.inFlight, row.MessageID)
			d.mu.Unlock()
			d.Kick()
		}()
	}
}

// nextWait is how long the loop may sleep: until the next retry is due,
// and never longer than the poll interval.
func (d *Downloader) nextWait(ctx context.Context) time.Duration {
	wait := d.opt.Poll
	if at, ok, err := d.lib.db.NextMediaDownload(ctx); err == nil && ok {
		if w := at.Sub(d.opt.Now()); w < wait {
			wait = max(w, 10*time.Millisecond)
		}
	}
	return wait
}

// Result is what a flow learns of a message's file.
type Result struct {
	// State is pending (not finished in time), done or failed.
	State string
	// Path is the stored file (done only), Mime its checked type.
	Path  string
	Mime  string
	Error string
}

// Await waits at most limit for the download of messageID's attachment to
// end and returns how it stands. A worker calls it before the message's
// turn so the flow can see the file; past limit the turn runs without it.
func (d *Downloader) Await(ctx context.Context, messageID int64, limit time.Duration) Result {
	d.mu.Lock()
	ch, ok := d.waiters[messageID]
	if !ok {
		ch = make(chan struct{})
		d.waiters[messageID] = ch
	}
	d.mu.Unlock()
	res, err := d.lib.result(ctx, messageID)
	if err != nil || res.State != store.MediaPending {
		d.dropWaiter(messageID, ch)
		return res
	}
	t := time.NewTimer(limit)
	defer t.Stop()
	select {
	case <-ch:
	case <-t.C:
	case <-ctx.Done():
	}
	d.dropWaiter(messageID, ch)
	res, _ = d.lib.result(ctx, messageID)
	return res
}

func (d *Downloader) dropWaiter(id int64, ch chan struct{}) {
	d.mu.Lock()
	if d.waiters[id] == ch {
		delete(d.waiters, id)
	}
	d.mu.Unlock()
}

// ended wakes whoever awaits messageID's download.
func (d *Downloader) ended(messageID int64) {
	d.mu.Lock()
	ch, ok := d.waiters[messageID]
	delete(d.waiters, messageID)
	d.mu.Unlock()
	if ok {
		close(ch)
	}
}

// result reads how a message's download stands.
func (l *Library) result(ctx context.Context, messageID int64) (Result, error) {
	row, err := l.db.MediaDownload(ctx, messageID)
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return Result{State: store.MediaFailed, Error: "the attachment was not queued for download"}, err
		}
		return Result{State: store.MediaPending}, err
	}
	res := Result{State: row.State, Error: row.Error, Mime: BaseMIME(row.DeclaredMime)}
	if row.State == store.MediaDone {
		f, p, err := l.Lookup(ctx, row.SHA256)
		if err != nil {
			return Result{State: store.MediaFailed, Error: "the stored file is missing"}, err
		}
		res.Path, res.Mime = p, f.Mime
	}
	return res, nil
}
