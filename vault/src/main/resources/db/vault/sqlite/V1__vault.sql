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

CREATE TABLE records (
    person_id   INTEGER NOT NULL,
    record_id   INTEGER NOT NULL,
    source_id   INTEGER NOT NULL,
    batch_id    INTEGER NOT NULL,
    type        TEXT    NOT NULL,
    category    TEXT    NOT NULL,
    time_start  INTEGER NOT NULL,
    time_end    INTEGER NOT NULL,
    position    TEXT    NOT NULL,
    fingerprint BLOB    NOT NULL,
    occurrence  INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    payload     BLOB    NOT NULL,
    PRIMARY KEY (person_id, record_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX records_fingerprint ON records (person_id, source_id, fingerprint, occurrence);
CREATE INDEX records_type_time ON records (person_id, type, time_start, record_id);
CREATE INDEX records_time ON records (person_id, time_start, record_id);

-- Earlier versions of rectified records, still readable by their owner.
CREATE TABLE record_versions (
    person_id     INTEGER NOT NULL,
    record_id     INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    source_id     INTEGER NOT NULL,
    category      TEXT    NOT NULL,
    time_start    INTEGER NOT NULL,
    time_end      INTEGER NOT NULL,
    payload       BLOB    NOT NULL,
    superseded_at INTEGER NOT NULL,
    PRIMARY KEY (person_id, record_id, version)
) WITHOUT ROWID;
