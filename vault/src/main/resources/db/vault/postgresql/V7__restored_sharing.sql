-- What a restore brings back of a person's sharing. Keep in step with ../sqlite/V7__restored_sharing.sql:
-- VaultSchemaTest compares the two.

-- The public keys that signed a person's consent receipts in the vault they were exported from. A restored receipt
-- is kept exactly as it was signed, so it is checked against the key that signed it, not this vault's own; the key
-- id is the key's RFC 7638 thumbprint, so one id names one key. Never published as this vault's keys.
CREATE TABLE receipt_signers (
    person_id  BIGINT  NOT NULL REFERENCES persons (person_id),
    key_id     TEXT    NOT NULL,
    public_key TEXT    NOT NULL,
    PRIMARY KEY (person_id, key_id)
);

ALTER TABLE receipt_signers ENABLE ROW LEVEL SECURITY;
ALTER TABLE receipt_signers FORCE ROW LEVEL SECURITY;
CREATE POLICY person_isolation ON receipt_signers
    USING (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint)
    WITH CHECK (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint);

-- Recipients a person who is not the operator brought back with their grants, which this vault had never admitted:
-- kept with their declarations as evidence of those grants, they ask for no grant, get no code, token or secret,
-- and are not listed to anyone until the operator admits them.
CREATE TABLE recipients_awaiting_admission (
    recipient_id TEXT    NOT NULL PRIMARY KEY REFERENCES recipients (recipient_id),
    restored_at  BIGINT  NOT NULL
);
