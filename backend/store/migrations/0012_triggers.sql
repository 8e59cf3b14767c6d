-- Triggers let the business's own systems reach a customer through
-- POST /notify/{name} on the webhook listener. Each starts a flow
-- (flow_id) or sends a template (template + language, with one parameter
-- template per placeholder). Its secret token is shown once when created
-- and stored only as its SHA-256: the token is 256 random bits, so the hash
-- cannot be reversed by guessing. A deleted flow leaves the trigger in
-- place with no flow, so that its requests are refused with a reason
-- instead of the trigger vanishing.
CREATE TABLE triggers (
    id               INTEGER PRIMARY KEY,
    name             TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    flow_id          INTEGER REFERENCES flows(id) ON DELETE SET NULL,
    template         TEXT    NOT NULL DEFAULT '',
    language         TEXT    NOT NULL DEFAULT '',
    -- JSON array of texts with {{attribute}} placeholders, one per template
    -- parameter, and the media header's link.
    parameters       TEXT    NOT NULL DEFAULT '[]',
    header_media_url TEXT    NOT NULL DEFAULT '',
    token_hash       TEXT    NOT NULL,
    token_hint       TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    last_used_at     INTEGER NOT NULL DEFAULT 0,
    uses             INTEGER NOT NULL DEFAULT 0
);
