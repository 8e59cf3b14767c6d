package store

import "sync"

// The webhook resolves the contact of every message it stores. Contacts
// rarely change, so the store keeps the ones it resolved and answers a
// contact seen before with the same name and ids from memory instead of an
// upsert per message. The cache holds only ids and names (never the paused
// flag or anything a turn decides on), is emptied whenever a transaction
// rolls back (a contact it names may not have been committed), and is
// bounded.

// contactCacheMax bounds the cache; past it, it starts over.
const contactCacheMax = 10_000

type contactCache struct {
	mu     sync.Mutex
	byWaID map[string]Contact
	byUser map[string]Contact
}

// get returns the cached contact for waID (or, without one, userID) when
// storing the message would change nothing on it.
func (c *contactCache) get(waID, userID, name string) (Contact, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var ct Contact
	var ok bool
	if waID != "" {
		ct, ok = c.byWaID[waID]
	} else {
		ct, ok = c.byUser[userID]
	}
	if !ok || (name != "" && name != ct.Name) || (userID != "" && userID != ct.UserID) ||
		(waID != "" && ct.Phone != waID) {
		return Contact{}, false
	}
	return ct, true
}

func (c *contactCache) put(ct Contact) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byWaID == nil || len(c.byWaID) >= contactCacheMax {
		c.byWaID, c.byUser = map[string]Contact{}, map[string]Contact{}
	}
	c.byWaID[ct.WaID] = ct
	if ct.UserID != "" {
		c.byUser[ct.UserID] = ct
	}
}

// reset forgets every contact.
func (c *contactCache) reset() {
	c.mu.Lock()
	c.byWaID, c.byUser = nil, nil
	c.mu.Unlock()
}
