-- The identity document a person chose to enclose with a drafted rights request. Keep in step with
-- ../postgresql/V13__rights_identity_documents.sql: VaultSchemaTest compares the two.
-- At most one per request, kept only while the request is a draft: the step that moves the request on carries it among
-- its documents (rights_documents) and this row goes in the same transaction. Its name and bytes are sealed under the
-- vault's key and bound to the person, the request and the digest; in the clear are only the SHA-256, media type and
-- size, as for any document of a step.
CREATE TABLE rights_identity_documents (
    person_id   INTEGER NOT NULL,
    request_id  TEXT    NOT NULL,
    sha256      TEXT    NOT NULL,
    media_type  TEXT    NOT NULL,
    size_bytes  INTEGER NOT NULL,
    sealed_name BLOB    NOT NULL,
    content     BLOB    NOT NULL,
    saved_at    INTEGER NOT NULL,
    PRIMARY KEY (person_id, request_id),
    FOREIGN KEY (person_id, request_id) REFERENCES rights_requests (person_id, request_id)
) WITHOUT ROWID;
