-- The person's corrections of the places selfdata found in their locations. Keep in step with
-- ../sqlite/V14__place_corrections.sql: VaultSchemaTest compares the two.
-- Append-only: each correction (confirmed, named, marked wrong, or taken back) is a new row numbered after the
-- person's last, and the latest for a place is what holds, so that none is lost. Everything that tells where the
-- place is or what the person calls it (its key, an H3 cell; its position; the verdict and the name) is sealed under
-- the vault's key and bound to the person and the number: a correction names the person's home. In the clear are only
-- the number and the time it was made.
CREATE TABLE place_corrections (
    person_id         BIGINT  NOT NULL REFERENCES persons (person_id),
    correction_number BIGINT  NOT NULL,
    recorded_at       BIGINT  NOT NULL,
    correction        BYTEA   NOT NULL,
    PRIMARY KEY (person_id, correction_number)
);

ALTER TABLE place_corrections ENABLE ROW LEVEL SECURITY;
ALTER TABLE place_corrections FORCE ROW LEVEL SECURITY;
CREATE POLICY person_isolation ON place_corrections
    USING (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint)
    WITH CHECK (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint);
