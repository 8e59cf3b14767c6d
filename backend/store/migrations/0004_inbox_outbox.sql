-- The conversation view: every message in and out, one row each. Outgoing
-- rows carry the delivery status Meta reports (queued, sent, delivered,
-- read, failed) and, when failed, Meta's reason.
CREATE TABLE messages (
    id            INTEGER PRIMARY KEY,
    contact_id    INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    direction     TEXT    NOT NULL CHECK (direction IN ('in', 'out')),
    -- Meta's message id: known on arrival for incoming messages, after the
    -- Graph API accepts them for outgoing ones.
    wa_message_id TEXT    NOT NULL DEFAULT '',
    type          TEXT    NOT NULL,
    text          TEXT    NOT NULL DEFAULT '',
    -- Type-specific details as JSON (buttons, rows, media, location...).
    payload       TEXT    NOT NULL DEFAULT '{}',
    status        TEXT    NOT NULL,
    error         TEXT    NOT NULL DEFAULT '',
    -- Who wrote it: customer, bot or agent (a person replying by hand).
    source        TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX messages_contact ON messages(contact_id, id);
CREATE UNIQUE INDEX messages_wa_message_id ON messages(wa_message_id) WHERE wa_message_id <> '';

-- The durable inbound queue. A webhook is acknowledged only once its
-- messages are here; the unique wa_message_id makes Meta's redeliveries
-- no-ops. Rows are worked per contact in id order.
CREATE TABLE inbox (
    id            INTEGER PRIMARY KEY,
    wa_message_id TEXT    NOT NULL UNIQUE,
    contact_id    INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    message_id    INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    -- The normalized message (whatsapp.Message) as JSON.
    payload       TEXT    NOT NULL,
    -- When the customer sent it (Meta's timestamp) and when it reached us.
    sent_at       INTEGER NOT NULL,
    received_at   INTEGER NOT NULL,
    -- pending, done (the flow ran), stale (too old to run), skipped (not
    -- for the bot: paused, a reaction...), failed (gave up after errors).
    state         TEXT    NOT NULL DEFAULT 'pending',
    attempts      INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    error         TEXT    NOT NULL DEFAULT '',
    processed_at  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX inbox_pending ON inbox(state, contact_id, id);

-- The durable outbound queue: one row per WhatsApp message to send. Rows of
-- one contact go out in id order, each not before send_after (delay nodes),
-- retried with backoff at next_attempt_at.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    message_id      INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    contact_id      INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    -- The message to send (whatsapp.Outgoing) as JSON.
    payload         TEXT    NOT NULL,
    send_after      INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    -- pending, sent, failed
    state           TEXT    NOT NULL DEFAULT 'pending',
    last_error      TEXT    NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outbox_pending ON outbox(state, contact_id, id);

-- Status webhooks that arrived before the Graph API's answer was recorded
-- (Meta can be that fast). They are applied when the message's id becomes
-- known, and forgotten after a week (messages sent by other tools).
CREATE TABLE status_backlog (
    wa_message_id TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    error         TEXT    NOT NULL DEFAULT '',
    at            INTEGER NOT NULL,
    PRIMARY KEY (wa_message_id, status)
);
