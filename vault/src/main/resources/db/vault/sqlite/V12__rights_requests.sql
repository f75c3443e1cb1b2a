-- The rights desk's requests to organizations. Keep in step with ../postgresql/V12__rights_requests.sql:
-- VaultSchemaTest compares the two.
-- Every payload and document is sealed under the vault's key and bound to its person and ids, since it names the
-- organization, what the request is about and what the organization answered. In the clear are only what ordering and
-- the log need: ids, times, the status term of each event, and each document's SHA-256, media type and size, which the
-- person's transparency log also holds.

-- A request: its payload is the rights desk's JSON (organization, right, channel, language, reference).
CREATE TABLE rights_requests (
    person_id  INTEGER NOT NULL REFERENCES persons (person_id),
    request_id TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    payload    BLOB    NOT NULL,
    PRIMARY KEY (person_id, request_id)
) WITHOUT ROWID;

-- Each step of a request, numbered from 0 (the draft), with the status it reached.
CREATE TABLE rights_events (
    person_id   INTEGER NOT NULL,
    request_id  TEXT    NOT NULL,
    event_index INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    status      TEXT    NOT NULL,
    payload     BLOB    NOT NULL,
    PRIMARY KEY (person_id, request_id, event_index),
    FOREIGN KEY (person_id, request_id) REFERENCES rights_requests (person_id, request_id)
) WITHOUT ROWID;

-- The documents that prove a step: letters sent, messages and files received, acknowledgements of receipt.
CREATE TABLE rights_documents (
    person_id   INTEGER NOT NULL,
    document_id TEXT    NOT NULL,
    request_id  TEXT    NOT NULL,
    event_index INTEGER NOT NULL,
    ordinal     INTEGER NOT NULL,
    sha256      TEXT    NOT NULL,
    media_type  TEXT    NOT NULL,
    size_bytes  INTEGER NOT NULL,
    content     BLOB    NOT NULL,
    PRIMARY KEY (person_id, document_id),
    FOREIGN KEY (person_id, request_id, event_index) REFERENCES rights_events (person_id, request_id, event_index)
) WITHOUT ROWID;

CREATE INDEX rights_documents_by_event ON rights_documents (person_id, request_id, event_index, ordinal);

-- The rights desk's settings for a person, such as their mail account and how their letters name them.
CREATE TABLE rights_settings (
    person_id INTEGER NOT NULL REFERENCES persons (person_id),
    name      TEXT    NOT NULL,
    sealed    BLOB    NOT NULL,
    saved_at  INTEGER NOT NULL,
    PRIMARY KEY (person_id, name)
) WITHOUT ROWID;
