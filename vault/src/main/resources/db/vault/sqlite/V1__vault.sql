-- selfdata vault, SQLite. Keep in step with ../postgresql/V1__vault.sql: VaultSchemaTest compares the two.
-- Times are epoch milliseconds. person_id leads every person-scoped key.

CREATE TABLE vault_meta (
    name  TEXT    NOT NULL PRIMARY KEY,
    value TEXT    NOT NULL
);

CREATE TABLE persons (
    person_id      INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    handle         TEXT    NOT NULL UNIQUE,
    time_zone      TEXT    NOT NULL,
    password_hash  TEXT,
    created_at     INTEGER NOT NULL,
    next_source_id INTEGER NOT NULL DEFAULT 1,
    next_batch_id  INTEGER NOT NULL DEFAULT 1,
    next_record_id INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE owner_sessions (
    token_hash   BLOB    NOT NULL PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES persons (person_id),
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE INDEX owner_sessions_person ON owner_sessions (person_id);

CREATE TABLE sources (
    person_id    INTEGER NOT NULL REFERENCES persons (person_id),
    source_id    INTEGER NOT NULL,
    kind         TEXT    NOT NULL,
    organization TEXT    NOT NULL,
    label        TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (person_id, source_id),
    UNIQUE (person_id, kind, organization, label)
);

-- Each source's keys, wrapped by the vault's key-encryption key. Deleting a row is what erases a source.
CREATE TABLE keysets (
    person_id    INTEGER NOT NULL,
    source_id    INTEGER NOT NULL,
    aead_keyset  BLOB    NOT NULL,
    prf_keyset   BLOB    NOT NULL,
    rotated_at   INTEGER NOT NULL,
    PRIMARY KEY (person_id, source_id),
    FOREIGN KEY (person_id, source_id) REFERENCES sources (person_id, source_id)
);

CREATE TABLE import_batches (
    person_id        INTEGER NOT NULL,
    batch_id         INTEGER NOT NULL,
    source_id        INTEGER NOT NULL,
    format           TEXT    NOT NULL,
    file_name        BLOB    NOT NULL,
    started_at       INTEGER NOT NULL,
    finished_at      INTEGER NOT NULL,
    added            INTEGER NOT NULL,
    duplicates       INTEGER NOT NULL,
    rejected         INTEGER NOT NULL,
    PRIMARY KEY (person_id, batch_id),
    FOREIGN KEY (person_id, source_id) REFERENCES sources (person_id, source_id)
);

-- A person's records, kept in order of type and time: reading a type over a period is one range scan, and an
-- import of a time-ordered file appends. record_number is unique within the person; (type, time_start,
-- record_number) is the record's id. The payload is sealed with its position in the file: both are content.
-- fingerprint is the first 64 bits of a keyed PRF over type, time and payload; with occurrence it tells a record
-- already held from a new one. Equal records start at the same time, so the unique index appends too.
CREATE TABLE records (
    person_id     INTEGER NOT NULL,
    type          TEXT    NOT NULL,
    time_start    INTEGER NOT NULL,
    record_number INTEGER NOT NULL,
    source_id     INTEGER NOT NULL,
    batch_id      INTEGER NOT NULL,
    category      TEXT    NOT NULL,
    time_end      INTEGER NOT NULL,
    fingerprint   INTEGER NOT NULL,
    occurrence    INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    payload       BLOB    NOT NULL,
    PRIMARY KEY (person_id, type, time_start, record_number)
) WITHOUT ROWID;
CREATE UNIQUE INDEX records_fingerprint ON records (person_id, source_id, time_start, fingerprint, occurrence);

-- Earlier versions of rectified records, still readable by their owner.
CREATE TABLE record_versions (
    person_id     INTEGER NOT NULL,
    record_number INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    source_id     INTEGER NOT NULL,
    category      TEXT    NOT NULL,
    payload       BLOB    NOT NULL,
    superseded_at INTEGER NOT NULL,
    PRIMARY KEY (person_id, record_number, version)
) WITHOUT ROWID;

-- How many records of each type each source holds, and the time they span: kept by imports, restores and
-- erasures so that a vault's status never has to count its records.
CREATE TABLE coverage (
    person_id   INTEGER NOT NULL,
    source_id   INTEGER NOT NULL,
    type        TEXT    NOT NULL,
    records     INTEGER NOT NULL,
    first_start INTEGER NOT NULL,
    last_end    INTEGER NOT NULL,
    PRIMARY KEY (person_id, source_id, type)
) WITHOUT ROWID;
