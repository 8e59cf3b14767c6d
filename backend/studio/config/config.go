package config

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"chatflow/backend/inbox"
	"chatflow/backend/server"
	"chatflow/backend/store"
	"chatflow/backend/whatsapp"
)

// Config reads and writes the settings of one database, with the
// environment overrides of this process laid over them.
type Config struct {
	db     *store.DB
	getenv func(string) string
	cache  cache
}

// New returns the Config of db; getenv reads overrides (nil: none).
func New(db *store.DB, getenv func(string) string) *Config {
	return &Config{db: db, getenv: getenv}
}

// value returns the environment override when set, else the stored value,
// else def, and whether the environment decided.
func (c *Config) value(ctx context.Context, key, env, def string) (string, bool, error) {
	if env != "" && c.getenv != nil {
		if v := strings.TrimSpace(c.getenv(env)); v != "" {
			return v, true, nil
		}
	}
	v, err := c.db.StringSetting(ctx, key, "")
	if v == "" {
		v = def
	}
	if err != nil {
		err = fmt.Errorf("config: read %s: %w", key, err)
	}
	return v, false, err
}

// Runtime is what the inbox reads before each piece of work: the Graph API
// connection and the inbox limits. It is cached for up to a second.
func (c *Config) Runtime(ctx context.Context) (inbox.Runtime, error) {
	now := time.Now()
	if rt, ok := c.cache.runtime(now); ok {
		return rt, nil
	}
	var rt inbox.Runtime
	var errs [8]error
	rt.Graph.PhoneNumberID, _, errs[0] = c.value(ctx, KeyPhoneNumberID, EnvPhoneNumberID, "")
	rt.Graph.AccessToken, _, errs[1] = c.value(ctx, KeyAccessToken, EnvAccessToken, "")
	rt.Graph.APIVersion, _, errs[2] = c.value(ctx, KeyAPIVersion, EnvAPIVersion, whatsapp.DefaultAPIVersion)
	rt.Graph.GraphURL, _, errs[3] = c.value(ctx, KeyGraphURL, EnvGraphURL, whatsapp.DefaultGraphURL)
	rt.Graph.BusinessAccountID, _, errs[7] = c.value(ctx, KeyBusinessAccountID, EnvBusinessAccountID, "")
	rt.StaleAge, errs[4] = c.db.DurationSetting(ctx, KeyStaleAge, inbox.DefaultStaleAge)
	// An unreadable number falls back to its default rather than stopping
	// the bot; only a failed read is an error.
	rt.RatePerSecond, _ = c.db.IntSetting(ctx, KeyRateLimit, inbox.DefaultRate)
	rt.ResendGrace, _ = c.db.DurationSetting(ctx, KeyResendGrace, inbox.DefaultResendGrace)
	err := errors.Join(errs[:]...)
	if err == nil {
		c.cache.keepRuntime(rt, now)
	}
	return rt, err
}

// WebhookSecrets is what the webhook checks requests against. It is cached
// for up to a second.
func (c *Config) WebhookSecrets(ctx context.Context) (server.WebhookSecrets, error) {
	now := time.Now()
	if sec, ok := c.cache.webhookSecrets(now); ok {
		return sec, nil
	}
	token, _, err1 := c.value(ctx, KeyVerifyToken, EnvVerifyToken, "")
	secret, _, err2 := c.value(ctx, KeyAppSecret, EnvAppSecret, "")
	sec := server.WebhookSecrets{VerifyToken: token, AppSecret: secret}
	err := errors.Join(err1, err2)
	if err == nil {
		c.cache.keepSecrets(sec, now)
	}
	return sec, err
}

// NoteVerified records a successful verification handshake.
func (c *Config) NoteVerified(ctx context.Context, at time.Time) error {
	return c.set(ctx, KeyLastVerified, at.UTC().Format(time.RFC3339Nano))
}

