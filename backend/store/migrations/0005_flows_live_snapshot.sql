-- Publishing copies a flow's document into live_document, and the WhatsApp
-- bot runs that copy: edits (saved automatically as a draft) reach customers
-- only when the flow is published again. live_version is the version that
-- was published; sessions and the expression cache refer to it.
ALTER TABLE flows ADD COLUMN live_document TEXT;
ALTER TABLE flows ADD COLUMN live_version INTEGER NOT NULL DEFAULT 0;
UPDATE flows SET live_document = document, live_version = version WHERE published = 1;
