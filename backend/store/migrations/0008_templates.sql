-- WhatsApp message templates synced from the business account (Templates
-- page, `chatflow templates sync`). A sync replaces the whole set in one
-- transaction, so a template deleted on Meta's side disappears here too.
-- The row keeps the columns the list sorts and filters on; the template
-- itself (whatsapp.Template: header, body, footer, buttons, examples) is
-- JSON.
CREATE TABLE wa_templates (
    name      TEXT    NOT NULL,
    language  TEXT    NOT NULL,
    status    TEXT    NOT NULL,
    category  TEXT    NOT NULL,
    template  TEXT    NOT NULL,
    synced_at INTEGER NOT NULL,
    PRIMARY KEY (name, language)
) WITHOUT ROWID;
