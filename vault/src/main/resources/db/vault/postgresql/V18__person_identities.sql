-- The identities people sign in with at the operator's OpenID Connect provider. Keep in step with
-- ../sqlite/V18__person_identities.sql: VaultSchemaTest compares the two.
-- An identity is the provider's issuer and the subject it names the person by (its "sub" claim, stable and never
-- reassigned by the provider, unlike an e-mail address): one person per identity, one identity per person at each
-- provider. It says nothing but who signs in as whom.
CREATE TABLE person_identities (
    person_id BIGINT NOT NULL REFERENCES persons (person_id),
    issuer    TEXT   NOT NULL,
    subject   TEXT   NOT NULL,
    linked_at BIGINT NOT NULL,
    PRIMARY KEY (person_id, issuer),
    UNIQUE (issuer, subject)
);

-- A person's session sees only that person's identities, as in every personal table. Signing in looks the person up
-- before anyone is named, so a session that names the one identity it was handed by the provider, with
--   SELECT set_config('selfdata.identity_issuer', ?, true), set_config('selfdata.identity_subject', ?, true)
-- may read that row, and that row only: nobody can list the identities of others.
ALTER TABLE person_identities ENABLE ROW LEVEL SECURITY;
ALTER TABLE person_identities FORCE ROW LEVEL SECURITY;
CREATE POLICY person_isolation ON person_identities
    USING (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint)
    WITH CHECK (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint);
CREATE POLICY identity_lookup ON person_identities FOR SELECT
    USING (issuer = current_setting('selfdata.identity_issuer', true)
        AND subject = current_setting('selfdata.identity_subject', true));
