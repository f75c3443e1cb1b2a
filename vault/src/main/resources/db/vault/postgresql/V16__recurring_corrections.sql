-- The person's corrections of the payments and income selfdata found coming back in their bank lines. Keep in step
-- with ../sqlite/V16__recurring_corrections.sql: VaultSchemaTest compares the two.
-- Append-only, as place_corrections: each correction (confirmed, ended, not recurring, each with the person's name
-- for the flow or none, or taken back) is a new row numbered after the person's last, and the latest for a flow is
-- what holds, so that none is lost. The flow's key (drawn from its payee), the verdict and the name are sealed under
-- the vault's key and bound to the person and the number: a name says who the person pays. In the clear are only the
-- number and the time it was made.
CREATE TABLE recurring_corrections (
    person_id         BIGINT  NOT NULL REFERENCES persons (person_id),
    correction_number BIGINT  NOT NULL,
    recorded_at       BIGINT  NOT NULL,
    correction        BYTEA   NOT NULL,
    PRIMARY KEY (person_id, correction_number)
);

ALTER TABLE recurring_corrections ENABLE ROW LEVEL SECURITY;
ALTER TABLE recurring_corrections FORCE ROW LEVEL SECURITY;
CREATE POLICY person_isolation ON recurring_corrections
    USING (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint)
    WITH CHECK (person_id = nullif(current_setting('selfdata.person_id', true), '')::bigint);
