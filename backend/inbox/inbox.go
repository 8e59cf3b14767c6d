// Package inbox is the live bot's plumbing between the webhook and the Graph
// API. A message is one row from start to end (docs/performance.md): a
// customer message is stored before the webhook is acknowledged (Accept),
// worked by per-contact ordered workers that run the published flow
// (different contacts in parallel, in a bounded pool), and every turn's
// session, attribute values and replies are saved in one group-committed
// write transaction. Senders deliver the replies with rate limiting and
// retries, record what went out in batches, and resume whatever was left
// unsent after a restart.
package inbox

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"chatflow/backend/engine"
	"chatflow/backend/store"
	"chatflow/backend/whatsapp"
)

// Engine runs one customer message through a contact's session;
// *engine.Engine implements it.
type Engine interface {
	Handle(ctx context.Context, s engine.Session, in engine.Inbound) (engine.Turn, error)
}

// Sender delivers one message through the Graph API; whatsapp.Client
// implements it.
type Sender interface {
	Send(ctx context.Context, cfg whatsapp.Config, m whatsapp.Outgoing) (string, error)
}

// Events receives live updates for the UI (app.Events implements it).
type Events interface {
	Emit(name string, data any)
}

// The events the inbox emits. Both carry a MessageView: a new message, or
// one whose status changed.
const (
	EventMessage = "inbox:message"
	EventStatus  = "inbox:status"
)

// Runtime is the part of the settings the inbox reads before each piece of
// work, so changes on the Settings page apply without a restart.
type Runtime struct {
	Graph whatsapp.Config
	// StaleAge: a message older than this when its turn comes is stored and
	// shown but does not run the flow (0 means DefaultStaleAge).
	StaleAge time.Duration
	// RatePerSecond caps sends to the Graph API (0 means DefaultRate).
	RatePerSecond int
	// ResendGrace is how long, after a restart, a message whose sending was
	// interrupted waits for Meta's status webhook before it is sent again
	// (0 means DefaultResendGrace).
	ResendGrace time.Duration
}

// Defaults of Runtime and Options.
const (
	DefaultStaleAge = 10 * time.Minute
	DefaultRate     = 80
	// DefaultWorkers: a turn spends most of its time waiting (an API
	// call, its group commit), so more contacts are worked at once than
	// there are cores; past 16 the load benchmark gained nothing.
	DefaultWorkers = 16
	// DefaultSendConcurrency bounds parallel Graph API requests; the send
	// rate limit, not this, keeps within Meta's tier.
	DefaultSendConcurrency = 16
	// DefaultResendGrace covers Meta's first webhook retries.
	DefaultResendGrace = 30 * time.Second
	// Window is WhatsApp's customer-service window: free-form messages may
	// be sent up to 24 hours after the customer's last message.
	Window = store.CustomerWindow
)

// Options configure a Service. Engine and Runtime are required.
type Options struct {
	Engine  Engine
	Runtime func(ctx context.Context) (Runtime, error)
	// Sender defaults to whatsapp.Client{}.
	Sender Sender
	// Media downloads customers' attachments; nil leaves them undownloaded.
	Media Media
	// MediaWait bounds how long a media message's turn waits for its
	// download (default DefaultMediaWait).
	MediaWait time.Duration
	Events    Events
	Log       *slog.Logger
	// Workers bounds how many contacts are worked at once.
	Workers int
	// SendConcurrency bounds parallel Graph API requests (one per contact).
	SendConcurrency int
	// RetryBase is the first retry delay of a failed send (default 1s); it
	// doubles per attempt up to RetryMax (default 5 minutes), with jitter.
	RetryBase, RetryMax time.Duration
	// GiveUpAfter fails a message still unsent this long after it was
	// queued (default 24 hours: by then the window has closed anyway).
	GiveUpAfter time.Duration
	// Poll is the safety net interval of the loops (default 5s); they are
	// woken at once by Accept and by queued replies.
	Poll time.Duration
	Now  func() time.Time
}

