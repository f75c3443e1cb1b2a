-- The identities people sign in with at the operator's OpenID Connect provider. Keep in step with
-- ../postgresql/V18__person_identities.sql: VaultSchemaTest compares the two.
-- An identity is the provider's issuer and the subject it names the person by (its "sub" claim, stable and never
-- reassigned by the provider, unlike an e-mail address): one person per identity, one identity per person at each
-- provider. It says nothing but who signs in as whom.
CREATE TABLE person_identities (
    person_id INTEGER NOT NULL REFERENCES persons (person_id),
    issuer    TEXT    NOT NULL,
    subject   TEXT    NOT NULL,
    linked_at INTEGER NOT NULL,
    PRIMARY KEY (person_id, issuer),
    UNIQUE (issuer, subject)
) WITHOUT ROWID;
