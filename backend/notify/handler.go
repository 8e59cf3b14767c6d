package notify

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"chatflow/backend/store"
)

// Triggers finds a trigger by its name, whatever its case; *store.DB
// implements it. A missing one is store.ErrNotFound.
type Triggers interface {
	TriggerByName(ctx context.Context, name string) (store.Trigger, error)
}

// Notification is one accepted request, for the queue to store.
type Notification struct {
	Trigger store.Trigger
	Request
	// IdempotencyKey is the caller's key, "" when none was sent.
	IdempotencyKey string
	ReceivedAt     time.Time
}

// Queued is what the queue did with a notification.
type Queued struct {
	// ID names the stored request.
	ID string `json:"id"`
	// Duplicate is true when the idempotency key was seen before: nothing
	// new was stored.
	Duplicate bool `json:"duplicate"`
}

// Queue stores a notification durably, in order with the contact's other
// work; the inbox implements it. An error wrapping ErrBadRequest is the
// caller's fault (an attribute that does not exist, a value of the wrong
// type), one wrapping ErrConflict means the trigger cannot run now (its
// template is not approved); both carry one sentence.
type Queue interface {
	Notify(ctx context.Context, n Notification) (Queued, error)
}

// ErrConflict is wrapped by queue errors that refuse a request because of
// the trigger's own state.
var ErrConflict = errors.New("notify: the trigger cannot run")

// MaxIdempotencyKey bounds the Idempotency-Key header.
const MaxIdempotencyKey = 255

// Handler serves POST /notify/{trigger}. It never stores anything for a
// request that is not authorised: the trigger is looked up, the token
// checked and the rate limit taken before the body is read.
type Handler struct {
	triggers Triggers
	queue    Queue
	limit    *limiter
	log      *slog.Logger
	now      func() time.Time
}

// Options configure a Handler; zero values take defaults.
type Options struct {
	Rate Rate
	Log  *slog.Logger
	Now  func() time.Time
}

// NewHandler returns the /notify handler.
func NewHandler(triggers Triggers, queue Queue, opt Options) *Handler {
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	return &Handler{triggers: triggers, queue: queue, limit: newLimiter(opt.Rate, opt.Now), log: opt.Log, now: opt.Now}
}

// ServeHTTP answers 202 once the request is stored; 404 for an unknown
// trigger, 401 for a missing or wrong token, 429 (with Retry-After) over
// the trigger's rate, 413 for a body over MaxBodyBytes, 400 for a body it
// cannot use, 409 when the trigger cannot run (its flow deleted, its
// template not approved), 503 when storage fails. Errors are
// {"error": "<one sentence>"}.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("trigger")
	t, err := h.triggers.TriggerByName(r.Context(), name)
	if errors.Is(err, store.ErrNotFound) {
		h.refuse(w, http.StatusNotFound, "There is no trigger named "+strconv.Quote(clipName(name))+".")
		return
	}
	if err != nil {
		h.log.Error("notify: read trigger", slog.String("trigger", clipName(name)), slog.Any("err", err))
		h.refuse(w, http.StatusServiceUnavailable, "The trigger could not be read; try again shortly.")
		return
	}
	if !TokenMatches(bearer(r.Header.Get("Authorization")), t.TokenHash) {
		h.log.Warn("notify: refused a request without the trigger's token", slog.String("trigger", t.Name),
			slog.Bool("authorization", r.Header.Get("Authorization") != ""))
		w.Header().Set("WWW-Authenticate", `Bearer realm="chatflow notify"`)
		h.refuse(w, http.StatusUnauthorized, "The Authorization header must be \"Bearer \" followed by the trigger's token.")
		return
	}
	if ok, wait := h.limit.allow(strconv.FormatInt(t.ID, 10)); !ok {
		secs := int(wait.Round(time.Second) / time.Second)
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		h.refuse(w, http.StatusTooManyRequests, "Too many requests for the trigger "+t.Name+"; retry in "+strconv.Itoa(secs)+" s.")
		return
	}
	key := r.Header.Get("Idempotency-Key")
	if len(key) > MaxIdempotencyKey || !printable(key) {
		h.refuse(w, http.StatusBadRequest, "The Idempotency-Key header must be at most 255 visible ASCII characters.")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			h.refuse(w, http.StatusRequestEntityTooLarge, "The body is larger than 64 KiB.")
			return
		}
		h.refuse(w, http.StatusBadRequest, "The body could not be read.")
		return
	}
	req, err := ParseRequest(body)
	if err != nil {
		h.refuse(w, http.StatusBadRequest, err.Error())
		return
	}
	if t.FlowID == 0 && t.Template == "" {
		h.refuse(w, http.StatusConflict, "The flow of the trigger "+t.Name+" was deleted; choose another flow for it in Settings.")
		return
	}
	q, err := h.queue.Notify(r.Context(), Notification{Trigger: t, Request: req, IdempotencyKey: key, ReceivedAt: h.now()})
	switch {
	case errors.Is(err, ErrBadRequest):
		h.refuse(w, http.StatusBadRequest, sentence(err))
		return
	case errors.Is(err, ErrConflict):
		h.refuse(w, http.StatusConflict, sentence(err))
		return
	case err != nil:
		h.log.Error("notify: could not store a request", slog.String("trigger", t.Name), slog.Any("err", err))
		h.refuse(w, http.StatusServiceUnavailable, "The request could not be stored; try again shortly.")
		return
	}
	h.log.Info("notify: accepted", slog.String("trigger", t.Name), slog.String("id", q.ID), slog.Bool("duplicate", q.Duplicate))
	if q.Duplicate {
		w.Header().Set("Idempotent-Replayed", "true")
	}
	writeJSON(w, http.StatusAccepted, q)
}

// Forget drops the rate-limit state of a removed trigger.
func (h *Handler) Forget(id int64) { h.limit.forget(strconv.FormatInt(id, 10)) }

func (h *Handler) refuse(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	// The values are plain structs and maps of strings: they always encode.
	_ = json.NewEncoder(w).Encode(v)
}

// sentence returns the text of a refusal without a package prefix.
func sentence(err error) string {
	var br badRequest
	if errors.As(err, &br) {
		return string(br)
	}
	var c conflict
	if errors.As(err, &c) {
		return string(c)
	}
	return err.Error()
}

// conflict is a refusal of the trigger's own state, said in one sentence.
type conflict string

func (e conflict) Error() string { return string(e) }
func (e conflict) Unwrap() error { return ErrConflict }

// Conflict returns an error wrapping ErrConflict whose text is msg.
func Conflict(msg string) error { return conflict(msg) }

// BadRequest returns an error wrapping ErrBadRequest whose text is msg.
func BadRequest(msg string) error { return badRequest(msg) }

func printable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7e {
			return false
		}
	}
	return true
}
