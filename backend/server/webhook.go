package server

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"time"

	"chatflow/backend/inbox"
	"chatflow/backend/whatsapp"
)

// WebhookSecrets are the two shared secrets of the WhatsApp webhook: the
// verify token of Meta's subscription handshake and the app secret that
// signs every event.
type WebhookSecrets struct {
	VerifyToken string
	AppSecret   string
}

// Acceptor stores a parsed webhook durably (inbox.Service implements it).
type Acceptor interface {
	Accept(ctx context.Context, n whatsapp.Notification) (inbox.Accepted, error)
}

// WhatsAppWebhook serves /webhook/whatsapp: GET answers Meta's verification
// handshake, POST receives events. A POST is acknowledged with 200 only after
// what it carried is committed, so a crash can never lose an acknowledged
// message; Meta redelivers anything that got another answer.
type WhatsAppWebhook struct {
	// Secrets returns the current secrets (settings may change at runtime).
	Secrets func(ctx context.Context) (WebhookSecrets, error)
	Inbox   Acceptor
	// Verified, when set, is told each successful handshake (for the
	// Settings page's "last verified" line).
	Verified func(at time.Time)
	Log      *slog.Logger
}

// maxChallenge bounds the echoed hub.challenge (Meta sends a short number).
const maxChallenge = 256

// Verify answers the hub.mode=subscribe handshake: the challenge when the
// verify token matches, 403 otherwise.
func (h *WhatsAppWebhook) Verify(w http.ResponseWriter, r *http.Request) {
	sec, err := h.Secrets(r.Context())
	if err != nil {
		h.log().Error("webhook: read settings", slog.Any("err", err))
		http.Error(w, "settings unavailable", http.StatusServiceUnavailable)
		return
	}
	challenge, ok := whatsapp.VerifySubscription(r.URL.Query(), sec.VerifyToken)
	if !ok || len(challenge) > maxChallenge {
		h.log().Warn("webhook: verification refused", slog.String("mode", r.URL.Query().Get("hub.mode")),
			slog.Bool("tokenSet", sec.VerifyToken != ""))
		http.Error(w, "verification failed", http.StatusForbidden)
		return
	}
	if h.Verified != nil {
		h.Verified(time.Now())
	}
	h.log().Info("webhook: verified by Meta")
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	io.WriteString(w, challenge)
}

// Receive takes one event notification: it reads at most 4 MiB, refuses
// with 401 (storing nothing) a body whose X-Hub-Signature-256 is not the app
// secret's HMAC of the raw bytes, parses it, and answers 200 once it is
// stored, or 503 when the database cannot take it (Meta retries later).
func (h *WhatsAppWebhook) Receive(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, whatsapp.MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "unreadable body", http.StatusBadRequest)
		return
	}
	sec, err := h.Secrets(r.Context())
	if err != nil {
		h.log().Error("webhook: read settings", slog.Any("err", err))
		http.Error(w, "settings unavailable", http.StatusServiceUnavailable)
		return
	}
	if !whatsapp.ValidSignature(body, r.Header.Get(whatsapp.SignatureHeader), sec.AppSecret) {
		h.log().Warn("webhook: rejected a body without a valid signature", slog.Bool("appSecretSet", sec.AppSecret != ""),
			slog.Bool("signed", r.Header.Get(whatsapp.SignatureHeader) != ""))
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	n, err := whatsapp.Parse(body)
	if err != nil {
		h.log().Warn("webhook: unreadable notification", slog.Any("err", err))
		http.Error(w, "malformed notification", http.StatusBadRequest)
		return
	}
	res, err := h.Inbox.Accept(r.Context(), n)
	if err != nil {
		h.log().Error("webhook: could not store a notification; Meta will retry", slog.Any("err", err))
		http.Error(w, "storage unavailable", http.StatusServiceUnavailable)
		return
	}
	if len(n.Errors) > 0 {
		h.log().Warn("webhook: Meta reported an error", slog.String("error", n.Errors[0].String()))
	}
	h.log().Debug("webhook: stored", slog.Int("queued", res.Queued), slog.Int("duplicates", res.Duplicates),
		slog.Int("statuses", res.Statuses))
	w.WriteHeader(http.StatusOK)
}

func (h *WhatsAppWebhook) log() *slog.Logger {
	if h.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return h.Log
}
