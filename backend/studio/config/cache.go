package config

import (
	"sync"
	"time"

	"chatflow/backend/inbox"
	"chatflow/backend/server"
)

// cacheTTL is how long the live bot reuses the settings it read. The inbox
// asks for them before every message and every send, and the webhook for its
// secrets on every post: nine reads of the settings table per message
// otherwise (docs/performance.md). Saving through Config clears the cache at
// once; a change made by another process applies within this time.
const cacheTTL = time.Second

// cache keeps the last runtime settings and webhook secrets read without an
// error.
type cache struct {
	mu        sync.Mutex
	rt        inbox.Runtime
	rtAt      time.Time
	secrets   server.WebhookSecrets
	secretsAt time.Time
}

func (c *cache) runtime(now time.Time) (inbox.Runtime, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.rt, !c.rtAt.IsZero() && now.Sub(c.rtAt) < cacheTTL
}

func (c *cache) keepRuntime(rt inbox.Runtime, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.rt, c.rtAt = rt, now
}

func (c *cache) webhookSecrets(now time.Time) (server.WebhookSecrets, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.secrets, !c.secretsAt.IsZero() && now.Sub(c.secretsAt) < cacheTTL
}

func (c *cache) keepSecrets(s server.WebhookSecrets, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.secrets, c.secretsAt = s, now
}

// clear forgets everything, so the next read goes to the database.
func (c *cache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.rtAt, c.secretsAt = time.Time{}, time.Time{}
}
