-- Sharing, SQLite. Keep in step with ../postgresql/V4__sharing.sql: VaultSchemaTest compares the two.
-- Recipients and their declarations are vault-wide; grants and withdrawals are a person's, with person_id leading.
-- Identities, declarations and grant terms are canonical JSON, written and read by SharingJson.

CREATE TABLE recipients (
    recipient_id  TEXT    NOT NULL PRIMARY KEY,
    kind          TEXT    NOT NULL,
    identity      TEXT    NOT NULL,
    redirect_uris TEXT    NOT NULL,
    registered_at INTEGER NOT NULL
) WITHOUT ROWID;

-- A recipient's declared processing, one row per version. A grant points at the version the person was shown,
-- so a version never changes or goes once written.
CREATE TABLE recipient_declarations (
    recipient_id TEXT    NOT NULL REFERENCES recipients (recipient_id),
    version      INTEGER NOT NULL,
    declaration  TEXT    NOT NULL,
    declared_at  INTEGER NOT NULL,
    PRIMARY KEY (recipient_id, version)
) WITHOUT ROWID;

CREATE TRIGGER recipient_declarations_not_updated BEFORE UPDATE ON recipient_declarations
BEGIN
    SELECT RAISE(ABORT, 'a recipient''s declaration never changes once written; declare a new version');
END;
CREATE TRIGGER recipient_declarations_not_deleted BEFORE DELETE ON recipient_declarations
BEGIN
    SELECT RAISE(ABORT, 'a recipient''s declaration never changes once written; declare a new version');
END;

CREATE TABLE grants (
    person_id           INTEGER NOT NULL REFERENCES persons (person_id),
    grant_id            TEXT    NOT NULL UNIQUE,
    recipient_id        TEXT    NOT NULL,
    declaration_version INTEGER NOT NULL,
    kind                TEXT    NOT NULL,
    terms               TEXT    NOT NULL,
    given_at            INTEGER NOT NULL,
    valid_until         INTEGER NOT NULL,
    PRIMARY KEY (person_id, grant_id),
    FOREIGN KEY (recipient_id, declaration_version) REFERENCES recipient_declarations (recipient_id, version)
) WITHOUT ROWID;
CREATE INDEX grants_recipient ON grants (person_id, recipient_id);

-- A withdrawal is a row of its own rather than a column updated in grants: a grant's terms are written once.
CREATE TABLE grant_withdrawals (
    person_id    INTEGER NOT NULL,
    grant_id     TEXT    NOT NULL,
    withdrawn_at INTEGER NOT NULL,
    PRIMARY KEY (person_id, grant_id),
    FOREIGN KEY (person_id, grant_id) REFERENCES grants (person_id, grant_id)
) WITHOUT ROWID;
