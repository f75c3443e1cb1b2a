-- Sharing, PostgreSQL. Keep in step with ../sqlite/V4__sharing.sql: VaultSchemaTest compares the two.
-- Recipients register with the platform rather than with one person, so recipients and their declarations are
-- vault-wide and outside row-level security; grants and withdrawals are a person's, with person_id leading.
-- Identities, declarations and grant terms are canonical JSON, written and read by SharingJson.

CREATE TABLE recipients (
    recipient_id  TEXT   NOT NULL PRIMARY KEY,
    kind          TEXT   NOT NULL,
    identity      TEXT   NOT NULL,
    redirect_uris TEXT   NOT NULL,
    registered_at BIGINT NOT NULL
);

-- A recipient's declared processing, one row per version. A grant points at the version the person was shown,
-- so a version never changes or goes once written.
CREATE TABLE recipient_declarations (
    recipient_id TEXT    NOT NULL REFERENCES recipients (recipient_id),
    version      INTEGER NOT NULL,
    declaration  TEXT    NOT NULL,
    declared_at  BIGINT  NOT NULL,
    PRIMARY KEY (recipient_id, version)
);

CREATE FUNCTION refuse_declaration_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a recipient''s declaration never changes once written; declare a new version';
END
$$;
CREATE TRIGGER recipient_declarations_written_once BEFORE UPDATE OR DELETE ON recipient_declarations
    FOR EACH ROW EXECUTE FUNCTION refuse_declaration_change();

CREATE TABLE grants (
    person_id           BIGINT  NOT NULL REFERENCES persons (person_id),
    grant_id            TEXT    NOT NULL UNIQUE,
    recipient_id        TEXT    NOT NULL,
    declaration_version INTEGER NOT NULL,
    kind                TEXT    NOT NULL,
    terms               TEXT    NOT NULL,
    given_at            BIGINT  NOT NULL,
    valid_until         BIGINT  NOT NULL,
    PRIMARY KEY (person_id, grant_id),
    FOREIGN KEY (recipient_id, declaration_version) REFERENCES recipient_declarations (recipient_id, version)
);
CREATE INDEX grants_recipient ON grants (person_id, recipient_id);

-- A withdrawal is a row of its own rather than a column updated in grants: a grant's terms are written once.
CREATE TABLE grant_withdrawals (
    person_id    BIGINT NOT NULL,
    grant_id     TEXT   NOT NULL,
    withdrawn_at BIGINT NOT NULL,
    PRIMARY KEY (person_id, grant_id),
    FOREIGN KEY (person_id, grant_id) REFERENCES grants (person_id, grant_id)
);

ALTER TABLE grants ENABLE ROW LEVEL SECURITY;
ALTER TABLE grants FORCE ROW LEVEL SECURITY;
CREATE POLICY person_isolation ON grants
    USING (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint)
    WITH CHECK (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint);

ALTER TABLE grant_withdrawals ENABLE ROW LEVEL SECURITY;
ALTER TABLE grant_withdrawals FORCE ROW LEVEL SECURITY;
CREATE POLICY person_isolation ON grant_withdrawals
    USING (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint)
    WITH CHECK (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint);
