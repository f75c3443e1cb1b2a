-- The column mappings a person made for CSV files no importer knows. Keep in step with
-- ../sqlite/V9__csv_mappings.sql: VaultSchemaTest compares the two.
-- fingerprint names the layout of one bank's exports (delimiter, column count, header text; never a data row), so
-- that the next file of the same layout is read with the mapping made for the first. mapping is the mapping file's
-- text, sealed under the vault's key and bound to its person and fingerprint: it may name the person's account.
CREATE TABLE csv_mappings (
    person_id   BIGINT  NOT NULL REFERENCES persons (person_id),
    fingerprint TEXT    NOT NULL,
    mapping     BYTEA   NOT NULL,
    saved_at    BIGINT  NOT NULL,
    PRIMARY KEY (person_id, fingerprint)
);

ALTER TABLE csv_mappings ENABLE ROW LEVEL SECURITY;
ALTER TABLE csv_mappings FORCE ROW LEVEL SECURITY;
CREATE POLICY person_isolation ON csv_mappings
    USING (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint)
    WITH CHECK (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint);