// Service runs the inbound workers and the sender.
type Service struct {
	db   *store.DB
	opt  Options
	log  *slog.Logger
	wake chan struct{} // inbound work arrived
	wg   sync.WaitGroup
	// out is the outbound queue's in-memory side (outqueue.go).
	out *outQueue
	// started is when Start ran: a send mark older than it was left by a
	// process that died during the send.
	started time.Time
	// ready names the contacts Accept queued messages for (worker.go);
	// retried tells the dispatcher that a retry time was scheduled.
	ready   readyContacts
	retried atomic.Bool
	// eventNoted is when the latest webhook event was recorded (Unix ms).
	eventNoted atomic.Int64
}

// New builds a Service over db; call Start to run it.
func New(db *store.DB, opt Options) *Service {
	if opt.Sender == nil {
		opt.Sender = whatsapp.Client{}
	}
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	if opt.Events == nil {
		opt.Events = noEvents{}
	}
	if opt.Workers <= 0 {
		opt.Workers = DefaultWorkers
	}
	if opt.SendConcurrency <= 0 {
		opt.SendConcurrency = DefaultSendConcurrency
	}
	if opt.RetryBase <= 0 {
		opt.RetryBase = time.Second
	}
	if opt.RetryMax <= 0 {
		opt.RetryMax = 5 * time.Minute
	}
	if opt.GiveUpAfter <= 0 {
		opt.GiveUpAfter = 24 * time.Hour
	}
	if opt.Poll <= 0 {
		opt.Poll = 5 * time.Second
	}
	if opt.MediaWait <= 0 {
		opt.MediaWait = DefaultMediaWait
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	return &Service{db: db, opt: opt, log: opt.Log, wake: make(chan struct{}, 1), out: newOutQueue()}
}

// Start runs the workers and the sender until ctx ends. Work left from a
// previous run (pending messages, unsent replies) is picked up at once,
// except replies whose sending was interrupted: they first wait
// ResendGrace for the status webhook that proves they went out.
func (s *Service) Start(ctx context.Context) {
	s.started = s.opt.Now()
	if rt, err := s.runtime(ctx); err == nil {
		if n, err := s.db.ParkInterruptedSends(ctx, s.opt.Now().Add(rt.ResendGrace)); err != nil {
			s.log.Error("inbox: park interrupted sends", slog.Any("err", err))
		} else if n > 0 {
			s.log.Info("inbox: replies interrupted by the last stop wait for Meta's status before a resend",
				slog.Int("count", n), slog.Duration("grace", rt.ResendGrace))
		}
	}
	if pending, err := s.db.PendingOutbound(ctx); err != nil {
		s.log.Error("inbox: count waiting replies", slog.Any("err", err))
	} else {
		s.out.start(pending)
	}
	s.wg.Add(1)
	go func() { defer s.wg.Done(); s.dispatch(ctx) }()
	s.startSenders(ctx)
	s.kickInbound()
	s.out.kickPoll()
}

// Wait blocks until the loops started by Start have stopped (after ctx ends
// and the work in hand is finished).
func (s *Service) Wait() { s.wg.Wait() }

func (s *Service) kickInbound() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// runtime reads the current settings, filling in defaults.
func (s *Service) runtime(ctx context.Context) (Runtime, error) {
	rt, err := s.opt.Runtime(ctx)
	if err != nil {
		return Runtime{}, err
	}
	if rt.StaleAge <= 0 {
		rt.StaleAge = DefaultStaleAge
	}
	if rt.RatePerSecond <= 0 {
		rt.RatePerSecond = DefaultRate
	}
	if rt.ResendGrace <= 0 {
		rt.ResendGrace = DefaultResendGrace
	}
	return rt, nil
}

type noEvents struct{}

func (noEvents) Emit(string, any) {}