// LastVerifiedAt and LastEventAt are the handshake and event times (zero:
// never).
func (c *Config) LastVerifiedAt(ctx context.Context) time.Time {
	return c.timeSetting(ctx, KeyLastVerified)
}

// LastEventAt is when the last webhook event arrived (zero: never).
func (c *Config) LastEventAt(ctx context.Context) time.Time { return c.timeSetting(ctx, KeyLastEvent) }

func (c *Config) timeSetting(ctx context.Context, key string) time.Time {
	v, _ := c.db.StringSetting(ctx, key, "")
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return time.Time{}
	}
	return t
}

// WebhookAddr is the stored listen address of the webhook listener, or ""
// when none was saved.
func (c *Config) WebhookAddr(ctx context.Context) string {
	addr, _ := c.db.StringSetting(ctx, KeyWebhookAddr, "")
	return addr
}

// Simulated reports whether a simulation has reached a bot reply yet.
func (c *Config) Simulated(ctx context.Context) (bool, error) {
	v, _, err := c.db.Setting(ctx, KeySimulatedAt)
	if err != nil {
		return false, fmt.Errorf("config: read %s: %w", KeySimulatedAt, err)
	}
	return v != "", nil
}

// MarkSimulated records the first simulation that reached a reply; later
// calls change nothing.
func (c *Config) MarkSimulated(ctx context.Context, at time.Time) error {
	if _, ok, err := c.db.Setting(ctx, KeySimulatedAt); err != nil || ok {
		return err
	}
	return c.set(ctx, KeySimulatedAt, at.UTC().Format(time.RFC3339))
}

// CloseAction is the remembered answer to the close question (CloseAsk,
// CloseBackground or CloseQuit).
func (c *Config) CloseAction(ctx context.Context) (string, error) {
	v, err := c.db.StringSetting(ctx, KeyCloseAction, CloseAsk)
	if err != nil {
		return CloseAsk, fmt.Errorf("config: read %s: %w", KeyCloseAction, err)
	}
	return v, nil
}

// SetCloseAction remembers the answer (CloseAsk forgets it).
func (c *Config) SetCloseAction(ctx context.Context, action string) error {
	if action == CloseAsk {
		if err := c.db.DeleteSetting(ctx, KeyCloseAction); err != nil {
			return fmt.Errorf("config: clear %s: %w", KeyCloseAction, err)
		}
		return nil
	}
	return c.set(ctx, KeyCloseAction, action)
}

// Geometry is the desktop window's size and position; Placed is false until
// a position was saved.
type Geometry struct {
	Width, Height, X, Y int
	Placed              bool
}

// WindowGeometry returns the remembered window geometry, with the default
// size when none was saved.
func (c *Config) WindowGeometry(ctx context.Context) Geometry {
	g := Geometry{}
	g.Width, _ = c.db.IntSetting(ctx, KeyWindowWidth, DefaultWindowWidth)
	g.Height, _ = c.db.IntSetting(ctx, KeyWindowHeight, DefaultWindowHeight)
	_, g.Placed, _ = c.db.Setting(ctx, KeyWindowX)
	g.X, _ = c.db.IntSetting(ctx, KeyWindowX, 0)
	g.Y, _ = c.db.IntSetting(ctx, KeyWindowY, 0)
	return g
}

// SetWindowGeometry remembers the window's size and position.
func (c *Config) SetWindowGeometry(ctx context.Context, g Geometry) error {
	return errors.Join(
		c.db.SetIntSetting(ctx, KeyWindowWidth, g.Width),
		c.db.SetIntSetting(ctx, KeyWindowHeight, g.Height),
		c.db.SetIntSetting(ctx, KeyWindowX, g.X),
		c.db.SetIntSetting(ctx, KeyWindowY, g.Y))
}

func (c *Config) set(ctx context.Context, key, value string) error {
	if err := c.db.SetSetting(ctx, key, value); err != nil {
		return fmt.Errorf("config: write %s: %w", key, err)
	}
	return nil
}
