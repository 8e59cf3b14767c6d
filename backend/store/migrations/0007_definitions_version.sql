-- A counter that every change to flows, APIs or attribute definitions moves,
-- whoever makes it (this process, or `chatflow import` in another one). The
-- live bot keeps their decoded form until it moves (store/live_defs.go)
-- instead of reading and decoding them on every turn.
CREATE TABLE definitions_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO definitions_version(id, version) VALUES (1, 0);

CREATE TRIGGER flows_inserted AFTER INSERT ON flows BEGIN UPDATE definitions_version SET version = version + 1; END;
CREATE TRIGGER flows_updated AFTER UPDATE ON flows BEGIN UPDATE definitions_version SET version = version + 1; END;
CREATE TRIGGER flows_deleted AFTER DELETE ON flows BEGIN UPDATE definitions_version SET version = version + 1; END;
CREATE TRIGGER apis_inserted AFTER INSERT ON apis BEGIN UPDATE definitions_version SET version = version + 1; END;
CREATE TRIGGER apis_updated AFTER UPDATE ON apis BEGIN UPDATE definitions_version SET version = version + 1; END;
CREATE TRIGGER apis_deleted AFTER DELETE ON apis BEGIN UPDATE definitions_version SET version = version + 1; END;
CREATE TRIGGER attributes_inserted AFTER INSERT ON attributes BEGIN UPDATE definitions_version SET version = version + 1; END;
CREATE TRIGGER attributes_updated AFTER UPDATE ON attributes BEGIN UPDATE definitions_version SET version = version + 1; END;
CREATE TRIGGER attributes_deleted AFTER DELETE ON attributes BEGIN UPDATE definitions_version SET version = version + 1; END;
