-- Every head the vault signed over each person's log, and the auditors a person named. Keep in step with
-- ../sqlite/V15__log_head_history.sql: VaultSchemaTest compares the two.

-- Each signed head, kept when the next one replaces it in log_heads: an auditor or a recipient holding an old head asks
-- for the proof from it, and verifying the log checks every head against the entries, so that an entry altered along
-- with its stored hash is still named (between the last head that holds and the first that does not). A head says
-- only how many entries the log had, its root and when: nothing of what the entries say.
CREATE TABLE log_head_history (
    person_id   BIGINT NOT NULL,
    tree_size   BIGINT NOT NULL,
    root_hash   BYTEA  NOT NULL,
    signed_at   BIGINT NOT NULL,
    signed_head TEXT   NOT NULL,
    PRIMARY KEY (person_id, tree_size)
);
ALTER TABLE log_head_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE log_head_history FORCE ROW LEVEL SECURITY;
CREATE POLICY person_isolation ON log_head_history
    USING (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint)
    WITH CHECK (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint);

-- How many records each entry carried, repeated from its leaf like action and grant_id, so that a grant's daily volume
-- is a sum over an index rather than every entry of the day parsed. Verifying the log checks it against the leaf.
ALTER TABLE log_entries ADD COLUMN record_count BIGINT NOT NULL DEFAULT 0;
-- The daily volume reads this index alone: the grant's entries of one action over the last day, with their counts.
CREATE INDEX log_entries_volume ON log_entries (person_id, grant_id, action, recorded_at, record_count);

-- The newest head of each log starts its history, and each entry's count is read from its leaf. Row-level security
-- shows a transaction only the rows of the person it names: each person is named in turn.
DO $$
DECLARE
    person BIGINT;
BEGIN
    FOR person IN SELECT person_id FROM persons LOOP
        PERFORM set_config('selfdata.person_id', person::text, true);
        INSERT INTO log_head_history (person_id, tree_size, root_hash, signed_at, signed_head)
            SELECT person_id, tree_size, root_hash, signed_at, signed_head FROM log_heads WHERE person_id = person;
        UPDATE log_entries SET record_count = (convert_from(leaf, 'UTF8')::json ->> 'count')::bigint
            WHERE person_id = person;
    END LOOP;
    PERFORM set_config('selfdata.person_id', '', true);
END
$$;

-- The auditors a person named: each holds a token that reads the heads of that person's log and the proofs between
-- them, and nothing else (no entry, no record). Looked up by token before the person is known, like oauth_tokens, so
-- vault-wide; only the token's SHA-256 is stored. name is what the person calls the auditor ("CNIL", "my lawyer").
CREATE TABLE log_auditors (
    token_hash   BYTEA  NOT NULL PRIMARY KEY,
    auditor_id   TEXT   NOT NULL UNIQUE,
    person_id    BIGINT NOT NULL REFERENCES persons (person_id),
    name         TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    last_used_at BIGINT
);
CREATE INDEX log_auditors_person ON log_auditors (person_id);
