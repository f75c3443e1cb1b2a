-- The person's corrections of the payments and income selfdata found coming back in their bank lines. Keep in step
-- with ../postgresql/V16__recurring_corrections.sql: VaultSchemaTest compares the two.
-- Append-only, as place_corrections: each correction (confirmed, ended, not recurring, each with the person's name
-- for the flow or none, or taken back) is a new row numbered after the person's last, and the latest for a flow is
-- what holds, so that none is lost. The flow's key (drawn from its payee), the verdict and the name are sealed under
-- the vault's key and bound to the person and the number: a name says who the person pays. In the clear are only the
-- number and the time it was made.
CREATE TABLE recurring_corrections (
    person_id         INTEGER NOT NULL REFERENCES persons (person_id),
    correction_number INTEGER NOT NULL,
    recorded_at       INTEGER NOT NULL,
    correction        BLOB    NOT NULL,
    PRIMARY KEY (person_id, correction_number)
) WITHOUT ROWID;
