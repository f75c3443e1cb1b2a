-- The organizations a person added to the rights desk's directory, or corrected in it. Keep in step with
-- ../postgresql/V11__rights_organizations.sql: VaultSchemaTest compares the two.
-- slug names the organization in the directory: a correction carries the slug of the entry it replaces. organization
-- is the organization's JSON (its name, addresses, contacts), sealed under the vault's key and bound to its person and
-- slug: which organizations a person deals with says much about them.
CREATE TABLE rights_organizations (
    person_id    INTEGER NOT NULL REFERENCES persons (person_id),
    slug         TEXT    NOT NULL,
    organization BLOB    NOT NULL,
    saved_at     INTEGER NOT NULL,
    PRIMARY KEY (person_id, slug)
) WITHOUT ROWID;
