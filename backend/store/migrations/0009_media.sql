-- Files of the media store (backend/media): one row per stored file, keyed
-- by its SHA-256 in hex. name is its path inside the media folder
-- ("ab/<sha256>.jpg"), built from the checksum and the checked type, never
-- from a name that came from outside. touched_at is when the file was last
-- stored or attached; the sweep keeps unreferenced files for a while after.
CREATE TABLE media_files (
    sha256     TEXT    PRIMARY KEY,
    name       TEXT    NOT NULL,
    mime       TEXT    NOT NULL,
    size       INTEGER NOT NULL,
    touched_at INTEGER NOT NULL
);

-- One row per customer message with an attachment: the durable queue of
-- downloads (pending until done or failed) and, once done, the file it is.
-- Deleting the message (or its contact) deletes the row; the sweep then
-- removes the file when nothing else refers to it.
CREATE TABLE media_downloads (
    message_id      INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
    contact_id      INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    wa_media_id     TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    -- What the webhook announced: type, checksum, the customer's file name
    -- (shown, never used as a path) and caption.
    declared_mime   TEXT    NOT NULL DEFAULT '',
    declared_sha256 TEXT    NOT NULL DEFAULT '',
    filename        TEXT    NOT NULL DEFAULT '',
    caption         TEXT    NOT NULL DEFAULT '',
    -- pending, done, failed
    state           TEXT    NOT NULL DEFAULT 'pending',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    error           TEXT    NOT NULL DEFAULT '',
    sha256          TEXT    REFERENCES media_files(sha256),
    created_at      INTEGER NOT NULL,
    finished_at     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX media_downloads_due ON media_downloads(state, next_attempt_at);
CREATE INDEX media_downloads_file ON media_downloads(sha256) WHERE sha256 IS NOT NULL;

-- The upload cache: the media id WhatsApp gave a stored file on one phone
-- number. Ids last 30 days; the sender uploads again after 29.
CREATE TABLE media_uploads (
    sha256          TEXT    NOT NULL REFERENCES media_files(sha256) ON DELETE CASCADE,
    phone_number_id TEXT    NOT NULL,
    media_id        TEXT    NOT NULL,
    uploaded_at     INTEGER NOT NULL,
    PRIMARY KEY (sha256, phone_number_id)
);
