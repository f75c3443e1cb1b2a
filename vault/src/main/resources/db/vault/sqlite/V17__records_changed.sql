-- How many times each person's records changed. Keep in step with ../postgresql/V17__records_changed.sql: VaultSchemaTest
-- compares the two.
-- One more in every transaction that adds, rectifies or erases some of the person's records (an import or a push
-- published, a restore, a rectification, a source erased), so that a service which keeps what it read of them in memory
-- learns with one small read whether what it holds is still what the vault holds. Record numbers cannot tell it: an
-- import takes its numbers before it publishes, and rectifications and erasures take none. It says nothing of the
-- records but how often they changed.
ALTER TABLE persons ADD COLUMN records_changed INTEGER NOT NULL DEFAULT 0;
