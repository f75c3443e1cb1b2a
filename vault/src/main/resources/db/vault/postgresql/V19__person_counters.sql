-- Each person's counters in a table of their own. Keep in step with ../sqlite/V19__person_counters.sql: VaultSchemaTest
-- compares the two.
-- The numbers imports take for sources, batches and records, and how many times the person's records changed, were
-- columns of persons. On a Citus cluster persons is a reference table, copied to every node so that a handle stays
-- unique in the whole vault: every import, which takes numbers and counts a change, then wrote to every node and
-- committed over the whole cluster. Here, keyed by person_id, the counters are distributed with the person's other rows
-- (CitusDistribution), and an import commits on the person's node alone. The values move as they are; a person added
-- later gets a row from the first transaction that needs one (Counters), with these defaults.
CREATE TABLE person_counters (
    person_id       BIGINT NOT NULL PRIMARY KEY REFERENCES persons (person_id),
    next_source_id  BIGINT NOT NULL DEFAULT 1,
    next_batch_id   BIGINT NOT NULL DEFAULT 1,
    next_record_id  BIGINT NOT NULL DEFAULT 1,
    records_changed BIGINT NOT NULL DEFAULT 0
);

-- Copied before row-level security is turned on below: this migration names nobody, and moves everyone's counters.
INSERT INTO person_counters (person_id, next_source_id, next_batch_id, next_record_id, records_changed)
SELECT person_id, next_source_id, next_batch_id, next_record_id, records_changed FROM persons;

ALTER TABLE persons
    DROP COLUMN next_source_id,
    DROP COLUMN next_batch_id,
    DROP COLUMN next_record_id,
    DROP COLUMN records_changed;

-- A person's session sees and changes only that person's counters, as in every personal table.
ALTER TABLE person_counters ENABLE ROW LEVEL SECURITY;
ALTER TABLE person_counters FORCE ROW LEVEL SECURITY;
CREATE POLICY person_isolation ON person_counters
    USING (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint)
    WITH CHECK (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint);
