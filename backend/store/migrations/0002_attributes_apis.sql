-- Custom attributes. Built-ins (contact.name, api.status, ...) live in code
-- and are never stored. Names are identifiers; uniqueness ignores case so
-- that "Order_ID" and "order_id" cannot both exist and confuse a flow.
CREATE TABLE attributes (
    name        TEXT    NOT NULL PRIMARY KEY COLLATE NOCASE,
    type        TEXT    NOT NULL CHECK (type IN ('text', 'number', 'boolean', 'date')),
    description TEXT    NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

-- Saved APIs. The definition is the apicall.Definition JSON (the bundle
-- shape, without id and samples); name is repeated as a column for the
-- unique rule and lookups by name from flows. The sample response and its
-- structure come from the last test before saving.
CREATE TABLE apis (
    id               INTEGER PRIMARY KEY,
    name             TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    definition       TEXT    NOT NULL,
    sample_response  TEXT    NOT NULL DEFAULT '',
    sample_structure TEXT    NOT NULL DEFAULT '[]',
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);

-- Every call made (test, simulator, live), with secrets already redacted
-- and the response cut short. api_id is NULL for a test of an unsaved API;
-- contact_id is NULL outside a conversation.
CREATE TABLE api_call_log (
    id                 INTEGER PRIMARY KEY,
    at                 INTEGER NOT NULL,
    api_id             INTEGER REFERENCES apis(id) ON DELETE CASCADE,
    api_name           TEXT    NOT NULL,
    contact_id         INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    source             TEXT    NOT NULL,
    method             TEXT    NOT NULL,
    url                TEXT    NOT NULL,
    status             INTEGER NOT NULL,
    duration_ms        INTEGER NOT NULL,
    error              TEXT    NOT NULL DEFAULT '',
    request_headers    TEXT    NOT NULL DEFAULT '[]',
    request_body       TEXT    NOT NULL DEFAULT '',
    response_body      TEXT    NOT NULL DEFAULT '',
    response_truncated INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX api_call_log_api ON api_call_log(api_id, id);
CREATE INDEX api_call_log_contact ON api_call_log(contact_id) WHERE contact_id IS NOT NULL;

-- Attribute values per contact, in the normalized text form of their type.
-- An empty value is never stored: "no value" is a missing row.
CREATE TABLE contact_attributes (
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (contact_id, name)
) WITHOUT ROWID;
CREATE INDEX contact_attributes_name ON contact_attributes(name);
