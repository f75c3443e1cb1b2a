-- The transparency log. Keep in step with ../postgresql/V3__transparency_log.sql: VaultSchemaTest compares the two.
-- Each entry is a leaf of the person's Merkle tree (RFC 6962): leaf holds the exact bytes hashed, leaf_hash their
-- hash as computed when the entry was appended. action, recipient_id and grant_id repeat what the leaf says, for
-- queries. Entries hold no personal content: types, counts, spans, ids.
CREATE TABLE log_entries (
    person_id    INTEGER NOT NULL,
    entry_index  INTEGER NOT NULL,
    recorded_at  INTEGER NOT NULL,
    action       TEXT    NOT NULL,
    recipient_id TEXT,
    grant_id     TEXT,
    leaf         BLOB    NOT NULL,
    leaf_hash    BLOB    NOT NULL,
    PRIMARY KEY (person_id, entry_index)
) WITHOUT ROWID;
CREATE INDEX log_entries_recipient ON log_entries (person_id, recipient_id, entry_index);
CREATE INDEX log_entries_grant ON log_entries (person_id, grant_id, entry_index);

-- The newest signed head of each person's log, replaced by every append in the same transaction, with the roots of
-- the tree's right edge (frontier) so that the next append needs none of the earlier entries.
CREATE TABLE log_heads (
    person_id   INTEGER NOT NULL PRIMARY KEY,
    tree_size   INTEGER NOT NULL,
    root_hash   BLOB    NOT NULL,
    signed_at   INTEGER NOT NULL,
    signed_head TEXT    NOT NULL,
    frontier    BLOB    NOT NULL
);
