-- The identity document a person chose to enclose with a drafted rights request. Keep in step with
-- ../sqlite/V13__rights_identity_documents.sql: VaultSchemaTest compares the two.
-- At most one per request, kept only while the request is a draft: the step that moves the request on carries it among
-- its documents (rights_documents) and this row goes in the same transaction. Its name and bytes are sealed under the
-- vault's key and bound to the person, the request and the digest; in the clear are only the SHA-256, media type and
-- size, as for any document of a step.
CREATE TABLE rights_identity_documents (
    person_id   BIGINT  NOT NULL,
    request_id  TEXT    NOT NULL,
    sha256      TEXT    NOT NULL,
    media_type  TEXT    NOT NULL,
    size_bytes  BIGINT  NOT NULL,
    sealed_name BYTEA   NOT NULL,
    content     BYTEA   NOT NULL,
    saved_at    BIGINT  NOT NULL,
    PRIMARY KEY (person_id, request_id),
    FOREIGN KEY (person_id, request_id) REFERENCES rights_requests (person_id, request_id)
);

ALTER TABLE rights_identity_documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE rights_identity_documents FORCE ROW LEVEL SECURITY;
CREATE POLICY person_isolation ON rights_identity_documents
    USING (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint)
    WITH CHECK (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint);
