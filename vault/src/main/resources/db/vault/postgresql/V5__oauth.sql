-- OAuth 2.0 credentials of recipients. Keep in step with ../sqlite/V5__oauth.sql.
-- Only SHA-256 hashes of secrets and tokens are stored: the database alone cannot be used to act as a recipient.
-- These tables are looked up by token before the person is known, like owner_sessions, so they are vault-wide.

-- The secret an organization authenticates with to push data back under a grant of kind write.
CREATE TABLE recipient_secrets (
    recipient_id TEXT    NOT NULL PRIMARY KEY,
    secret_hash  BYTEA   NOT NULL,
    created_at   BIGINT  NOT NULL
);

-- Authorization codes, access tokens and refresh tokens, each bound to one grant. A code or a refresh token is
-- used once (used_at); a second use revokes its whole family, as RFC 9700 advises for a stolen token.
CREATE TABLE oauth_tokens (
    token_hash     BYTEA   NOT NULL PRIMARY KEY,
    kind           TEXT    NOT NULL,
    person_id      BIGINT  NOT NULL REFERENCES persons (person_id),
    grant_id       TEXT    NOT NULL,
    recipient_id   TEXT    NOT NULL,
    family         BYTEA   NOT NULL,
    code_challenge TEXT    NOT NULL,
    redirect_uri   TEXT    NOT NULL,
    created_at     BIGINT  NOT NULL,
    expires_at     BIGINT  NOT NULL,
    used_at        BIGINT  NOT NULL
);
CREATE INDEX oauth_tokens_grant ON oauth_tokens (person_id, grant_id);
CREATE INDEX oauth_tokens_family ON oauth_tokens (family);

-- The signed consent receipts of each grant given and withdrawn, kept so that the person can fetch them again. A
-- receipt names the recipient and the terms, not the person: its data subject is a pseudonym tied to the grant.
CREATE TABLE consent_receipts (
    person_id  BIGINT  NOT NULL REFERENCES persons (person_id),
    grant_id   TEXT    NOT NULL,
    receipt_id TEXT    NOT NULL,
    event      TEXT    NOT NULL,
    issued_at  BIGINT  NOT NULL,
    jws        TEXT    NOT NULL,
    PRIMARY KEY (person_id, grant_id, receipt_id)
);

ALTER TABLE consent_receipts ENABLE ROW LEVEL SECURITY;
ALTER TABLE consent_receipts FORCE ROW LEVEL SECURITY;
CREATE POLICY person_isolation ON consent_receipts
    USING (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint)
    WITH CHECK (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint);
