-- Records without a time. Keep in step with ../sqlite/V10__untimed_records.sql: VaultSchemaTest compares the two.
-- A record without a time (a contact card without a revision date, an interest or ad category that Meta lists without
-- a date) keeps 253402300800000 in time_start and time_end: the first millisecond after the year 9999, past every
-- time a record can have. Ordered by start, such records come after the timed ones; no time window reaches them.
-- Earlier versions put them at 0 (1970-01-01T00:00:00Z), where they were listed first and stretched every period
-- back to 1970. Their payloads are sealed, so what they are is decided from what is kept in the clear: a contact at 0
-- came from a card without a revision date, and a social post in category pd:Behavioral at 0 from Meta's undated
-- interests and ad categories; a record of any other kind at 0 keeps that time. Sealing and fingerprinting go on
-- using 0 for these records, so the ones moved here still open and are still found when their file comes again.
-- Row-level security shows a transaction only the rows of the person it names: each person is named in turn.
DO $$
DECLARE
    person BIGINT;
BEGIN
    FOR person IN SELECT person_id FROM persons LOOP
        PERFORM set_config('selfdata.person_id', person::text, true);

        UPDATE records SET time_start = 253402300800000, time_end = 253402300800000
        WHERE time_start = 0 AND time_end = 0
          AND (type = 'contact' OR (type = 'social.post' AND category = 'pd:Behavioral'));

        -- Coverage spans only the records that have a time; a source and type with none has first_start
        -- 253402300800000 and last_end -62167219200000 (the start of the year 0000), which least and greatest leave to
        -- the first timed record.
        UPDATE coverage SET
            first_start = coalesce((SELECT min(held.time_start) FROM records held
                WHERE held.person_id = coverage.person_id AND held.source_id = coverage.source_id
                  AND held.type = coverage.type AND held.time_start < 253402300800000), 253402300800000),
            last_end = coalesce((SELECT max(held.time_end) FROM records held
                WHERE held.person_id = coverage.person_id AND held.source_id = coverage.source_id
                  AND held.type = coverage.type AND held.time_start < 253402300800000), -62167219200000)
        WHERE first_start = 0 AND type IN ('contact', 'social.post');
    END LOOP;
    PERFORM set_config('selfdata.person_id', '', true);
END
$$;
