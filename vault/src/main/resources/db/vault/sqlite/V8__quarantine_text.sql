-- What the quarantine keeps of a rejected record besides where and why. Keep in step with
-- ../postgresql/V8__quarantine_text.sql: VaultSchemaTest compares the two.
-- text is the record as the file wrote it (a CSV row), sealed under the batch's source key like the rest, so that
-- its owner can read it, correct it and import it again; importers that cannot give it leave it out.
-- fingerprint is the first 64 bits of the source's keyed PRF over position, reason and text: a rejection the source's
-- quarantine already holds, from an earlier import of the same file, is counted and not kept a second time. Rows
-- quarantined before this migration have none.
ALTER TABLE rejects ADD COLUMN text BLOB;
ALTER TABLE rejects ADD COLUMN fingerprint INTEGER;
CREATE UNIQUE INDEX rejects_fingerprint ON rejects (person_id, fingerprint);

-- Rejections of a batch that its source's quarantine already held, and so were not kept again.
ALTER TABLE import_batches ADD COLUMN already_rejected INTEGER NOT NULL DEFAULT 0;
