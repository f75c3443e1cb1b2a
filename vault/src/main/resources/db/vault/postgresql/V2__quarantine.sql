-- The records a lenient import could not read, kept with their batch so that nothing is dropped without being
-- reported. Position and reason are sealed together under the batch's source key: a position points into a
-- personal file, and a reason may say which field of it was wrong.
CREATE TABLE rejects (
    person_id     BIGINT NOT NULL,
    batch_id      BIGINT NOT NULL,
    reject_number BIGINT NOT NULL,
    sealed        BYTEA  NOT NULL,
    PRIMARY KEY (person_id, batch_id, reject_number),
    FOREIGN KEY (person_id, batch_id) REFERENCES import_batches (person_id, batch_id)
);

ALTER TABLE rejects ENABLE ROW LEVEL SECURITY;
ALTER TABLE rejects FORCE ROW LEVEL SECURITY;
CREATE POLICY person_isolation ON rejects
    USING (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint)
    WITH CHECK (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint);
