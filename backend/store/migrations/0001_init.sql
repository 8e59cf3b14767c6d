-- Settings are typed in Go (store/settings.go); here they are plain text.
CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

-- A contact is one WhatsApp user, keyed by the wa_id Meta sends. The phone
-- number may be absent (business-scoped user ids), hence the separate column.
CREATE TABLE contacts (
    id                INTEGER PRIMARY KEY,
    wa_id             TEXT NOT NULL UNIQUE,
    user_id           TEXT NOT NULL DEFAULT '',
    phone             TEXT NOT NULL DEFAULT '',
    name              TEXT NOT NULL DEFAULT '',
    created_at        INTEGER NOT NULL,
    last_message_at   INTEGER NOT NULL DEFAULT 0,
    unread            INTEGER NOT NULL DEFAULT 0,
    bot_paused        INTEGER NOT NULL DEFAULT 0,
    window_expires_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX contacts_last_message ON contacts(last_message_at DESC);
