-- Attributes gain the type "list" (a JSON array, such as the time slots an
-- API returned). SQLite cannot change a CHECK constraint in place, so the
-- table is rebuilt; nothing refers to it by foreign key. The triggers of
-- 0007 go with the old table and are made again.
CREATE TABLE attributes_new (
    name        TEXT    NOT NULL PRIMARY KEY COLLATE NOCASE,
    type        TEXT    NOT NULL CHECK (type IN ('text', 'number', 'boolean', 'date', 'list')),
    description TEXT    NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
INSERT INTO attributes_new(name, type, description, created_at, updated_at)
    SELECT name, type, description, created_at, updated_at FROM attributes;
DROP TABLE attributes;
ALTER TABLE attributes_new RENAME TO attributes;

CREATE TRIGGER attributes_inserted AFTER INSERT ON attributes BEGIN UPDATE definitions_version SET version = version + 1; END;
CREATE TRIGGER attributes_updated AFTER UPDATE ON attributes BEGIN UPDATE definitions_version SET version = version + 1; END;
CREATE TRIGGER attributes_deleted AFTER DELETE ON attributes BEGIN UPDATE definitions_version SET version = version + 1; END;
UPDATE definitions_version SET version = version + 1;
