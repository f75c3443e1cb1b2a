-- The transparency log. Keep in step with ../sqlite/V3__transparency_log.sql: VaultSchemaTest compares the two.
-- Each entry is a leaf of the person's Merkle tree (RFC 6962): leaf holds the exact bytes hashed, leaf_hash their
-- hash as computed when the entry was appended. action, recipient_id and grant_id repeat what the leaf says, for
-- queries. Entries hold no personal content: types, counts, spans, ids.
CREATE TABLE log_entries (
    person_id    BIGINT NOT NULL,
    entry_index  BIGINT NOT NULL,
    recorded_at  BIGINT NOT NULL,
    action       TEXT   NOT NULL,
    recipient_id TEXT,
    grant_id     TEXT,
    leaf         BYTEA  NOT NULL,
    leaf_hash    BYTEA  NOT NULL,
    PRIMARY KEY (person_id, entry_index)
);
CREATE INDEX log_entries_recipient ON log_entries (person_id, recipient_id, entry_index);
CREATE INDEX log_entries_grant ON log_entries (person_id, grant_id, entry_index);

-- The newest signed head of each person's log, replaced by every append in the same transaction, with the roots of
-- the tree's right edge (frontier) so that the next append needs none of the earlier entries.
CREATE TABLE log_heads (
    person_id   BIGINT NOT NULL PRIMARY KEY,
    tree_size   BIGINT NOT NULL,
    root_hash   BYTEA  NOT NULL,
    signed_at   BIGINT NOT NULL,
    signed_head TEXT   NOT NULL,
    frontier    BYTEA  NOT NULL
);

DO $$
DECLARE
    person_table TEXT;
BEGIN
    FOREACH person_table IN ARRAY ARRAY['log_entries', 'log_heads'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', person_table);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', person_table);
        EXECUTE format('CREATE POLICY person_isolation ON %I '
                       'USING (person_id = nullif(current_setting(''selfdata.person_id'', true), '''')::bigint) '
                       'WITH CHECK (person_id = nullif(current_setting(''selfdata.person_id'', true), '''')::bigint)',
                       person_table);
    END LOOP;
END
$$;
