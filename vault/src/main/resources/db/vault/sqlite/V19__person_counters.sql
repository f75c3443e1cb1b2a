-- Each person's counters in a table of their own. Keep in step with ../postgresql/V19__person_counters.sql:
-- VaultSchemaTest compares the two.
-- The numbers imports take for sources, batches and records, and how many times the person's records changed, were
-- columns of persons. On a Citus cluster persons is a reference table, copied to every node so that a handle stays
-- unique in the whole vault: every import, which takes numbers and counts a change, then wrote to every node and
-- committed over the whole cluster. Here, keyed by person_id, the counters are distributed with the person's other rows,
-- and an import commits on the person's node alone. SQLite has no cluster, but keeps the one schema. The values move as
-- they are; a person added later gets a row from the first transaction that needs one (Counters), with these defaults.
CREATE TABLE person_counters (
    person_id       INTEGER NOT NULL PRIMARY KEY REFERENCES persons (person_id),
    next_source_id  INTEGER NOT NULL DEFAULT 1,
    next_batch_id   INTEGER NOT NULL DEFAULT 1,
    next_record_id  INTEGER NOT NULL DEFAULT 1,
    records_changed INTEGER NOT NULL DEFAULT 0
);

INSERT INTO person_counters (person_id, next_source_id, next_batch_id, next_record_id, records_changed)
SELECT person_id, next_source_id, next_batch_id, next_record_id, records_changed FROM persons;

-- SQLite drops a column in place since 3.35; none of these is in an index, a key or a check.
ALTER TABLE persons DROP COLUMN next_source_id;
ALTER TABLE persons DROP COLUMN next_batch_id;
ALTER TABLE persons DROP COLUMN next_record_id;
ALTER TABLE persons DROP COLUMN records_changed;
