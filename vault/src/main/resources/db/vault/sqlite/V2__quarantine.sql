-- The records a lenient import could not read, kept with their batch so that nothing is dropped without being
-- reported. Position and reason are sealed together under the batch's source key: a position points into a
-- personal file, and a reason may say which field of it was wrong.
CREATE TABLE rejects (
    person_id     INTEGER NOT NULL,
    batch_id      INTEGER NOT NULL,
    reject_number INTEGER NOT NULL,
    sealed        BLOB    NOT NULL,
    PRIMARY KEY (person_id, batch_id, reject_number),
    FOREIGN KEY (person_id, batch_id) REFERENCES import_batches (person_id, batch_id)
) WITHOUT ROWID;
