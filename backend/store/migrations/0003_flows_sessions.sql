-- Flows. The document (nodes and edges) is JSON in the flow.Flow shape.
-- version grows on every save; compiled expressions are cached by it.
-- valid and problems come from the validation at the last save, for the list.
-- The partial unique index allows at most one published flow; the store
-- switches the published flow inside one transaction.
CREATE TABLE flows (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    published  INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    document   TEXT    NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    valid      INTEGER NOT NULL DEFAULT 0 CHECK (valid IN (0, 1)),
    problems   INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX flows_one_published ON flows(published) WHERE published = 1;

-- One engine session per contact: the JSON of engine.Session (current node,
-- retries left, attribute values, paused, last activity).
CREATE TABLE sessions (
    contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
    state      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);
